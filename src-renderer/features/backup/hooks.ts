import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BackupJob, Contract, InputOf } from '../../../src-shared/contract';
import { api, onEvent, queryKeys } from '../../api';

/** Backup settings and the backup list: only this page reads them. */
export const backupKeys = {
  all: ['backup'] as const,
  settings: ['backup', 'settings'] as const,
  list: ['backup', 'list'] as const,
};

export type SaveBackupSettingsInput = InputOf<Contract['backup']['saveSettings']>;

export function useBackupSettings() {
  return useQuery({ queryKey: backupKeys.settings, queryFn: () => api.backup.settings({}) });
}

export function useSaveBackupSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveBackupSettingsInput) => api.backup.saveSettings(input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(backupKeys.settings, saved);
      await queryClient.invalidateQueries({ queryKey: backupKeys.list });
    },
  });
}

export function useBackups() {
  return useQuery({ queryKey: backupKeys.list, queryFn: () => api.backup.list({}) });
}

/**
 * The backup running now (started here, or already running when the page opened), followed
 * through job.progress; when it ends, the list and the job records refresh.
 */
export function useBackupJob(initial: BackupJob | null) {
  const queryClient = useQueryClient();
  const [job, setJob] = useState<BackupJob | null>(null);
  const current = job ?? initial;
  const jobId = current?.state === 'running' ? current.jobId : null;

  useEffect(() => {
    if (!jobId) return undefined;
    const refresh = () =>
      void api.backup.job({ jobId }).then(
        (next) => {
          setJob(next);
          if (next.state !== 'running') {
            void queryClient.invalidateQueries({ queryKey: backupKeys.list });
            void queryClient.invalidateQueries({ queryKey: queryKeys.jobs.all });
          }
        },
        () => undefined,
      );
    const off = onEvent('job.progress', (p) => {
      if (p.jobId !== jobId) return;
      if (p.state === 'running') setJob((j) => (j && j.jobId === jobId ? { ...j, done: p.done, total: p.total } : j));
      else refresh();
    });
    // The job may have moved on before we listened.
    refresh();
    return off;
  }, [jobId, queryClient]);

  const run = useMutation({
    mutationFn: () => api.backup.run({}),
    onSuccess: (started) => setJob(started),
  });
  return { job: current, run };
}

export function useRestore() {
  return useMutation({ mutationFn: (input: InputOf<Contract['backup']['restore']>) => api.backup.restore(input) });
}
