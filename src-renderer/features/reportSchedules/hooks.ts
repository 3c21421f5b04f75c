import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contract, InputOf } from '../../../src-shared/contract';
import { api } from '../../api';

/** Scheduled reports and their runs: only this page reads them. */
export const scheduleKeys = {
  all: ['reportSchedules'] as const,
  list: ['reportSchedules', 'list'] as const,
  runs: (scheduleId: number) => ['reportSchedules', 'runs', scheduleId] as const,
};

export type SaveScheduleInput = InputOf<Contract['reportSchedules']['save']>;

/** The schedules; refreshed every few seconds while a run is in progress, so its outcome appears. */
export function useSchedules(enabled: boolean) {
  return useQuery({
    queryKey: scheduleKeys.list,
    queryFn: () => api.reportSchedules.list({}),
    enabled,
    refetchInterval: (query) => (query.state.data?.schedules.some((s) => s.lastRun?.outcome === null) ? 1000 : 30_000),
  });
}

export function useScheduleRuns(scheduleId: number | null) {
  return useQuery({
    queryKey: scheduleKeys.runs(scheduleId ?? 0),
    queryFn: () => api.reportSchedules.runs({ scheduleId: scheduleId!, limit: 50 }),
    enabled: scheduleId !== null,
    refetchInterval: (query) => (query.state.data?.some((r) => r.outcome === null) ? 1000 : false),
  });
}

function useScheduleMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKeys.all }) });
}

export const useSaveSchedule = () => useScheduleMutation((input: SaveScheduleInput) => api.reportSchedules.save(input));
export const useRemoveSchedule = () => useScheduleMutation((id: number) => api.reportSchedules.remove({ id }));
export const useSetPaused = () => useScheduleMutation((input: { id: number; paused: boolean }) => api.reportSchedules.setPaused(input));
export const useRunNow = () => useScheduleMutation((id: number) => api.reportSchedules.runNow({ id }));
