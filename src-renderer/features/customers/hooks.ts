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

/** Open and recent requests of the customer chosen in the intake form. */
export function useCustomerServiceSummary(customerId: number | null) {
  return useQuery({
    queryKey: queryKeys.tickets.customerSummary(customerId ?? 0),
    queryFn: () => api.customers.serviceSummary({ customerId: customerId ?? 0 }),
    enabled: customerId !== null,
    staleTime: 10_000,
  });
}
