import type { DispatchSheet, SessionUser, Workbench } from '../../../src-shared/contract';
import type { TicketStatus } from '../../../src-shared/domain/tickets';
import type { CoreDeps } from '../../core/context';
import { getSettings } from '../settings/queries';
import { listTickets } from './queries';
import { toListItem, type createTicketService } from './service';

const DAY = 86_400_000;
const WORK: TicketStatus[] = ['assigned', 'on_hold', 'locked'];

/** Monday 00:00 of the week holding `now`, in `timeZone`. */
export function weekStart(now: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  const wall = Date.UTC(Number(get('year')), Number(get('month')) - 1, Number(get('day')), Number(get('hour')), Number(get('minute')), Number(get('second')));
  const offset = wall - Math.floor(now / 1000) * 1000;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  const localMidnight = Math.floor(wall / DAY) * DAY;
  return localMidnight - weekday * DAY - offset;
}

export function createWorkbench(deps: CoreDeps, tickets: ReturnType<typeof createTicketService>) {
  const { db, clock } = deps;

  async function workbench(viewer: SessionUser): Promise<Workbench> {
    const tz = await tickets.timeZone();
    const start = weekStart(clock.now(), tz);
    // A workbench holds what one engineer can carry; 500 is far beyond a real day.
    const rows = await listTickets(db, { assignee: viewer.id, status: WORK }, 'requested_asc', null, 500);
    const week = await db
      .selectFrom('work_logs')
      .select([(eb) => eb.fn.coalesce(eb.fn.sum<number>('work_minutes'), eb.lit(0)).as('minutes'), (eb) => eb.fn.countAll<number>().as('visits')])
      .where('engineer_id', '=', viewer.id)
      .where('started_at', '>=', start)
      .executeTakeFirstOrThrow();
    return {
      requests: rows.map(toListItem),
      weekStart: start,
      minutesThisWeek: Number(week.minutes),
      visitsThisWeek: Number(week.visits),
    };
  }

  async function dispatchSheet(id: number, viewer: SessionUser): Promise<DispatchSheet> {
    const ticket = await tickets.get(id, viewer);
    const history = await db
      .selectFrom('tickets')
      .select(['id', 'number', 'subject', 'status', 'created_at'])
      .where('customer_id', '=', ticket.customer.id)
      .where('id', '!=', id)
      .orderBy('id', 'desc')
      .limit(10)
      .execute();
    return {
      companyName: (await getSettings(db)).companyName ?? '',
      ticket,
      // Customer addresses arrive with the customer 360 work; until then the sheet leaves the line to fill in.
      customerAddress: null,
      history: history.map((h) => ({ id: h.id, number: h.number, subject: h.subject, status: h.status as TicketStatus, createdAt: h.created_at })),
      printedAt: clock.now(),
    };
  }

  return { workbench, dispatchSheet };
}
