import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryKeys } from '../../api';

export function useCustomerLookup(text: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.customers.lookup(text),
    queryFn: () => api.customers.lookup({ text, limit: 10 }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useProducts() {
  return useQuery({ queryKey: queryKeys.customers.products, queryFn: () => api.customers.products(), staleTime: 5 * 60_000 });
}
