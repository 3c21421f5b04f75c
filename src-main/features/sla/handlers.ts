import type { CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { createAgreementService, readSlaSettings, updateSlaSettings } from './agreements';
import { createCalendarService } from './calendars';
import { createEscalationService } from './escalation';
import { listJobRuns, runServiceCheck } from './jobs';

export function slaHandlers(deps: CoreDeps) {
  const calendars = createCalendarService(deps);
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
    updateSettings: (input) => updateSlaSettings(deps.db, input),
    escalations: () => escalations.list(),
    saveEscalation: (input) => escalations.save(input),
    removeEscalation: (input) => escalations.remove(input.id),
    runCheck: () => runServiceCheck(deps),
    jobRuns: (input) => listJobRuns(deps, input.limit),
  });
}
