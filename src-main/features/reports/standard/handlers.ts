import type { ReportData } from '../../../../src-shared/contract/reports';
import { REPORT_SCREEN_ROWS } from '../../../../src-shared/domain/reports';
import { DEFAULT_TIME_ZONE } from '../../../../src-shared/domain/time';
import { requireUser, type CoreDeps } from '../../../core/context';
import { defineHandlers } from '../../../core/handlers';
import { startTask } from '../../../workers/spawn';
import { getSettings } from '../../settings/queries';
import { ticketScope } from '../../users/scope';

/** The standard reports on screen: computed in a worker thread (the main loop never waits on a report's scan). */
export function reportsHandlers(deps: CoreDeps) {
  const { db, clock } = deps;
  return defineHandlers('reports', {
    run: async (input, ctx) => {
      const user = requireUser(ctx);
      const timeZone = (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
      const scope = ticketScope(user);
      const done = await startTask(
        deps.sqlite,
        {
          kind: 'reportRun',
          spec: { report: input.report, filters: input.filters, locale: input.locale, timeZone, now: clock.now(), listLimit: REPORT_SCREEN_ROWS, ...(scope ? { scope } : {}) },
        },
        () => {},
      ).result;
      if (done.kind !== 'reportRun') throw new Error(`unexpected task result ${done.kind}`);
      return done.result satisfies ReportData;
    },
    options: async () => {
      const [teams, lines, agreements] = await Promise.all([
        db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute(),
        db.selectFrom('products').select('product_line').distinct().orderBy('product_line').execute(),
        db.selectFrom('agreements').select(['id', 'name']).orderBy('name').execute(),
      ]);
      return { teams, productLines: lines.map((l) => l.product_line), agreements };
    },
  });
}
