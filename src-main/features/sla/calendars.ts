import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { CalendarView, HolidayImportResult } from '../../../src-shared/contract';
import type { saveCalendarInput } from '../../../src-shared/contract/sla';
import { parseHolidayCsv, parseHolidayIcs, type BusinessCalendar, type IsoWeekday, type WorkingInterval } from '../../../src-shared/domain/businessCalendar';
import { toBusinessCalendar, type CalendarDefinition } from '../../../src-shared/domain/sla';
import { AppError, fieldError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import type { DB } from '../../db/schema';
import { CN_STATUTORY_HOLIDAYS_CSV } from '../../../src-shared/domain/cnHolidays';
import { markClocksStale } from './staleClocks';

type Q = Kysely<DB> | Transaction<DB>;

/** The calendar whose holidays follow China's published schedule (new years arrive with releases). */
export const CN_STATUTORY = 'cn-statutory';

const NINE_TO_SIX: WorkingInterval[] = [
  { start: 9 * 60, end: 12 * 60 },
  { start: 13 * 60, end: 18 * 60 },
];

type CalendarRow = Awaited<ReturnType<typeof calendarRows>>[number];

function calendarRows(db: Q, ids?: number[]) {
  let q = db.selectFrom('calendars').selectAll().orderBy('id');
  if (ids) q = q.where('id', 'in', ids.length ? ids : [0]);
  return q.execute();
}

/** A stored calendar (its row and special days) as the plain definition the contract carries. */
export function definitionOf(row: Pick<CalendarRow, 'time_zone' | 'all_day' | 'week' | 'make_up_hours'>, days: { day: string; kind: string }[]): CalendarDefinition {
  return {
    timeZone: row.time_zone,
    allDay: row.all_day === 1,
    week: JSON.parse(row.week) as Partial<Record<IsoWeekday, WorkingInterval[]>>,
    makeUpHours: JSON.parse(row.make_up_hours) as WorkingInterval[],
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
  };
}

/** Business calendars by id, read once per caller (a check run, a transition). */
export async function loadCalendars(db: Q, ids: number[]): Promise<Map<number, BusinessCalendar>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await calendarRows(db, unique);
  const days = await db.selectFrom('calendar_days').select(['calendar_id', 'day', 'kind']).where('calendar_id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, toBusinessCalendar(definitionOf(r, days.filter((d) => d.calendar_id === r.id)))]));
}

export async function loadCalendar(db: Q, id: number): Promise<BusinessCalendar> {
  const calendar = (await loadCalendars(db, [id])).get(id);
  if (!calendar) throw new AppError('NOT_FOUND', `Calendar ${id} not found`);
  return calendar;
}


/**
 * Creates the shipped calendars on a desk that has none (standard China working hours with
 * the statutory holidays, and 7×24), and adds newly shipped years to the statutory one.
 * A year the calendar already has days in is left as the admin keeps it.
 */
export async function ensureShippedCalendars(db: Q, now: number): Promise<void> {
  const shipped = parseHolidayCsv(CN_STATUTORY_HOLIDAYS_CSV);
  let statutory = await db.selectFrom('calendars').select('id').where('source', '=', CN_STATUTORY).executeTakeFirst();
  const count = await db.selectFrom('calendars').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(count.n) === 0) {
    statutory = await db
      .insertInto('calendars')
      .values({
        name: '标准工作时间 Standard hours',
        time_zone: 'Asia/Shanghai',
        all_day: 0,
        week: JSON.stringify({ 1: NINE_TO_SIX, 2: NINE_TO_SIX, 3: NINE_TO_SIX, 4: NINE_TO_SIX, 5: NINE_TO_SIX }),
        make_up_hours: JSON.stringify(NINE_TO_SIX),
        source: CN_STATUTORY,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('calendars')
      .values({ name: '7×24', time_zone: 'Asia/Shanghai', all_day: 1, week: '{}', make_up_hours: '[]', source: null, created_at: now, updated_at: now })
      .execute();
  }
  if (!statutory) return;
  // Only years the calendar has no day in: a year an admin already edited stays as edited.
  const known = await db.selectFrom('calendar_days').select('day').where('calendar_id', '=', statutory.id).execute();
  const years = new Set(known.map((d) => d.day.slice(0, 4)));
  const rows = [
    ...[...shipped.holidays].map((day) => ({ calendar_id: statutory.id, day, kind: 'holiday', name: shipped.names.get(day) ?? '' })),
    ...[...shipped.makeUpWorkdays].map((day) => ({ calendar_id: statutory.id, day, kind: 'workday', name: shipped.names.get(day) ?? '' })),
  ].filter((r) => !years.has(r.day.slice(0, 4)));
  if (rows.length > 0) {
    await db.insertInto('calendar_days').values(rows).execute();
    // A newly shipped year may hold open requests' due times.
    await markClocksStale(db);
  }
}

/**
 * Calendars for the admin pages. A change marks the open clocks stale in its transaction;
 * the caller then measures them again (reschedule.ts), once the change has committed.
 */
export function createCalendarService(deps: CoreDeps) {
  const { db, clock } = deps;

  async function list(ids?: number[]): Promise<CalendarView[]> {
    const rows = await calendarRows(db, ids);
    const days = await db
      .selectFrom('calendar_days')
      .selectAll()
      .where('calendar_id', 'in', rows.length ? rows.map((r) => r.id) : [0])
      .orderBy('day')
      .execute();
    const usage = await db
      .selectFrom('agreements')
      .select(['calendar_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('calendar_id')
      .execute();
    return rows.map((r) => {
      const own = days.filter((d) => d.calendar_id === r.id);
      return {
        id: r.id,
        name: r.name,
        source: r.source,
        definition: definitionOf(r, own),
        dayNames: Object.fromEntries(own.filter((d) => d.name).map((d) => [d.day, d.name])),
        agreementCount: Number(usage.find((u) => u.calendar_id === r.id)?.n ?? 0),
      };
    });
  }

  async function save(input: z.output<typeof saveCalendarInput>): Promise<CalendarView> {
    const now = clock.now();
    const id = await db.transaction().execute(async (trx) => {
      const clash = await trx.selectFrom('calendars').select('id').where('name', '=', input.name).executeTakeFirst();
      if (clash && clash.id !== input.id) throw fieldError('name', 'duplicate');
      const workingWeek = input.allDay || Object.values(input.week).some((list) => list.length > 0);
      if (!workingWeek) throw fieldError('week', 'noWorkingTime');
      const values = {
        name: input.name,
        time_zone: input.timeZone,
        all_day: input.allDay ? 1 : 0,
        week: JSON.stringify(input.week),
        make_up_hours: JSON.stringify(input.makeUpHours),
        updated_at: now,
      };
      let calendarId: number;
      if (input.id === undefined) {
        calendarId = (await trx.insertInto('calendars').values({ ...values, source: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      } else {
        const updated = await trx.updateTable('calendars').set(values).where('id', '=', input.id).returning('id').executeTakeFirst();
        if (!updated) throw new AppError('NOT_FOUND', `Calendar ${input.id} not found`);
        calendarId = updated.id;
        await trx.deleteFrom('calendar_days').where('calendar_id', '=', calendarId).execute();
      }
      if (input.days.length > 0) {
        await trx
          .insertInto('calendar_days')
          .values(input.days.map((d) => ({ calendar_id: calendarId, day: d.date, kind: d.kind, name: d.name })))
          .execute();
      }
      await markClocksStale(trx);
      return calendarId;
    });
    return (await list([id]))[0]!;
  }

  /**
   * A year of holidays from a file: every row is checked first; with any rejected row
   * nothing is written. Imported days replace what the calendar had on those days.
   */
  async function importHolidays(input: { calendarId: number; format: 'csv' | 'ics'; text: string; dryRun: boolean }): Promise<HolidayImportResult> {
    const parsed = input.format === 'csv' ? parseHolidayCsv(input.text) : parseHolidayIcs(input.text);
    const result = { holidays: parsed.holidays.size, workdays: parsed.makeUpWorkdays.size, errors: parsed.errors, applied: false };
    const exists = await db.selectFrom('calendars').select('id').where('id', '=', input.calendarId).executeTakeFirst();
    if (!exists) throw new AppError('NOT_FOUND', `Calendar ${input.calendarId} not found`);
    if (input.dryRun || parsed.errors.length > 0 || result.holidays + result.workdays === 0) return result;
    const rows = [
      ...[...parsed.holidays].map((day) => ({ calendar_id: input.calendarId, day, kind: 'holiday', name: parsed.names.get(day) ?? '' })),
      ...[...parsed.makeUpWorkdays].map((day) => ({ calendar_id: input.calendarId, day, kind: 'workday', name: parsed.names.get(day) ?? '' })),
    ];
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('calendar_days')
        .values(rows)
        .onConflict((oc) => oc.columns(['calendar_id', 'day']).doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind'), name: eb.ref('excluded.name') })))
        .execute();
      const now = clock.now();
      await trx.updateTable('calendars').set({ updated_at: now }).where('id', '=', input.calendarId).execute();
      await markClocksStale(trx);
    });
    return { ...result, applied: true };
  }

  return { list, save, importHolidays };
}
