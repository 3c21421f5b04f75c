import { useQuery } from '@tanstack/react-query';
import { api, queryKeys } from '../../api';

export function useAssignees() {
  return useQuery({ queryKey: queryKeys.users.assignees, queryFn: () => api.users.assignees(), staleTime: 60_000 });
}
