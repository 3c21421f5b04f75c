import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { formatTicketNumber, type TicketChannel, type TicketStatus, type TicketType } from '../../../src-shared/domain/tickets';
import { dayKey, isoDay, zoneOffsets } from '../../../src-shared/domain/time';
import { ticketIndexStatements, type TicketSearchFields } from '../search/ticketIndex';
import { rollupBatches } from '../dashboard/bulk';
import { DEFAULT_WARN_THRESHOLDS } from '../../../src-shared/domain/sla';
import { createRng, weighted, type Rng } from './random';
import { demoSla, SLA_COLUMNS } from './sla';
import * as V from './vocabulary';

// Demo data for first-run setup, the seed tool (scripts/seed.ts) and the benchmarks.
// Deterministic for a seed (own PRNG; only the engineers' unusable password hashes are
// random). Bulk-loads with raw prepared statements in batched transactions, keeps the
// counters table consistent with the numbers it hands out, and indexes every request for
// search. Appends to whatever is already in the database.

export interface SeedDemoOptions {
  tickets: number;
  seed?: number;
  /** Epoch ms; requests are spread over the three years before it. */
  now: number;
  /** The desk's time zone: it decides the day in SR-/C- numbers. */
  timeZone: string;
  /** The desk's SLA warning thresholds (levels already announced are recorded up to `now`). */
  warnThresholds?: readonly number[];
  /** Called after every committed batch with the number of requests loaded so far. */
  onProgress?: (done: number) => void;
}

export interface SeedDemoResult {
  customers: number;
  contacts: number;
  products: number;
  engineers: number;
  tickets: number;
  /** Installed products, one per installation request with a product. */
  assets: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SPAN_DAYS = 1096;
const BATCH = 10_000;
/** Every zone's midnight falls on a UTC quarter hour, so a day key is constant within one. */
const QUARTER_HOUR = 900_000;
/** Statuses the requested-date rule locks once the date has passed (tickets/queries.ts overdueUnworked). */
const WAITING_FOR_WORK: ReadonlySet<TicketStatus> = new Set(['pending_assignment', 'reopened', 'assigned']);

/** Local hour-of-day weights of incoming requests: office hours, lunch dip, a little at night. */
const HOUR_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 8, 9, 8, 5, 6, 8, 8, 7, 5, 3, 2, 1.5, 1, 0.6, 0.4];

const pickType = weighted<TicketType>([
  ['repair', 52],
  ['consultation', 28],
  ['installation', 10],
  ['complaint', 6],
  ['other', 4],
]);
const pickPriority = weighted<number>([
  [0, 14],
  [1, 66],
  [2, 15],
  [3, 5],
]);
const pickChannel = weighted<TicketChannel>([
  ['phone', 45],
  ['wechat', 25],
  ['web', 14],
  ['email', 10],
  ['walk_in', 6],
]);
const openYoung = weighted<TicketStatus>([
  ['pending_assignment', 25],
  ['assigned', 35],
  ['on_hold', 8],
  ['locked', 4],
  ['resolved', 15],
  ['follow_up', 9],
  ['reopened', 4],
]);
const openOld = weighted<TicketStatus>([
  ['pending_assignment', 2],
  ['assigned', 12],
  ['on_hold', 16],
  ['locked', 18],
  ['resolved', 24],
  ['follow_up', 22],
  ['reopened', 6],
]);

/** Share of requests of a given age (days) that are closed; about 85 % overall. */
function closedShare(ageDays: number): number {
  if (ageDays < 2) return 0.05;
  if (ageDays < 7) return 0.35;
  if (ageDays < 30) return 0.7;
  if (ageDays < 90) return 0.82;
  return 0.86;
}

/** dayKey(), memoised per quarter hour (the seed asks for it millions of times). */
function dayKeys(timeZone: string): (at: number) => string {
  let bucket = Number.NaN;
  let key = '';
  return (at) => {
    const b = Math.floor(at / QUARTER_HOUR);
    if (b !== bucket) {
      bucket = b;
      key = dayKey(b * QUARTER_HOUR, timeZone);
    }
    return key;
  };
}

/** 'YYYYMMDD' plus some days as an ISO date 'YYYY-MM-DD'. */
function isoDatePlus(day: string, days: number): string {
  const ms = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)) + days);
  return new Date(ms).toISOString().slice(0, 10);
}

function digits(rng: Rng, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += String(rng.int(0, 9));
  return s;
}

function mobile(rng: Rng): string {
  return `+861${rng.int(3, 9)}${digits(rng, 9)}`;
}

function landline(rng: Rng, area: string): string {
  return `+86-${area}-${rng.int(2, 8)}${digits(rng, 7)}`;
}

function chineseName(rng: Rng): string {
  return rng.pick(V.SURNAMES) + rng.pick(V.GIVEN_NAMES);
}

function englishName(rng: Rng): string {
  return `${rng.pick(V.ENGLISH_FIRST)} ${rng.pick(V.ENGLISH_LAST)}`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/**
 * Creation instants of `count` requests over the SPAN_DAYS days up to `now`, ascending:
 * a growing business, quieter weekends, office hours in the desk's zone.
 */
function requestTimes(count: number, now: number, offset: number, rng: Rng): { times: Float64Array; firstDay: number } {
  const todayStart = Math.floor((now + offset) / DAY) * DAY - offset;
  const firstDay = todayStart - (SPAN_DAYS - 1) * DAY;
  const weights = new Float64Array(SPAN_DAYS);
  let total = 0;
  for (let d = 0; d < SPAN_DAYS; d++) {
    const start = firstDay + d * DAY;
    const weekday = new Date(start + offset).getUTCDay();
    let w = (0.55 + (0.45 * d) / (SPAN_DAYS - 1)) * (weekday === 0 ? 0.35 : weekday === 6 ? 0.55 : 1) * (0.85 + 0.3 * rng.next());
    if (d === SPAN_DAYS - 1) w *= Math.min(1, Math.max(0.02, (now - start) / DAY));
    weights[d] = w;
    total += w;
  }
  const hourCum: number[] = [];
  let hourTotal = 0;
  for (const w of HOUR_WEIGHTS) hourCum.push((hourTotal += w));

  const times = new Float64Array(count);
  let cum = 0;
  let placed = 0;
  for (let d = 0; d < SPAN_DAYS; d++) {
    cum += weights[d]!;
    const upto = d === SPAN_DAYS - 1 ? count : Math.min(count, Math.round((cum / total) * count));
    const start = firstDay + d * DAY;
    const from = placed;
    for (; placed < upto; placed++) {
      let t: number;
      if (d === SPAN_DAYS - 1) {
        t = start + Math.floor(rng.next() * Math.max(0, now - start));
      } else {
        const x = rng.next() * hourTotal;
        let h = 0;
        while (h < 23 && x >= hourCum[h]!) h++;
        t = start + h * HOUR + Math.floor(rng.next() * HOUR);
      }
      times[placed] = Math.min(t, now);
    }
    times.subarray(from, placed).sort();
  }
  return { times, firstDay };
}

interface Customer {
  id: number;
  name: string;
  english: boolean;
  company: boolean;
  /** Index into the contacts arrays, and how many belong to this customer. */
  contactFrom: number;
  contactCount: number;
  createdAt: number;
  /** Key accounts have an agreement of their own; everyone else counts in the desk's default. */
  agreementId: number | null;
}

interface Product {
  id: number;
  line: V.ProductLine;
  model: string;
  name: string;
}

export function seedDemoData(sqlite: Database.Database, options: SeedDemoOptions): SeedDemoResult {
  const total = Math.max(0, Math.floor(options.tickets));
  const rng = createRng(options.seed ?? 1);
  const { now, timeZone } = options;
  const offset = zoneOffsets(timeZone)(now);
  const { times, firstDay } = requestTimes(total, now, offset, rng);

  const previousCache = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144');
  try {
    const counters = new Map<string, number>();
    for (const row of sqlite.prepare('SELECT key, last FROM counters').all() as { key: string; last: number }[]) counters.set(row.key, row.last);
    const dirty = new Set<string>();
    const nextSeq = (key: string): number => {
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      dirty.add(key);
      return n;
    };
    const putCounter = sqlite.prepare('INSERT INTO counters (key, last) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET last = max(last, excluded.last)');
    const flushCounters = () => {
      for (const key of dirty) putCounter.run(key, counters.get(key));
      dirty.clear();
    };

    const products = loadProducts(sqlite);
    const engineers = addEngineers(sqlite, rng, Math.min(200, Math.max(8, Math.round(total / 20_000))), firstDay);
    const staff = (sqlite.prepare("SELECT id FROM users WHERE role IN ('admin', 'supervisor', 'agent') AND disabled = 0 ORDER BY id").all() as { id: number }[]).map(
      (r) => r.id,
    );
    const creators = staff.length > 0 ? staff : engineers;

    const customerCount = Math.max(50, Math.round(total / 20));
    const sla = demoSla(sqlite, now, options.warnThresholds ?? DEFAULT_WARN_THRESHOLDS);
    const { customers, contactNames, contactPhones, contactIds, keyAccounts } = addCustomers(sqlite, rng, sla.keyAccountAgreement, customerCount, times, firstDay, now, timeZone, nextSeq, flushCounters);

    // Requests, in creation order, so ids follow time (the queue's "created" order is by id).
    const insertTicket = sqlite.prepare(
      `INSERT INTO tickets (number, customer_id, contact_id, product_id, type, priority, channel, status, subject, description,
         requested_by, assignee_id, created_by, created_at, updated_at,
         attempts, lock_reason, hold_reason, problem_category_id, resolved_at, closed_at, ${SLA_COLUMNS.join(', ')})
       VALUES (${Array.from({ length: 21 + SLA_COLUMNS.length }, () => '?').join(', ')})`,
    );
    const categories = new Map(
      (sqlite.prepare('SELECT id, code FROM problem_categories').all() as { id: number; code: string }[]).map((r) => [r.code, r.id]),
    );
    const parts = loadParts(sqlite, now);
    const history = lifecycleHistory(sqlite);
    const insertEvent = history.event;
    const index = ticketIndexStatements(sqlite);
    const pickProduct = weighted(products.map((p) => [p, p.line.weight / p.line.models.length] as const));
    const dk = dayKeys(timeZone);
    const today = isoDay(now, timeZone);
    let available = 0;

    // Search terms go into FTS5 after the batch's rows: FTS5 flushes its pending terms at each
    // statement savepoint, which every statement a trigger may follow opens (the dashboard's).
    const terms: [number, TicketSearchFields][] = [];
    // The dashboard's rollups take each batch's requests in one statement (dashboard/bulk.ts).
    const rollups = rollupBatches(sqlite);
    const loadBatch = sqlite.transaction((from: number, to: number) => {
      rollups.begin();
      for (let i = from; i < to; i++) {
        const createdAt = times[i]!;
        while (available < customers.length && customers[available]!.createdAt <= createdAt) available++;
        const customer = rng.chance(0.3) ? customers[rng.int(0, keyAccounts - 1)]! : customers[rng.int(0, Math.max(1, available) - 1)]!;
        const contactIndex = customer.contactCount > 0 ? customer.contactFrom + rng.int(0, customer.contactCount - 1) : -1;
        const english = customer.english ? rng.chance(0.85) : rng.chance(0.01);
        const type = pickType(rng);
        const product = type === 'repair' || type === 'installation' || rng.chance(0.7) ? pickProduct(rng) : null;
        const { subject, description } = writeRequest(rng, type, product, english);
        let priority = pickPriority(rng);
        if (subject.includes('困人') || subject.includes('stuck')) priority = 3;
        else if (type === 'complaint' && priority < 2 && rng.chance(0.4)) priority = 2;

        const ageDays = (now - createdAt) / DAY;
        const status: TicketStatus = rng.chance(closedShare(ageDays)) ? 'closed' : ageDays < 7 ? openYoung(rng) : openOld(rng);
        const assignee = status === 'pending_assignment' ? null : engineers[Math.floor(engineers.length * rng.next() ** 1.3)]!;
        const creator = creators[rng.int(0, creators.length - 1)]!;
        let updatedAt = createdAt;
        if (status !== 'pending_assignment') {
          const spread = status === 'closed' || status === 'locked' ? 12 * DAY : 3 * DAY;
          updatedAt = Math.min(now, createdAt + 20 * 60_000 + Math.floor(rng.next() ** 2 * spread));
        }
        const life = lifecycleOf(rng, status, createdAt, updatedAt);
        const day = dk(createdAt);
        const asked = rng.chance(type === 'installation' ? 0.85 : 0.45) ? isoDatePlus(day, rng.int(0, 14)) : null;
        // The live desk locks unworked requests whose requested day has passed (tickets/jobs.ts), so
        // such a request still waiting here carries no date; otherwise the first service check
        // after seeding would lock it under the user's eyes.
        const requestedBy = asked !== null && asked < today && WAITING_FOR_WORK.has(status) ? null : asked;
        const number = formatTicketNumber(day, nextSeq(`SR-${day}`));

        const id = Number(
          insertTicket.run(
            number,
            customer.id,
            contactIndex >= 0 ? contactIds[contactIndex]! : null,
            product?.id ?? null,
            type,
            priority,
            pickChannel(rng),
            status,
            subject,
            description,
            requestedBy,
            life.lockReason === 'not_assigned_by_requested_date' ? null : assignee,
            creator,
            createdAt,
            updatedAt,
            life.attempts,
            life.lockReason,
            life.holdReason,
            categories.get(problemCategory(rng, type, subject)) ?? null,
            life.resolvedAt,
            life.closedAt,
            ...sla.columns(rng, { agreementId: customer.agreementId, status, priority, createdAt, updatedAt, resolvedAt: life.resolvedAt, closedAt: life.closedAt }),
          ).lastInsertRowid,
        );
        insertEvent.run(id, createdAt, creator, 'created', null, 'pending_assignment', null);
        if (status !== 'pending_assignment') {
          const note = status === 'closed' ? rng.pick(V.CLOSE_NOTES) : null;
          insertEvent.run(id, updatedAt, life.lastActor === 'engineer' ? assignee : creator, life.lastKind, life.lastFrom, status, note);
        }
        if (type === 'complaint') history.addComplaint(rng, id, status, life, assignee, creator);
        // Work logs and follow-ups for the last three months: what people open and read.
        if (life.resolvedAt !== null && now - createdAt < 90 * DAY && assignee !== null) {
          history.addWork(rng, id, assignee, createdAt, life.resolvedAt, product ? parts : [], priority);
          if (life.closedAt !== null) history.addFollowUp(rng, id, creator, life.closedAt);
        }
        terms.push([id, {
          number,
          subject,
          description,
          customerName: customer.name,
          contactName: contactIndex >= 0 ? contactNames[contactIndex] : null,
          contactPhone: contactIndex >= 0 ? contactPhones[contactIndex] : null,
          productName: product?.name,
          productModel: product?.model,
        }]);
      }
      rollups.end();
      for (const [ticket, fields] of terms) index.insertNew(ticket, fields);
      terms.length = 0;
      flushCounters();
    });

    const firstTicket = ((sqlite.prepare('SELECT max(id) AS id FROM tickets').get() as { id: number | null }).id ?? 0) + 1;
    for (let from = 0; from < total; from += BATCH) {
      const to = Math.min(total, from + BATCH);
      loadBatch(from, to);
      options.onProgress?.(to);
    }
    const assets = addInstalledBase(sqlite, firstTicket, offset);

    return { customers: customers.length, contacts: contactIds.length, products: products.length, engineers: engineers.length, tickets: total, assets };
  } finally {
    sqlite.pragma(`cache_size = ${Number(previousCache)}`);
  }
}

interface Life {
  attempts: number;
  lockReason: string | null;
  holdReason: string | null;
  resolvedAt: number | null;
  closedAt: number | null;
  /** The last step that brought the request to its status, as the lifecycle records it. */
  lastKind: string;
  lastFrom: TicketStatus;
  lastActor: 'engineer' | 'desk';
}

/** Lifecycle fields consistent with a request's final status (see src-shared/domain/lifecycle.ts). */
function lifecycleOf(rng: Rng, status: TicketStatus, createdAt: number, updatedAt: number): Life {
  const life: Life = { attempts: 0, lockReason: null, holdReason: null, resolvedAt: null, closedAt: null, lastKind: 'assign', lastFrom: 'pending_assignment', lastActor: 'desk' };
  const resolved = createdAt + Math.max(30 * 60_000, Math.floor((updatedAt - createdAt) * 0.8));
  switch (status) {
    case 'assigned':
      break;
    case 'on_hold':
      Object.assign(life, { holdReason: rng.pick(['waiting_customer', 'waiting_parts', 'waiting_parts', 'scheduled']), lastKind: 'hold', lastFrom: 'assigned', lastActor: 'engineer' });
      break;
    case 'locked': {
      const exhausted = rng.chance(0.6);
      Object.assign(life, {
        attempts: exhausted ? 2 : 0,
        lockReason: exhausted ? 'attempts_exhausted' : 'not_assigned_by_requested_date',
        lastKind: exhausted ? 'logWork' : 'lock',
        lastFrom: exhausted ? 'assigned' : 'pending_assignment',
        lastActor: exhausted ? 'engineer' : 'desk',
      });
      break;
    }
    case 'resolved':
      Object.assign(life, { resolvedAt: updatedAt, lastKind: 'logWork', lastFrom: 'assigned', lastActor: 'engineer' });
      break;
    case 'follow_up':
      Object.assign(life, { resolvedAt: resolved, lastKind: 'startFollowUp', lastFrom: 'resolved' });
      break;
    case 'closed':
      Object.assign(life, { attempts: rng.chance(0.08) ? 1 : 0, resolvedAt: resolved, closedAt: updatedAt, lastKind: 'recordFollowUp', lastFrom: 'follow_up' });
      break;
    case 'reopened':
      Object.assign(life, { resolvedAt: resolved, lastKind: 'reopen', lastFrom: 'closed' });
      break;
    case 'pending_assignment':
      break;
  }
  return life;
}

/** The problem category an agent would pick for a request. */
function problemCategory(rng: Rng, type: TicketType, subject: string): string {
  if (type === 'installation') return 'install';
  if (type === 'consultation') return rng.chance(0.8) ? 'usage' : 'parts';
  if (type === 'complaint') return rng.chance(0.4) ? 'billing' : 'other';
  if (type === 'other') return rng.chance(0.5) ? 'maintenance' : 'other';
  if (/漏|响|leak|nois/i.test(subject)) return 'noise_leak';
  if (/退款|费用|refund/i.test(subject)) return 'billing';
  return rng.pick(['fault', 'fault', 'fault', 'performance', 'parts', 'maintenance']);
}

const PARTS: readonly [partNo: string, name: string, priceFen: number][] = [
  ['HV-CAP-35', '压缩机启动电容 35μF', 4500],
  ['HV-FAN-M1', '室内风机电机', 26000],
  ['HV-PCB-A1', '室外机主控板', 68000],
  ['HV-EXV-01', '电子膨胀阀', 32000],
  ['HV-R410A', 'R410A 冷媒 (kg)', 9000],
  ['HV-DRN-01', '冷凝水排水管组件', 3500],
  ['EL-DR-RL', '层门门锁滚轮', 12000],
  ['EL-BRK-PD', '曳引机制动片', 88000],
  ['EL-LC-01', '光幕 (一对)', 46000],
  ['CNC-SP-BR', '主轴轴承组', 235000],
  ['CNC-ATC-GR', '刀库换刀机械手', 480000],
  ['CNC-CLT-FL', '切削液过滤网', 6000],
  ['PR-ROL-01', '搓纸轮', 4800],
  ['PR-FUS-01', '定影组件', 52000],
  ['PR-TNR-BK', '黑色碳粉盒', 39000],
  ['WP-RO-75', 'RO 反渗透膜 75G', 28000],
  ['WP-PP-01', 'PP 棉滤芯', 3000],
  ['WH-IGN-01', '燃气热水器点火针', 3800],
  ['WH-FLS-01', '水流传感器', 9500],
  ['GEN-SCR-KT', '紧固件套装', 1500],
];

/** A spare parts catalog, once (part numbers are unique). */
function loadParts(sqlite: Database.Database, now: number): { id: number; price: number }[] {
  const insert = sqlite.prepare("INSERT INTO parts (part_no, name, unit_price, currency, active, created_at) VALUES (?, ?, ?, 'CNY', 1, ?) ON CONFLICT (part_no) DO NOTHING");
  sqlite.transaction(() => {
    for (const [partNo, name, price] of PARTS) insert.run(partNo, name, price, now);
  })();
  return sqlite.prepare('SELECT id, unit_price AS price FROM parts WHERE active = 1 ORDER BY id').all() as { id: number; price: number }[];
}

/** Writers for events, work logs (with parts) and follow-up visits. */
function lifecycleHistory(sqlite: Database.Database) {
  const event = sqlite.prepare('INSERT INTO ticket_events (ticket_id, at, actor_id, kind, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const log = sqlite.prepare(
    `INSERT INTO work_logs (ticket_id, engineer_id, kind, started_at, ended_at, work_minutes, labour_fee, travel_fee, currency, chargeable, findings, outcome, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, 'resolved', ?, ?)`,
  );
  const logPart = sqlite.prepare('INSERT INTO work_log_parts (work_log_id, part_id, quantity, unit_price) VALUES (?, ?, ?, ?)');
  const followUp = sqlite.prepare('INSERT INTO follow_ups (ticket_id, agent_id, at, satisfaction, satisfied, comment) VALUES (?, ?, ?, ?, ?, ?)');
  const pickScore = weighted<number>([
    [5, 60],
    [4, 25],
    [3, 8],
    [2, 4],
    [1, 3],
  ]);
  const complaint = sqlite.prepare(
    'INSERT INTO complaints (ticket_id, severity, party, party_user_id, acknowledged_by, acknowledged_at, root_cause, corrective_action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const pickSeverity = weighted<string>([
    ['low', 20],
    ['medium', 50],
    ['high', 25],
    ['critical', 5],
  ]);
  return {
    event,
    /** Complaint handling consistent with the status: acknowledged once worked, analysed once closed. */
    addComplaint(rng: Rng, ticketId: number, status: TicketStatus, life: Life, engineerId: number | null, managerId: number) {
      const party = rng.pick(['product', 'product', 'engineer', 'process']);
      const worked = life.resolvedAt !== null;
      const closed = status === 'closed';
      complaint.run(
        ticketId,
        pickSeverity(rng),
        party,
        party === 'engineer' ? engineerId : null,
        worked ? managerId : null,
        worked ? life.resolvedAt! - 3_600_000 : null,
        closed ? rng.pick(['配件批次质量问题', '派工时未考虑路程时间', '首次上门未带齐配件', '收费标准未提前告知']) : '',
        closed ? rng.pick(['更换供应商批次并抽检', '派工规则加入路程时间', '上门前核对配件清单', '报价前书面确认收费']) : '',
      );
    },
    addWork(rng: Rng, ticketId: number, engineerId: number, createdAt: number, resolvedAt: number, parts: { id: number; price: number }[], priority: number) {
      const minutes = rng.int(30, 240);
      const end = Math.max(createdAt + minutes * 60_000, resolvedAt);
      const start = end - (minutes + rng.int(0, 60)) * 60_000;
      const onsite = rng.chance(0.75);
      const chargeable = rng.chance(0.3);
      const logId = Number(
        log.run(
          ticketId,
          engineerId,
          onsite ? 'onsite' : 'remote',
          start,
          end,
          minutes,
          chargeable ? rng.int(1, 6) * 5000 : 0,
          chargeable && onsite ? rng.int(1, 4) * 2500 : 0,
          chargeable ? 1 : 0,
          rng.pick(['已检修并试运行正常', '更换配件后恢复正常', '清洁保养后运行正常', '远程指导客户重新设置', '调整参数后故障消除']),
          engineerId,
          end,
        ).lastInsertRowid,
      );
      if (parts.length > 0 && rng.chance(priority >= 2 ? 0.5 : 0.3)) {
        const part = rng.pick(parts);
        logPart.run(logId, part.id, rng.int(1, 2), part.price);
      }
    },
    addFollowUp(rng: Rng, ticketId: number, agentId: number, at: number) {
      const score = pickScore(rng);
      followUp.run(ticketId, agentId, at, score, 1, score >= 4 ? rng.pick(['服务及时，很满意', '工程师很专业', '', '']) : rng.pick(['上门时间偏晚', '等待配件时间较长']));
    },
  };
}

/** The catalogue; models are unique, so a second seed reuses the rows of the first. */
function loadProducts(sqlite: Database.Database): Product[] {
  const insert = sqlite.prepare('INSERT INTO products (product_line, model, name) VALUES (?, ?, ?) ON CONFLICT (model) DO NOTHING');
  const find = sqlite.prepare('SELECT id, name FROM products WHERE model = ?');
  const products: Product[] = [];
  sqlite.transaction(() => {
    for (const line of V.PRODUCT_LINES) {
      for (const [model, name] of line.models) {
        insert.run(line.label, model, name);
        const row = find.get(model) as { id: number; name: string };
        products.push({ id: row.id, line, model, name: row.name });
      }
    }
  })();
  return products;
}

/** Engineers who can never sign in: their hash is not an argon2 string, so verify fails. */
function addEngineers(sqlite: Database.Database, rng: Rng, count: number, firstDay: number): number[] {
  const taken = new Set((sqlite.prepare('SELECT lower(username) AS u FROM users').all() as { u: string }[]).map((r) => r.u));
  const insert = sqlite.prepare(
    "INSERT INTO users (username, display_name, password_hash, role, locale, created_at) VALUES (?, ?, ?, 'engineer', 'zh-CN', ?)",
  );
  const names = new Set<string>();
  const ids: number[] = [];
  sqlite.transaction(() => {
    let k = 1;
    while (ids.length < count) {
      let username = `eng${String(k).padStart(3, '0')}`;
      while (taken.has(username)) username = `eng${String(++k).padStart(3, '0')}`;
      taken.add(username);
      let displayName = chineseName(rng);
      for (let tries = 0; names.has(displayName) && tries < 20; tries++) displayName = chineseName(rng);
      if (names.has(displayName)) displayName = `${displayName}${names.size}`;
      names.add(displayName);
      const joined = firstDay - rng.int(30, 700) * DAY;
      ids.push(Number(insert.run(username, displayName, `!${randomBytes(16).toString('hex')}`, joined).lastInsertRowid));
      k++;
    }
  })();
  return ids;
}

function addCustomers(
  sqlite: Database.Database,
  rng: Rng,
  keyAccountAgreement: (index: number) => number | null,
  count: number,
  times: Float64Array,
  firstDay: number,
  now: number,
  timeZone: string,
  nextSeq: (key: string) => number,
  flushCounters: () => void,
) {
  const keyAccounts = Math.max(V.WELL_KNOWN_COMPANIES.length, Math.round(count * 0.05));
  const early = Math.round(count * 0.25);
  const created = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    if (j < early || times.length === 0) {
      created[j] = j < early ? firstDay - rng.int(1, 365) * DAY - rng.int(0, DAY - 1) : firstDay + Math.floor(((j - early) / (count - early)) * (now - firstDay));
    } else {
      const t = times[Math.floor(((j - early) / (count - early)) * times.length)]!;
      created[j] = Math.max(firstDay, t - rng.int(0, 3 * DAY));
    }
  }
  // Key accounts are the oldest customers; everyone else arrives over time.
  created.sort();

  const insertCustomer = sqlite.prepare('INSERT INTO customers (customer_no, name, kind, phone, province, created_at, agreement_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertContact = sqlite.prepare('INSERT INTO contacts (customer_id, name, phone, email, created_at) VALUES (?, ?, ?, ?, ?)');
  const customers: Customer[] = [];
  const contactNames: string[] = [];
  const contactPhones: (string | null)[] = [];
  const contactIds: number[] = [];
  const dk = dayKeys(timeZone);

  const load = sqlite.transaction((from: number, to: number) => {
    for (let j = from; j < to; j++) {
      const createdAt = created[j]!;
      const company = j < keyAccounts || rng.chance(0.68);
      const city = V.CITIES[j < V.WELL_KNOWN_COMPANIES.length ? V.WELL_KNOWN_COMPANIES[j]!.city : rng.int(0, V.CITIES.length - 1)]!;
      let name: string;
      let english = false;
      let slug = '';
      if (j < V.WELL_KNOWN_COMPANIES.length) {
        name = V.WELL_KNOWN_COMPANIES[j]!.name;
      } else if (company && rng.chance(0.08)) {
        english = true;
        const head = rng.pick(V.ENGLISH_COMPANY_HEADS);
        name = `${head} ${rng.pick(V.ENGLISH_COMPANY_TAILS)}`;
        slug = head.toLowerCase().replace(/\s+/g, '');
      } else if (company) {
        name = `${city.prefix}${rng.pick(V.COMPANY_CORES)}${rng.pick(V.INDUSTRIES)}${rng.pick(V.COMPANY_SUFFIXES)}`;
      } else {
        english = rng.chance(0.03);
        name = english ? englishName(rng) : chineseName(rng);
      }
      const phone = company ? landline(rng, city.area) : mobile(rng);
      const day = dk(createdAt);
      const customerNo = `C${day}${String(nextSeq(`C-${day}`)).padStart(4, '0')}`;
      const agreementId = j < keyAccounts ? keyAccountAgreement(j) : null;
      const id = Number(insertCustomer.run(customerNo, name, company ? 'company' : 'individual', phone, city.province, createdAt, agreementId).lastInsertRowid);

      const contactFrom = contactIds.length;
      const contactCount = company ? (j < keyAccounts ? rng.int(3, 5) : rng.int(1, 3)) : 0;
      for (let k = 0; k < contactCount; k++) {
        const person = english ? englishName(rng) : chineseName(rng);
        const contactPhone = rng.chance(0.92) ? mobile(rng) : null;
        const email = english ? `${person.toLowerCase().replace(/[^a-z]+/g, '.')}@${slug}.example.com` : null;
        contactIds.push(Number(insertContact.run(id, person, contactPhone, email, createdAt).lastInsertRowid));
        contactNames.push(person);
        contactPhones.push(contactPhone);
      }
      customers.push({ id, name, english, company, contactFrom, contactCount, createdAt, agreementId });
    }
    flushCounters();
  });
  for (let from = 0; from < count; from += BATCH) load(from, Math.min(count, from + BATCH));
  return { customers, contactNames, contactPhones, contactIds, keyAccounts };
}

function writeRequest(rng: Rng, type: TicketType, product: Product | null, english: boolean): { subject: string; description: string } {
  const productName = product ? product.name : english ? 'equipment' : '设备';
  const values = {
    product: productName,
    code: product ? rng.pick(product.line.codes) : 'E1',
    floor: String(rng.int(1, 30)),
    serial: `${product ? product.model.replace(/[^A-Z0-9]/g, '') : 'SN'}${digits(rng, 6)}`,
  };
  if (english) {
    let subject: string;
    if (type === 'repair' && product) subject = rng.pick(product.line.faultsEn);
    else if (type === 'installation') subject = rng.pick(V.INSTALLATION_SUBJECTS_EN);
    else if (type === 'complaint') subject = rng.pick(V.COMPLAINT_SUBJECTS_EN);
    else if (type === 'consultation') subject = rng.pick(V.CONSULTATION_SUBJECTS_EN);
    else subject = rng.pick(V.OTHER_SUBJECTS_EN);
    const description = fill(rng.pick(V.EN_DESCRIPTIONS), { ...values, since: rng.pick(V.EN_SINCE), when: rng.pick(V.EN_WHEN) });
    return { subject: fill(subject, values), description };
  }
  let subject: string;
  let description: string;
  switch (type) {
    case 'repair': {
      subject = fill(rng.pick(product!.line.faults), values);
      description = `客户反映${subject}，${rng.pick(V.SINCE)}。${fill(rng.pick(V.DETAILS), values)}。请安排工程师${rng.pick(V.WHEN)}上门检查。`;
      break;
    }
    case 'installation':
      subject = fill(rng.pick(V.INSTALLATION_SUBJECTS), values);
      description = `客户预约${rng.pick(V.WHEN)}上门，${product ? `型号${product.model}，` : ''}${fill(rng.pick(V.DETAILS), values)}。`;
      break;
    case 'consultation':
      subject = product?.line.key === 'purifier' && rng.chance(0.4) ? '滤芯更换咨询' : fill(rng.pick(V.CONSULTATION_SUBJECTS), values);
      description = `${rng.pick(V.CONSULT_DETAILS)}。${product ? `型号${product.model}。` : ''}`;
      break;
    case 'complaint':
      subject = rng.pick(V.COMPLAINT_SUBJECTS);
      description = `客户来电投诉：${subject}，${rng.pick(V.SINCE)}。要求主管${rng.pick(V.WHEN)}回电处理。`;
      break;
    default:
      subject = rng.pick(V.OTHER_SUBJECTS);
      description = `客户通过${rng.pick(['电话', '微信', '邮件'])}提出，请相关部门处理。`;
  }
  return { subject, description };
}

/**
 * The installed base the demo requests imply: every installation request with a product
 * (from `firstTicket` on) put one unit at its customer, installed on the request's day with
 * two years of warranty, its serial number the model and the request id. No warranty
 * agreement of its own, so the requests' SLA terms stay as seeded (the desk's warranty
 * default is unset until an admin sets one). Returns how many.
 */
function addInstalledBase(sqlite: Database.Database, firstTicket: number, offsetMs: number): number {
  const day = `date((t.created_at + ${Math.trunc(offsetMs)}) / 1000, 'unixepoch')`;
  return sqlite
    .prepare(
      `INSERT INTO assets (customer_id, product_id, serial_no, install_date, location, warranty_start, warranty_end, agreement_id, created_at)
       SELECT t.customer_id, t.product_id, p.model || '-' || printf('%07d', t.id), ${day}, NULL, ${day}, date(${day}, '+2 years', '-1 day'), NULL, t.created_at
       FROM tickets t JOIN products p ON p.id = t.product_id
       WHERE t.id >= ? AND t.type = 'installation'`,
    )
    .run(firstTicket).changes;
}
