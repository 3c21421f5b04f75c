import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contract, InputOf } from '../../../src-shared/contract';
import { api, queryKeys } from '../../api';

export type SavePartInput = InputOf<Contract['parts']['save']>;

export function useParts(includeInactive = false, enabled = true) {
  return useQuery({
    queryKey: queryKeys.parts.list(includeInactive),
    queryFn: () => api.parts.list({ includeInactive }),
    staleTime: 60_000,
    enabled,
  });
}

export function useSavePart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SavePartInput) => api.parts.save(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.parts.all }),
  });
}
