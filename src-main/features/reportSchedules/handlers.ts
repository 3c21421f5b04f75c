import { requireUser } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import type { ReportScheduleService } from './service';

export function reportSchedulesHandlers(service: ReportScheduleService) {
  return defineHandlers('reportSchedules', {
    list: () => service.list(),
    save: (input, ctx) => service.save(input, requireUser(ctx)),
    remove: ({ id }, ctx) => service.remove(id, requireUser(ctx)),
    setPaused: ({ id, paused }, ctx) => service.setPaused(id, paused, requireUser(ctx)),
    runNow: ({ id }, ctx) => service.runNow(id, requireUser(ctx)),
    runs: ({ scheduleId, limit }) => service.runs(scheduleId, limit),
  });
}
