/** The job_runs names of backup runs (the job records page shows them too). */
export const BACKUP_JOBS = { scheduled: 'backup-scheduled', manual: 'backup-manual' } as const;
