import { sql } from 'kysely';
import type { ReportCell } from '../../../../src-shared/domain/reports';
import { TICKET_TYPES, ticketFacet, type TicketStatus } from '../../../../src-shared/domain/tickets';
import { num, ratio, round, table, ticketFilter, type ReportContext, type ReportDefinition } from './common';

// Engineers over the period, from their work logs (visits and sessions started in it):
//  - handled: requests they logged work on; visits: their work logs; work hours: logged minutes;
//  - resolved: requests where one of their logs resolved it;
//  - first-time fix: of those, resolved by the request's very first work log;
//  - revisit: of those, worked again after that log or reopened after it;
//  - CSAT: mean satisfaction of follow-ups in the period on requests they own;
//  - open now: requests they own that are still being worked (not period-bound).
// The team filter is the engineer's team; the other filters narrow the requests.

/** Work logs in the period on requests the filters and scope allow. */
function logs(ctx: ReportContext) {
  return ctx.db
    .selectFrom('work_logs as w')
    .innerJoin('tickets as t', 't.id', 'w.ticket_id')
    .innerJoin('users as u', 'u.id', 'w.engineer_id')
    .where('w.started_at', '>=', ctx.start)
    .where('w.started_at', '<', ctx.end)
    .where(ticketFilter(ctx, { team: false }))
    .$if(ctx.filters.teamId !== undefined, (q) => q.where('u.team_id', '=', ctx.filters.teamId!));
}

/** No earlier work log on the same request (by start, then entry). */
const firstLog = sql`NOT EXISTS (SELECT 1 FROM work_logs w2 WHERE w2.ticket_id = w.ticket_id AND (w2.started_at < w.started_at OR (w2.started_at = w.started_at AND w2.id < w.id)))`;
/** Worked again after this log, or reopened after it was written. */
const revisited = sql`(EXISTS (SELECT 1 FROM work_logs w3 WHERE w3.ticket_id = w.ticket_id AND (w3.started_at > w.started_at OR (w3.started_at = w.started_at AND w3.id > w.id)))
  OR EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = w.ticket_id AND e.kind = 'reopen' AND e.at > w.created_at))`;

const measures = [
  sql<number>`count(DISTINCT w.ticket_id)`.as('handled'),
  sql<number>`count(*)`.as('visits'),
  sql<number | null>`sum(w.work_minutes)`.as('minutes'),
  sql<number>`count(DISTINCT CASE WHEN w.outcome = 'resolved' THEN w.ticket_id END)`.as('resolved'),
  sql<number>`count(DISTINCT CASE WHEN w.outcome = 'resolved' AND ${firstLog} THEN w.ticket_id END)`.as('first_fix'),
  sql<number>`count(DISTINCT CASE WHEN w.outcome = 'resolved' AND ${revisited} THEN w.ticket_id END)`.as('revisited'),
] as const;

/** Follow-ups in the period on requests an engineer owns. */
function followUps(ctx: ReportContext) {
  return ctx.db
    .selectFrom('follow_ups as f')
    .innerJoin('tickets as t', 't.id', 'f.ticket_id')
    .innerJoin('users as u', 'u.id', 't.assignee_id')
    .where('f.at', '>=', ctx.start)
    .where('f.at', '<', ctx.end)
    .where(ticketFilter(ctx, { team: false }))
    .$if(ctx.filters.teamId !== undefined, (q) => q.where('u.team_id', '=', ctx.filters.teamId!));
}

const WORKED: readonly TicketStatus[] = ['assigned', 'on_hold', 'locked', 'reopened'];
const WORKED_FACETS = WORKED.flatMap((status) => TICKET_TYPES.map((type) => ticketFacet(status, type)));

/** Requests owned and still being worked (assigned, on hold, locked, reopened). */
function openNow(ctx: ReportContext) {
  return ctx.db
    .selectFrom('tickets as t')
    .innerJoin('users as u', 'u.id', 't.assignee_id')
    // By the facet (status × type), as the queues read it: an index, not a scan of every request.
    .where('t.facet', 'in', WORKED_FACETS)
    .where(ticketFilter(ctx, { team: false }))
    .$if(ctx.filters.teamId !== undefined, (q) => q.where('u.team_id', '=', ctx.filters.teamId!));
}

export const engineersReport: ReportDefinition = {
  id: 'engineers',
  async query(ctx) {
    const perEngineer = await logs(ctx).select(['w.engineer_id', ...measures]).groupBy('w.engineer_id').execute();
    const all = (await logs(ctx).select(measures).executeTakeFirst())!;
    const csat = await followUps(ctx).select(['t.assignee_id', sql<number>`count(*)`.as('n'), sql<number | null>`sum(f.satisfaction)`.as('score')]).groupBy('t.assignee_id').execute();
    const csatAll = (await followUps(ctx).select([sql<number>`count(*)`.as('n'), sql<number | null>`sum(f.satisfaction)`.as('score')]).executeTakeFirst())!;
    const open = await openNow(ctx).select(['t.assignee_id', sql<number>`count(*)`.as('n')]).groupBy('t.assignee_id').execute();

    // Every active engineer (of the team), and anyone else who logged work or owns requests.
    const ids = new Set<number>([...perEngineer.map((r) => r.engineer_id), ...csat.map((r) => r.assignee_id!), ...open.map((r) => r.assignee_id!)]);
    const people = await ctx.db
      .selectFrom('users as u')
      .leftJoin('teams as tm', 'tm.id', 'u.team_id')
      .select(['u.id', 'u.display_name', 'tm.name as team'])
      .where((eb) =>
        eb.or([
          eb.and([eb('u.role', '=', 'engineer'), eb('u.disabled', '=', 0), ...(ctx.filters.teamId !== undefined ? [eb('u.team_id', '=', ctx.filters.teamId)] : [])]),
          ...(ids.size > 0 ? [eb('u.id', 'in', [...ids])] : []),
        ]),
      )
      .execute();
    // A team-scoped viewer sees the engineers of its team and those who worked its requests.
    const scoped = ctx.scope ? people.filter((p) => ids.has(p.id)) : people;

    const work = new Map(perEngineer.map((r) => [r.engineer_id, r]));
    const scores = new Map(csat.map((r) => [r.assignee_id!, r]));
    const load = new Map(open.map((r) => [r.assignee_id!, num(r.n)]));
    const rowOf = (p: (typeof people)[number]): ReportCell[] => {
      const w = work.get(p.id);
      const s = scores.get(p.id);
      const resolved = num(w?.resolved);
      return [
        p.display_name,
        p.team,
        num(w?.handled),
        num(w?.visits),
        round(num(w?.minutes) / 60, 1),
        resolved,
        ratio(w?.first_fix, resolved),
        ratio(w?.revisited, resolved),
        s && num(s.n) > 0 ? round(num(s.score) / num(s.n), 2) : null,
        num(s?.n),
        load.get(p.id) ?? 0,
      ];
    };
    const rows = scoped
      .map(rowOf)
      .sort((a, b) => num(b[2]) - num(a[2]) || num(b[4]) - num(a[4]) || String(a[0]).localeCompare(String(b[0]), ctx.locale));

    const resolved = num(all.resolved);
    const csatMean = num(csatAll.n) > 0 ? round(num(csatAll.score) / num(csatAll.n), 2) : null;
    const totals: ReportCell[] = [
      null,
      null,
      num(all.handled),
      num(all.visits),
      round(num(all.minutes) / 60, 1),
      resolved,
      ratio(all.first_fix, resolved),
      ratio(all.revisited, resolved),
      csatMean,
      num(csatAll.n),
      rows.reduce((n, r) => n + num(r[10]), 0),
    ];
    return {
      figures: { handled: num(all.handled), workHours: totals[4]!, firstTimeFixRate: totals[6]!, csat: csatMean },
      tables: [table('engineers', rows, totals)],
    };
  },
};
