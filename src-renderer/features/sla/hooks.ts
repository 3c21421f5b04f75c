import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contract, InputOf, SlaSettings } from '../../../src-shared/contract';
import { api, queryKeys } from '../../api';

export type SaveCalendarInput = InputOf<Contract['sla']['saveCalendar']>;
export type SaveAgreementInput = InputOf<Contract['sla']['saveAgreement']>;
export type UpdateSlaSettingsInput = InputOf<Contract['sla']['updateSettings']>;
export type SaveEscalationInput = InputOf<Contract['sla']['saveEscalation']>;
export type ImportHolidaysInput = InputOf<Contract['sla']['importHolidays']>;

export function useCalendars(enabled = true) {
  return useQuery({ queryKey: queryKeys.sla.calendars, queryFn: () => api.sla.calendars(), staleTime: 60_000, enabled });
}

export function useAgreements(enabled = true) {
  return useQuery({ queryKey: queryKeys.sla.agreements, queryFn: () => api.sla.agreements(), staleTime: 60_000, enabled });
}

export function useSlaSettings(enabled = true) {
  return useQuery({ queryKey: queryKeys.sla.settings, queryFn: () => api.sla.settings(), staleTime: 60_000, enabled });
}

export function useEscalations(enabled = true) {
  return useQuery({ queryKey: queryKeys.sla.escalations, queryFn: () => api.sla.escalations(), staleTime: 30_000, enabled });
}

/** The SLA check runs every minute, so the open list follows it at that pace. */
export function useJobRuns(limit = 100, enabled = true) {
  return useQuery({
    queryKey: queryKeys.jobs.runs(limit),
    queryFn: () => api.sla.jobRuns({ limit }),
    staleTime: 10_000,
    refetchInterval: 60_000,
    enabled,
  });
}

/** Any change to calendars, agreements or rules: refresh every SLA list (they count and name each other). */
function useInvalidateSla() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.sla.all });
}

export function useSaveCalendar() {
  const invalidate = useInvalidateSla();
  return useMutation({ mutationFn: (input: SaveCalendarInput) => api.sla.saveCalendar(input), onSuccess: invalidate });
}

/** Dry runs change nothing, so only an applied import refreshes the calendars. */
export function useImportHolidays() {
  const invalidate = useInvalidateSla();
  return useMutation({
    mutationFn: (input: ImportHolidaysInput) => api.sla.importHolidays(input),
    onSuccess: (result) => (result.applied ? invalidate() : undefined),
  });
}

/**
 * Requests and the customer panel show agreements by name: a renamed one must show its new
 * name there too. The customer's summary is keyed under 'tickets', so one key covers both.
 */
export function useSaveAgreement() {
  const queryClient = useQueryClient();
  const invalidateSla = useInvalidateSla();
  return useMutation({
    mutationFn: (input: SaveAgreementInput) => api.sla.saveAgreement(input),
    onSuccess: () => Promise.all([invalidateSla(), queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all })]),
  });
}

/**
 * The agreements list counts customers per agreement, and the customer's panel names their
 * agreement. Requests already open keep their targets: main applies a customer's agreement
 * only to requests created afterwards.
 */
export function useSetCustomerAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { customerId: number; agreementId: number | null }) => api.sla.setCustomerAgreement(input),
    onSuccess: (_result, input) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.sla.agreements }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.customerSummary(input.customerId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.customers.profile(input.customerId) }),
      ]),
  });
}

export function useUpdateSlaSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSlaSettingsInput) => api.sla.updateSettings(input),
    onSuccess: async (saved: SlaSettings) => {
      queryClient.setQueryData(queryKeys.sla.settings, saved);
      // Countdowns on requests colour by the warning thresholds.
      await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
    },
  });
}

export function useSaveEscalation() {
  const invalidate = useInvalidateSla();
  return useMutation({ mutationFn: (input: SaveEscalationInput) => api.sla.saveEscalation(input), onSuccess: invalidate });
}

export function useRemoveEscalation() {
  const invalidate = useInvalidateSla();
  return useMutation({ mutationFn: (id: number) => api.sla.removeEscalation({ id }), onSuccess: invalidate });
}

/** A check may warn, breach, escalate and lock: requests and the run list both change. */
export function useRunCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.sla.runCheck(),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.jobs.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all }),
      ]),
  });
}
