import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contract, InputOf } from '../../../src-shared/contract';
import { api, isApiError, queryKeys } from '../../api';

export function useSystemStatus() {
  return useQuery({ queryKey: queryKeys.system.status, queryFn: () => api.system.status(), staleTime: Infinity });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<Contract['system']['setup']>) => api.system.setup(input),
    onSuccess: async (result) => {
      queryClient.setQueryData(queryKeys.auth.session, result.user);
      await queryClient.invalidateQueries({ queryKey: queryKeys.system.status });
    },
    onError: (error) => {
      // Another window finished setup first: show its sign-in page instead.
      if (isApiError(error) && error.code === 'CONFLICT' && error.details?.reason === 'setupDone') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.system.status });
      }
    },
  });
}
