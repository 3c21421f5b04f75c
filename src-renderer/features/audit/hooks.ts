import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditFilter } from '../../../src-shared/contract';
import { api } from '../../api';

/** The audit trail's queries (kept here: only this page reads them). */
export const auditKeys = {
  all: ['audit'] as const,
  list: (filter: AuditFilter) => ['audit', 'list', filter] as const,
  actions: ['audit', 'actions'] as const,
};

/** A search of the trail, newest first, a page (AUDIT_PAGE_SIZE) at a time by nextBefore. */
export function useAuditList(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) => api.audit.list({ ...filter, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
    staleTime: 0,
  });
}

/** The actions recorded so far, for the filter. */
export function useAuditActions() {
  return useQuery({ queryKey: auditKeys.actions, queryFn: () => api.audit.actions({}) });
}

/** Walks the hash chain; the check is itself recorded, so the list reads again. */
export function useVerifyAudit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.audit.verify({}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}

/** The trail changed under the page (an export or a check recorded itself): read it again. */
export function useRefreshAudit() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: auditKeys.all });
}
