import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Contract, InputOf } from '../../../src-shared/contract';
import { api, queryKeys } from '../../api';

/**
 * Erases a customer's personal data (privacy.erase, administrators). Everything showing the
 * customer or its requests is read again: the name, phones and texts are gone.
 */
export function useEraseCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<Contract['privacy']['erase']>) => api.privacy.erase(input),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.customers.all }), queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all })]),
  });
}
