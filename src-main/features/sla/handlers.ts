import type { CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { createAgreementService, readSlaSettings } from './agreements';
import { createCalendarService } from './calendars';
import { rescheduleClocks } from './clock';
import { createEscalationService } from './escalation';
import { listJobRuns, runServiceCheck } from './jobs';
import { updateSlaSettings } from './settings';

export function slaHandlers(deps: CoreDeps) {
  // A calendar edit moves the due times of the clocks counting in it.
  const calendars = createCalendarService(deps, (trx, now, calendarId) => rescheduleClocks(trx, now, calendarId));
  const agreements = createAgreementService(deps);
  const escalations = createEscalationService(deps);
  return defineHandlers('sla', {
    calendars: () => calendars.list(),
    saveCalendar: (input) => calendars.save(input),
    importHolidays: (input) => calendars.importHolidays(input),
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
