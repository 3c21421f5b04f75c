import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DashboardFilters } from '../../../src-shared/contract/dashboard';
import { api } from '../../api';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  view: (from: string, to: string, filters: DashboardFilters) => ['dashboard', 'view', from, to, filters] as const,
  options: ['dashboard', 'options'] as const,
};

export function useDashboard(from: string, to: string, filters: DashboardFilters, enabled: boolean) {
  return useQuery({
    queryKey: dashboardKeys.view(from, to, filters),
    queryFn: () => api.dashboard.get({ from, to, ...filters }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useDashboardOptions() {
  return useQuery({ queryKey: dashboardKeys.options, queryFn: () => api.dashboard.options({}), staleTime: 60_000 });
}

export function useRebuildDashboard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.dashboard.rebuild({}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
  });
}
