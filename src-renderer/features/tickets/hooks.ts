import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { BulkResult, Contract, InputOf, TicketDetail } from '../../../src-shared/contract';
import type { TicketAction } from '../../../src-shared/domain/lifecycle';
import { TICKET_STATUSES } from '../../../src-shared/domain/tickets';
import { api, isApiError, onEvent, queryKeys } from '../../api';

export type TicketListFilter = Omit<InputOf<Contract['tickets']['list']>, 'cursor' | 'limit'>;
export type CreateTicketInput = InputOf<Contract['tickets']['create']>;

const PAGE_SIZE = 100;

export function useTicketList(filter: TicketListFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.tickets.list(filter),
    queryFn: ({ pageParam }) => api.tickets.list({ ...filter, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useTicket(id: number) {
  return useQuery({ queryKey: queryKeys.tickets.detail(id), queryFn: () => api.tickets.get({ id }), enabled: Number.isSafeInteger(id) && id > 0 });
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTicketInput) => api.tickets.create(input),
    onSuccess: async (ticket) => {
      queryClient.setQueryData(queryKeys.tickets.detail(ticket.id), ticket);
      // A typed-in customer may be new: forget cached look-ups too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all }),
        queryClient.invalidateQueries({ queryKey: ['customers', 'lookup'] }),
      ]);
    },
  });
}

export function useProblemCategories() {
  // Problem categories change with a migration, not during a session.
  return useQuery({ queryKey: queryKeys.tickets.problemCategories, queryFn: () => api.tickets.problemCategories(), staleTime: Infinity });
}

/** One lifecycle action with its channel's input, e.g. { action: 'assign', input: { id, version, engineerId } }. */
export type TicketActionCall = { [A in TicketAction]: { action: A; input: InputOf<Contract['tickets'][A]> } }[TicketAction];

/** Takes a lifecycle action (see useRequestChange for what follows). */
export function useTicketAction(id: number) {
  return useRequestChange(id, (call: TicketActionCall): Promise<TicketDetail> =>
    // Every action channel takes its own input (checked by TicketActionCall) and returns TicketDetail.
    (api.tickets[call.action] as (input: TicketActionCall['input']) => Promise<TicketDetail>)(call.input),
  );
}

/**
 * A change to one request that main answers with the fresh request: it replaces the cached
 * one and the lists refresh. When main refuses it because the request changed meanwhile
 * (CONFLICT), the change no longer fits (INVALID_TRANSITION) or is no longer the user's to
 * make (FORBIDDEN), the request is fetched again so the page shows what is true.
 */
function useRequestChange<I>(id: number, mutationFn: (input: I) => Promise<TicketDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (ticket) => {
      queryClient.setQueryData(queryKeys.tickets.detail(ticket.id), ticket);
      await refreshAfterChange(queryClient);
    },
    onError: async (error) => {
      if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'INVALID_TRANSITION' || error.code === 'FORBIDDEN')) {
        await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.detail(id) });
      }
    },
  });
}

/** Complaint handling: changes that keep the status but move the version (CONFLICT reloads the request). */
export type ComplaintCall =
  | { kind: 'acknowledgeComplaint'; input: InputOf<Contract['tickets']['acknowledgeComplaint']> }
  | { kind: 'updateComplaint'; input: InputOf<Contract['tickets']['updateComplaint']> };

export function useComplaintAction(id: number) {
  return useRequestChange(id, (call: ComplaintCall) =>
    call.kind === 'acknowledgeComplaint' ? api.tickets.acknowledgeComplaint(call.input) : api.tickets.updateComplaint(call.input),
  );
}

const MERGE_TARGET_STATUSES = TICKET_STATUSES.filter((s) => s !== 'closed');
const MERGE_CANDIDATES = 10;

/** Open requests a duplicate may be merged into, found by number, subject or customer (the newest first). */
export function useMergeCandidates(text: string) {
  const filter = { status: MERGE_TARGET_STATUSES, limit: MERGE_CANDIDATES, ...(text.trim() ? { text: text.trim() } : {}) };
  return useQuery({
    queryKey: queryKeys.tickets.list(filter),
    queryFn: () => api.tickets.list(filter),
    placeholderData: (previous) => previous,
  });
}

export type AttachInput = InputOf<Contract['tickets']['attach']>;

/** Uploads one file to the request; the fresh request replaces the cached one. */
export function useAttach() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AttachInput) => api.tickets.attach(input),
    onSuccess: (ticket) => {
      queryClient.setQueryData(queryKeys.tickets.detail(ticket.id), ticket);
    },
  });
}

/** The bytes of one attachment, for the user to save. */
export function useDownloadAttachment() {
  return useMutation({ mutationFn: (attachmentId: number) => api.tickets.attachment({ attachmentId }) });
}

/** Refresh the queue, the navigation counts and any open request after a change. */
async function refreshAfterChange(queryClient: ReturnType<typeof useQueryClient>) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['tickets', 'list'] }),
    queryClient.invalidateQueries({ queryKey: queryKeys.tickets.viewCounts }),
  ]);
}

/** How many requests each saved view holds for the caller; 'tickets.changed' refreshes it too. */
export function useViewCounts() {
  return useQuery({
    queryKey: queryKeys.tickets.viewCounts,
    queryFn: () => api.tickets.viewCounts(),
    refetchInterval: 60_000,
    staleTime: 10_000,
  });
}

export type BulkAction = InputOf<Contract['tickets']['bulk']>['action'];
export type BulkItem = InputOf<Contract['tickets']['bulk']>['items'][number];

/** The contract takes at most this many requests per call; bigger selections go in batches. */
export const BULK_MAX = 200;

/** Assign, hold or re-prioritise many requests; each succeeds or fails alone. */
export function useBulkTickets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ items, action }: { items: BulkItem[]; action: BulkAction }): Promise<BulkResult> => {
      const result: BulkResult = { done: [], failed: [] };
      for (let i = 0; i < items.length; i += BULK_MAX) {
        const part = await api.tickets.bulk({ items: items.slice(i, i + BULK_MAX), action });
        result.done.push(...part.done);
        result.failed.push(...part.failed);
      }
      return result;
    },
    onSettled: async () => {
      // Every touched request may have changed: details too.
      await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
    },
  });
}

export type AddNoteInput = InputOf<Contract['tickets']['addNote']>;

/** A reply to the customer or an internal note on the request's timeline. */
export function useAddNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddNoteInput) => api.tickets.addNote(input),
    onSuccess: (ticket) => {
      queryClient.setQueryData(queryKeys.tickets.detail(ticket.id), ticket);
    },
  });
}

export type SetPriorityInput = InputOf<Contract['tickets']['setPriority']>;

/** Changes an open request's priority with the version the page shows (CONFLICT reloads it). */
export function useSetPriority(id: number) {
  return useRequestChange(id, (input: SetPriorityInput) => api.tickets.setPriority(input));
}

export type SetAgreementInput = InputOf<Contract['tickets']['setAgreement']>;

/** Applies another service agreement (both SLA targets are recomputed); CONFLICT reloads the request. */
export function useSetAgreement(id: number) {
  // New due times move the request in and out of the SLA views: the lists refresh too.
  return useRequestChange(id, (input: SetAgreementInput) => api.tickets.setAgreement(input));
}

/**
 * Pushed 'tickets.changed' events refresh every ticket query (lists and details) and the
 * customer 360 pages, whose KPIs and timeline are made of requests.
 */
export function useTicketEvents() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onEvent('tickets.changed', () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
        void queryClient.invalidateQueries({ queryKey: queryKeys.customers.view360 });
      }),
    [queryClient],
  );
}
