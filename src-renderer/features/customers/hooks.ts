import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TimelineKind } from '../../../src-shared/contract';
import { normalizePhone } from '../../../src-shared/domain/phone';
import { api, queryKeys } from '../../api';
import type { SaveAssetInput } from './assets';

export function useCustomerLookup(text: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.customers.lookup(text),
    queryFn: () => api.customers.lookup({ text, limit: 10 }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/**
 * Existing customers that may be the one being created (same name or phone). An unreadable
 * phone is left out rather than failing the check: the form reports it on saving.
 */
export function usePossibleDuplicates(name: string, phone: string) {
  const readable = phone !== '' && normalizePhone(phone).ok ? phone : '';
  return useQuery({
    queryKey: queryKeys.customers.duplicates(name, readable),
    queryFn: () => api.customers.possibleDuplicates({ name, ...(readable ? { phone: readable } : {}) }),
    enabled: name !== '',
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

/** The customer 360 page's profile, contacts, installed base, agreement and KPIs. */
export function useCustomer360(customerId: number) {
  return useQuery({
    queryKey: queryKeys.customers.profile(customerId),
    queryFn: () => api.customers.get({ customerId }),
    enabled: Number.isSafeInteger(customerId) && customerId > 0,
  });
}

/** Adds or edits an installed product; the customer's page lists it with its warranty state as main computed it. */
export function useSaveAsset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveAssetInput) => api.customers.saveAsset(input),
    // Requests about the unit show its warranty too.
    onSuccess: (_asset, input) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.customers.profile(input.customerId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all }),
      ]),
  });
}

export function useRemoveAsset(customerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assetId: number) => api.customers.removeAsset({ id: assetId }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.customers.profile(customerId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all }),
      ]),
  });
}

const TIMELINE_PAGE_SIZE = 30;

/** The customer's request history, newest first, a page at a time; `kinds` undefined is every kind. */
export function useCustomerTimeline(customerId: number, kinds: readonly TimelineKind[] | undefined) {
  return useInfiniteQuery({
    queryKey: queryKeys.customers.timeline(customerId, kinds),
    queryFn: ({ pageParam }) =>
      api.customers.timeline({ customerId, limit: TIMELINE_PAGE_SIZE, ...(kinds ? { kinds: [...kinds] } : {}), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: Number.isSafeInteger(customerId) && customerId > 0,
    // Another filter keeps the current items on screen until its own arrive.
    placeholderData: keepPreviousData,
  });
}
