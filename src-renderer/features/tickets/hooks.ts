import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Contract, InputOf, TicketDetail } from '../../../src-shared/contract';
import type { TicketAction } from '../../../src-shared/domain/lifecycle';
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

/**
 * Takes a lifecycle action. Each returns the fresh request, which replaces the cached one.
 * When main says the request changed meanwhile (CONFLICT) or the action no longer fits its
 * status (INVALID_TRANSITION), the request is fetched again so the page shows what is true.
 */
export function useTicketAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (call: TicketActionCall): Promise<TicketDetail> =>
      // Every action channel takes its own input (checked by TicketActionCall) and returns TicketDetail.
      (api.tickets[call.action] as (input: TicketActionCall['input']) => Promise<TicketDetail>)(call.input),
    onSuccess: async (ticket) => {
      queryClient.setQueryData(queryKeys.tickets.detail(ticket.id), ticket);
      await queryClient.invalidateQueries({ queryKey: ['tickets', 'list'] });
    },
    onError: async (error) => {
      if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'INVALID_TRANSITION' || error.code === 'FORBIDDEN')) {
        await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.detail(id) });
      }
    },
  });
}

/** Pushed 'tickets.changed' events refresh every ticket query (lists and details). */
export function useTicketEvents() {
  const queryClient = useQueryClient();
  useEffect(() => onEvent('tickets.changed', () => void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all })), [queryClient]);
}
