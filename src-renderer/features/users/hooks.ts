import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contract, InputOf } from '../../../src-shared/contract';
import { api, queryKeys } from '../../api';

export function useAssignees() {
  return useQuery({ queryKey: queryKeys.users.assignees, queryFn: () => api.users.assignees(), staleTime: 60_000 });
}

/** Every active account: account managers may be agents as well as supervisors. */
export function useUserOptions() {
  return useQuery({ queryKey: queryKeys.users.options, queryFn: () => api.users.options(), staleTime: 60_000 });
}

/** Every account, disabled ones included (administrators: users.manage). */
export function useAccounts(enabled = true) {
  return useQuery({ queryKey: queryKeys.users.accounts, queryFn: () => api.users.list({}), enabled });
}

export function useTeams(enabled = true) {
  return useQuery({ queryKey: queryKeys.users.teams, queryFn: () => api.users.teams({}), enabled });
}

/**
 * An account change refreshes the account list, the team counts and the people pickers
 * (assignees, account managers), which list active accounts by name and role.
 */
function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['users'] });
}

export type CreateAccountInput = InputOf<Contract['users']['create']>;
export type UpdateAccountInput = InputOf<Contract['users']['update']>;

export function useCreateAccount() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (input: CreateAccountInput) => api.users.create(input), onSuccess: invalidate });
}

export function useUpdateAccount() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (input: UpdateAccountInput) => api.users.update(input), onSuccess: invalidate });
}

export function useSetAccountDisabled() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (input: { id: number; disabled: boolean }) => api.users.setDisabled(input), onSuccess: invalidate });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (input: { id: number; password: string }) => api.users.resetPassword(input), onSuccess: invalidate });
}

export function useSaveTeam() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (input: { id?: number; name: string }) => api.users.saveTeam(input), onSuccess: invalidate });
}

export function useRemoveTeam() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (id: number) => api.users.removeTeam({ id }), onSuccess: invalidate });
}
