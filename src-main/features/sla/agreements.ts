import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { AgreementView, SlaSettings } from '../../../src-shared/contract';
import type { saveAgreementInput } from '../../../src-shared/contract/sla';
import { DEFAULT_WARN_THRESHOLDS, FIRST_RESPONSE_MODES, type ChargingMethod, type FirstResponseMode, type SlaBasis } from '../../../src-shared/domain/sla';
import { PRIORITY_RANK, TICKET_PRIORITIES } from '../../../src-shared/domain/tickets';
import { AppError, fieldError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import type { DB } from '../../db/schema';
import { unitUnderWarranty } from '../customers/queries';
import { getSettings, putSetting } from '../settings/queries';

type Q = Kysely<DB> | Transaction<DB>;


// --- SLA settings (rows of the settings table) -------------------------------------------

export async function readSlaSettings(db: Q): Promise<SlaSettings> {
  const s = await getSettings(db);
  const id = (v: string | undefined) => (v && Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : null);
  let thresholds: number[] = [...DEFAULT_WARN_THRESHOLDS];
  try {
    const parsed: unknown = s.slaWarnThresholds ? JSON.parse(s.slaWarnThresholds) : null;
    if (Array.isArray(parsed) && parsed.every((v) => Number.isInteger(v) && v > 0 && v < 100)) thresholds = parsed as number[];
  } catch {
    // A damaged value falls back to the defaults rather than stopping the checks.
  }
  const mode = s.slaFirstResponse as FirstResponseMode | undefined;
  return {
    defaultAgreementId: id(s.slaDefaultAgreementId),
    warrantyAgreementId: id(s.slaWarrantyAgreementId),
    warnThresholds: thresholds,
    firstResponse: mode && FIRST_RESPONSE_MODES.includes(mode) ? mode : 'reply',
  };
}

// --- Which agreement applies to a request ------------------------------------------------

export interface AppliedAgreement {
  id: number;
  name: string;
  calendarId: number;
  basis: SlaBasis;
  /** Minutes per priority rank. */
  targets: Map<number, { response: number; resolution: number }>;
}

/**
 * An agreement with its targets. With `inForceOn` (YYYY-MM-DD) only one in force that day
 * (active and within its dates); without, whatever its state (a request keeps the agreement
 * it started with).
 */
export async function loadAgreement(db: Q, id: number | null, basis: SlaBasis, inForceOn: string | null): Promise<AppliedAgreement | null> {
  if (id === null) return null;
  const a = await db
    .selectFrom('agreements')
    .select(['id', 'name', 'calendar_id', 'active', 'valid_from', 'valid_to'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!a) return null;
  if (inForceOn !== null && (a.active !== 1 || (a.valid_from !== null && a.valid_from > inForceOn) || (a.valid_to !== null && a.valid_to < inForceOn))) return null;
  const targets = await db.selectFrom('agreement_targets').selectAll().where('agreement_id', '=', id).execute();
  return {
    id: a.id,
    name: a.name,
    calendarId: a.calendar_id,
    basis,
    targets: new Map(targets.map((t) => [t.priority, { response: t.response_minutes, resolution: t.resolution_minutes }])),
  };
}

/**
 * The agreement a new request counts in, and why: a product under warranty at this
 * customer gets the warranty's terms; otherwise the customer's own agreement; otherwise
 * the desk's default. Agreements out of their validity dates are passed over.
 */
export async function resolveAgreement(db: Q, customerId: number, productId: number | null, today: string): Promise<AppliedAgreement | null> {
  const settings = await readSlaSettings(db);
  if (productId !== null) {
    const unit = await unitUnderWarranty(db, customerId, productId, today);
    // The unit's own warranty terms, or (none, or no longer in force) the desk's warranty default.
    const warranty = unit
      ? ((await loadAgreement(db, unit.agreement_id, 'warranty', today)) ?? (await loadAgreement(db, settings.warrantyAgreementId, 'warranty', today)))
      : null;
    if (warranty) return warranty;
  }
  const customer = await db.selectFrom('customers').select('agreement_id').where('id', '=', customerId).executeTakeFirst();
  return (
    (await loadAgreement(db, customer?.agreement_id ?? null, 'customer', today)) ??
    (await loadAgreement(db, settings.defaultAgreementId, 'default', today))
  );
}

// --- Agreement templates ----------------------------------------------------------------

const HOUR = 60;
/** A working day of the standard calendar (9:00–12:00, 13:00–18:00). */
const DAY = 8 * HOUR;

/** The agreements a new desk starts with; admins edit them like any other. */
const SHIPPED_AGREEMENTS = [
  {
    name: '标准 Standard',
    allDay: false,
    charging: 'per_visit',
    // [response, resolution] minutes for low, normal, high, urgent
    targets: [[8 * HOUR, 5 * DAY], [4 * HOUR, 3 * DAY], [2 * HOUR, 2 * DAY], [1 * HOUR, DAY]],
  },
  {
    name: '金牌 Gold',
    allDay: false,
    charging: 'annual_contract',
    targets: [[4 * HOUR, 3 * DAY], [2 * HOUR, 2 * DAY], [1 * HOUR, DAY], [30, 4 * HOUR]],
  },
  {
    name: 'VIP',
    allDay: true,
    charging: 'annual_contract',
    targets: [[2 * HOUR, 24 * HOUR], [1 * HOUR, 12 * HOUR], [30, 8 * HOUR], [15, 4 * HOUR]],
  },
] as const;

/** Standard (the default), Gold and VIP (7×24) on a desk that has no agreement yet. */
export async function ensureShippedAgreements(db: Q, now: number): Promise<void> {
  const any = await db.selectFrom('agreements').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const calendars = await db.selectFrom('calendars').select(['id', 'all_day']).orderBy('id').execute();
  const business = calendars.find((c) => c.all_day === 0);
  const allDay = calendars.find((c) => c.all_day === 1);
  if (!business || !allDay) return;
  for (const a of SHIPPED_AGREEMENTS) {
    const { id } = await db
      .insertInto('agreements')
      .values({
        name: a.name,
        calendar_id: a.allDay ? allDay.id : business.id,
        charging_method: a.charging,
        included_visits: a.charging === 'annual_contract' ? 12 : null,
        valid_from: null,
        valid_to: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('agreement_targets')
      .values(a.targets.map(([response, resolution], priority) => ({ agreement_id: id, priority, response_minutes: response, resolution_minutes: resolution })))
      .execute();
    if (a.name.startsWith('标准')) await putSetting(db, 'slaDefaultAgreementId', String(id));
  }
}

export function createAgreementService(deps: CoreDeps) {
  const { db, clock } = deps;

  async function list(ids?: number[]): Promise<AgreementView[]> {
    let q = db.selectFrom('agreements as a').innerJoin('calendars as c', 'c.id', 'a.calendar_id').selectAll('a').select('c.name as calendar_name').orderBy('a.id');
    if (ids) q = q.where('a.id', 'in', ids.length ? ids : [0]);
    const rows = await q.execute();
    const targets = await db.selectFrom('agreement_targets').selectAll().execute();
    const customers = await db
      .selectFrom('customers')
      .select(['agreement_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agreement_id', 'is not', null)
      .groupBy('agreement_id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      calendarId: r.calendar_id,
      calendarName: r.calendar_name,
      chargingMethod: r.charging_method as ChargingMethod,
      includedVisits: r.included_visits,
      coveredItems: r.covered_items,
      terms: r.terms,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      active: r.active === 1,
      targets: targets
        .filter((t) => t.agreement_id === r.id)
        .sort((a, b) => a.priority - b.priority)
        .map((t) => ({ priority: TICKET_PRIORITIES[t.priority] ?? 'normal', responseMinutes: t.response_minutes, resolutionMinutes: t.resolution_minutes })),
      customerCount: Number(customers.find((c) => c.agreement_id === r.id)?.n ?? 0),
    }));
  }

  async function save(input: z.output<typeof saveAgreementInput>): Promise<AgreementView> {
    const now = clock.now();
    const id = await db.transaction().execute(async (trx) => {
      if (!(await trx.selectFrom('calendars').select('id').where('id', '=', input.calendarId).executeTakeFirst())) throw fieldError('calendarId', 'notFound');
      const clash = await trx.selectFrom('agreements').select('id').where('name', '=', input.name).executeTakeFirst();
      if (clash && clash.id !== input.id) throw fieldError('name', 'duplicate');
      const values = {
        name: input.name,
        calendar_id: input.calendarId,
        charging_method: input.chargingMethod,
        included_visits: input.chargingMethod === 'annual_contract' ? input.includedVisits : null,
        covered_items: input.coveredItems,
        terms: input.terms,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        active: input.active ? 1 : 0,
        updated_at: now,
      };
      let agreementId: number;
      if (input.id === undefined) {
        agreementId = (await trx.insertInto('agreements').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      } else {
        const updated = await trx.updateTable('agreements').set(values).where('id', '=', input.id).returning('id').executeTakeFirst();
        if (!updated) throw new AppError('NOT_FOUND', `Agreement ${input.id} not found`);
        agreementId = updated.id;
        await trx.deleteFrom('agreement_targets').where('agreement_id', '=', agreementId).execute();
      }
      await trx
        .insertInto('agreement_targets')
        .values(
          input.targets.map((t) => ({
            agreement_id: agreementId,
            priority: PRIORITY_RANK[t.priority],
            response_minutes: t.responseMinutes,
            resolution_minutes: t.resolutionMinutes,
          })),
        )
        .execute();
      return agreementId;
    });
    return (await list([id]))[0]!;
  }

  /** A customer's own agreement; it applies to their requests created from now on. */
  async function setCustomerAgreement(input: { customerId: number; agreementId: number | null }): Promise<null> {
    await db.transaction().execute(async (trx) => {
      if (input.agreementId !== null && !(await trx.selectFrom('agreements').select('id').where('id', '=', input.agreementId).executeTakeFirst())) {
        throw fieldError('agreementId', 'notFound');
      }
      const updated = await trx.updateTable('customers').set({ agreement_id: input.agreementId }).where('id', '=', input.customerId).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `Customer ${input.customerId} not found`);
    });
    return null;
  }

  return { list, save, setCustomerAgreement };
}
