import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contract, DeskSettings, InputOf } from '../../../src-shared/contract';
import { DEFAULT_TIME_ZONE, isoDay } from '../../../src-shared/domain/time';
import { api, queryKeys } from '../../api';
import { useNow } from '../sla/clockHooks';
import { workbenchKeys } from '../workbench/hooks';

export type UpdateSettingsInput = InputOf<Contract['settings']['update']>;

export function useDeskSettings(enabled = true) {
  return useQuery({
    queryKey: queryKeys.settings.desk,
    queryFn: () => api.settings.get({}),
    staleTime: 60_000,
    enabled,
  });
}

/**
 * Today as main sees it (YYYY-MM-DD in the desk's time zone, which may differ from this
 * machine's): validity dates are compared with this day. Until the settings arrive, the
 * zone main itself falls back to.
 */
export function useDeskToday(): string {
  const settings = useDeskSettings();
  return isoDay(useNow(), settings.data?.timeZone ?? DEFAULT_TIME_ZONE);
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSettingsInput) => api.settings.update(input),
    onSuccess: async (saved: DeskSettings) => {
      queryClient.setQueryData(queryKeys.settings.desk, saved);
      await Promise.all([
        // The header shows the company name from the system status; dispatch sheets print it too.
        queryClient.invalidateQueries({ queryKey: queryKeys.system.status }),
        queryClient.invalidateQueries({ queryKey: workbenchKeys.dispatchSheets }),
        // Whether a closed request may be reopened now depends on the reopen window.
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.details }),
        // Customers' lifecycles (活跃 / 休眠 / 流失) depend on the thresholds.
        queryClient.invalidateQueries({ queryKey: queryKeys.customers.all }),
      ]);
    },
  });
}
