import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Contract, InputOf } from '../../../src-shared/contract';
import { api, onEvent, queryKeys } from '../../api';

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

/** Pushed 'tickets.changed' events refresh every ticket query (lists and details). */
export function useTicketEvents() {
  const queryClient = useQueryClient();
  useEffect(() => onEvent('tickets.changed', () => void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all })), [queryClient]);
}
