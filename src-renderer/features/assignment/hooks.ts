import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contract, InputOf } from '../../../src-shared/contract';
import { api, queryKeys } from '../../api';

export type SaveRuleInput = InputOf<Contract['assignment']['saveRule']>;

/** The rules list; its engineers carry their availability, so availability changes refresh it too. */
export const assignmentKeys = {
  all: ['assignment'] as const,
  rules: ['assignment', 'rules'] as const,
};

export function useAssignmentRules(enabled = true) {
  return useQuery({ queryKey: assignmentKeys.rules, queryFn: () => api.assignment.rules(), staleTime: 30_000, enabled });
}

export function useSaveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveRuleInput) => api.assignment.saveRule(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
}

export function useRemoveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.assignment.removeRule({ id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
}

/** Marks an engineer available (在岗) or away (暂离): oneself always, anyone with users.availability. */
export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: number; available: boolean }) => api.users.setAvailability(input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.assignees }),
        queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
      ]),
  });
}
