import type { CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { createAgreementService, readSlaSettings } from './agreements';
import { createCalendarService } from './calendars';
import { createEscalationService } from './escalation';
import { listJobRuns, runServiceCheck } from './jobs';
import { rescheduleStaleClocks } from './reschedule';
import { updateSlaSettings } from './settings';

export function slaHandlers(deps: CoreDeps) {
  const calendars = createCalendarService(deps);
  const agreements = createAgreementService(deps);
  const escalations = createEscalationService(deps);
  return defineHandlers('sla', {
    calendars: () => calendars.list(),
    // A calendar edit moves the due times of the clocks counting in it.
    saveCalendar: async (input) => {
      const saved = await calendars.save(input);
      await rescheduleStaleClocks(deps, saved.id);
      return saved;
    },
    importHolidays: async (input) => {
      const result = await calendars.importHolidays(input);
      if (result.applied) await rescheduleStaleClocks(deps, input.calendarId);
      return result;
    },
    agreements: () => agreements.list(),
    saveAgreement: (input) => agreements.save(input),
    setCustomerAgreement: (input) => agreements.setCustomerAgreement(input),
    settings: () => readSlaSettings(deps.db),
    updateSettings: (input) => updateSlaSettings(deps, input),
    escalations: () => escalations.list(),
    saveEscalation: (input) => escalations.save(input),
    removeEscalation: (input) => escalations.remove(input.id),
    runCheck: () => runServiceCheck(deps),
    jobRuns: (input) => listJobRuns(deps, input.limit),
  });
}
