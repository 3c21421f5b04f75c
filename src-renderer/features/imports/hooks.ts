import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ImportJob, ImportMapping } from '../../../src-shared/contract';
import type { ImportEntity } from '../../../src-shared/domain/importFields';
import { api, onEvent, queryKeys } from '../../api';

/** The wizard's queries (kept here: only this page reads them). */
export const importKeys = {
  all: ['imports'] as const,
  templates: (entity: ImportEntity) => ['imports', 'templates', entity] as const,
  runs: ['imports', 'runs'] as const,
  runLog: (runId: number) => ['imports', 'runLog', runId] as const,
  job: (domain: JobDomain, jobId: string) => ['imports', 'job', domain, jobId] as const,
};

/** Imports (and dry runs) are read with imports.job, exports with exports.job. */
export type JobDomain = 'imports' | 'exports';

const POLL_MS = 1000;

/**
 * A long job as main reports it: pushed 'job.progress' events move the bar, and while it
 * runs imports.job (or exports.job) is read every second as well, in case an event is lost
 * (a reconnecting socket). The finished job (with its reports) is read once more at the end.
 */
export function useJob(domain: JobDomain, jobId: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.job(domain, jobId ?? ''),
    queryFn: () => (domain === 'imports' ? api.imports.job({ jobId: jobId ?? '' }) : api.exports.job({ jobId: jobId ?? '' })),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.status === 'error' || (q.state.data && q.state.data.state !== 'running') ? false : POLL_MS),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });

  useEffect(() => {
    if (jobId === null) return;
    const key = importKeys.job(domain, jobId);
    return onEvent('job.progress', (progress) => {
      if (progress.jobId !== jobId) return;
      queryClient.setQueryData<ImportJob>(key, (old) => (old && old.state === 'running' ? { ...old, done: progress.done, total: progress.total } : old));
      // The end brings the reports (or the file): read them now rather than at the next poll.
      if (progress.state !== 'running') void queryClient.invalidateQueries({ queryKey: key });
    });
  }, [domain, jobId, queryClient]);

  return query;
}

export function useCancelJob(domain: JobDomain) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => (domain === 'imports' ? api.imports.cancel({ jobId }) : api.exports.cancel({ jobId })),
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(domain, job.jobId), job),
  });
}

export interface StartImportInput {
  uploadId: string;
  /** Absent for a package (an export), which carries the fields' own names. */
  entity?: ImportEntity;
  mapping?: ImportMapping;
  dryRun: boolean;
}

export function useStartImport() {
  return useMutation({ mutationFn: (input: StartImportInput) => api.imports.start(input) });
}

export function useInspectUpload() {
  return useMutation({ mutationFn: (uploadId: string) => api.imports.inspect({ uploadId }) });
}

export function useTemplates(entity: ImportEntity | null) {
  return useQuery({
    queryKey: importKeys.templates(entity ?? 'customers'),
    queryFn: () => api.imports.templates({ entity: entity ?? 'customers' }),
    enabled: entity !== null,
  });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { entity: ImportEntity; name: string; mapping: ImportMapping }) => api.imports.saveTemplate(input),
    onSuccess: (template) => queryClient.invalidateQueries({ queryKey: importKeys.templates(template.entity) }),
  });
}

export function useRemoveTemplate(entity: ImportEntity | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.imports.removeTemplate({ id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.templates(entity ?? 'customers') }),
  });
}

export function useImportRuns(enabled: boolean) {
  return useQuery({ queryKey: importKeys.runs, queryFn: () => api.imports.runs({}), enabled });
}

const LOG_PAGE = 100;

/** A run's log (source key → new id), a page at a time. */
export function useRunLog(runId: number | null) {
  return useInfiniteQuery({
    queryKey: importKeys.runLog(runId ?? 0),
    queryFn: ({ pageParam }) => api.imports.runLog({ runId: runId ?? 0, limit: LOG_PAGE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '' as string,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: runId !== null,
  });
}

/**
 * An import that wrote records: every list that may show them reads again (customers,
 * the product catalog, requests and the 360 pages), and the history gains the run.
 */
export function refreshAfterImport(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: importKeys.runs }),
    queryClient.invalidateQueries({ queryKey: ['customers'] }),
    queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all }),
  ]);
}
