import { useQuery } from '@tanstack/react-query';
import { api, queryKeys } from '../../api';

export function useAssignees() {
  return useQuery({ queryKey: queryKeys.users.assignees, queryFn: () => api.users.assignees(), staleTime: 60_000 });
}

/** Every active account: account managers may be agents as well as supervisors. */
export function useUserOptions() {
  return useQuery({ queryKey: queryKeys.users.options, queryFn: () => api.users.options(), staleTime: 60_000 });
}
