import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TimelineKind } from '../../../src-shared/contract';
import { normalizePhone } from '../../../src-shared/domain/phone';
import { api, onEvent, queryKeys } from '../../api';
import type { SaveAssetInput } from './assets';
import type { SaveContactInput } from './contacts';
import type { SaveCustomerInput } from './customerForm';
import type { CustomerListFilter } from './customerList';
import type { SaveOrderInput } from './orders';

const LIST_PAGE_SIZE = 50;

/** The customer list (客户), newest first, a keyset page at a time. */
export function useCustomerList(filter: CustomerListFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.customers.list(filter),
    queryFn: ({ pageParam }) => api.customers.list({ ...filter, limit: LIST_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Another filter keeps the current rows on screen until its own arrive.
    placeholderData: keepPreviousData,
  });
}

/** Every tag in use, for the form's picker and the list's filter. */
export function useCustomerTags() {
  return useQuery({ queryKey: queryKeys.customers.tags, queryFn: () => api.customers.tags({}), staleTime: 60_000 });
}

/**
 * After a customer changed: everything about customers (list, 360 pages, look-ups, tags) and
 * the requests, which show the customer's name.
 */
function refreshCustomers(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.customers.all }),
    queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all }),
  ]);
}

/** Creates (no id) or edits a customer's profile. */
export function useSaveCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveCustomerInput) => api.customers.save(input),
    onSuccess: () => refreshCustomers(queryClient),
  });
}

export function useSaveContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveContactInput) => api.customers.saveContact(input),
    // The intake form takes contacts from the look-up: refresh it as well as the page.
    onSuccess: () => refreshCustomers(queryClient),
  });
}

export function useRemoveContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: number) => api.customers.removeContact({ id: contactId }),
    onSuccess: () => refreshCustomers(queryClient),
  });
}

/** Merges `fromId` into `intoId`: every request, contact, product and order moves. */
export function useMergeCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { fromId: number; intoId: number }) => api.customers.merge(input),
    onSuccess: () => refreshCustomers(queryClient),
  });
}

/** Adds or edits a purchase order: the page's orders, timeline, last activity and lifecycle follow. */
export function useSaveOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveOrderInput) => api.customers.saveOrder(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.customers.all }),
  });
}

export function useRemoveOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orderId: number) => api.customers.removeOrder({ id: orderId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.customers.all }),
  });
}

/**
 * Refreshes what shows customers when main says they changed (an import, a merge, another
 * window's edit); a request's change moves its customer's last activity in the list too.
 */
export function useCustomerEvents() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offCustomers = onEvent('customers.changed', () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.customers.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
    });
    const offTickets = onEvent('tickets.changed', () => void queryClient.invalidateQueries({ queryKey: queryKeys.customers.lists }));
    return () => {
      offCustomers();
      offTickets();
    };
  }, [queryClient]);
}

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
