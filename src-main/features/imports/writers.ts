import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DEFAULT_TIME_ZONE, zoneOffsets } from '../../../src-shared/domain/time';
import { formatTicketNumber, PRIORITY_RANK, type TicketPriority } from '../../../src-shared/domain/tickets';
import { cleanTags } from '../../../src-shared/domain/customers';
import type { ImportEntity } from '../../../src-shared/domain/importFields';
import { orderDayInstant } from '../customers/orders';
import { ticketIndexStatements, type TicketSearchFields } from '../search/ticketIndex';
import type { Address, Problem, Values } from './clean';
import type { KeyStore } from './keys';

// Entity by entity: find the row's key, resolve what it refers to, and insert it, with
// prepared statements (an import moves tens of thousands of rows a second). Every writer
// returns what became of the row; the engine wraps batches in transactions.

export type Outcome = 'created' | 'unchanged' | Problem;

export interface WriteContext {
  sqlite: Database.Database;
  keys: KeyStore;
  now: number;
  userId: number;
  /** This desk's id: keys `<deskId>:<id>` in its own exports name its own records. */
  deskId: string;
  /** Work a writer leaves to the end of each batch, inside its transaction (the engine runs these). */
  endOfBatch: (() => void)[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const problem = (field: string | null, reason: string, value: unknown = null): Problem => ({ field, reason, value: value === null ? null : String(value) });

/** A row without a key column is known by its content: the same row twice is one record. */
export function contentKey(values: Values, fields: readonly string[]): string {
  const text = fields.map((f) => JSON.stringify(values[f] ?? null)).join('|');
  return `#${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
}

/** A key from a ServiceLoop export: `<desk id>:<record id>`. */
const FOREIGN_KEY = /^[0-9a-f-]{36}:\d+$/;

/** The id a key of this desk's own export names, if the record is still here. */
function ownId(ctx: WriteContext, key: string): number | null {
  const prefix = `${ctx.deskId}:`;
  if (!key.startsWith(prefix)) return null;
  const id = Number(key.slice(prefix.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Where references point: customers by key, own-export key or customer number; products by model. */
export function createResolver(ctx: WriteContext) {
  const customerById = ctx.sqlite.prepare<[number], { id: number; merged_into_id: number | null }>('SELECT id, merged_into_id FROM customers WHERE id = ?');
  const customerByNo = ctx.sqlite.prepare<[string], { id: number; merged_into_id: number | null }>('SELECT id, merged_into_id FROM customers WHERE customer_no = ?');
  const productByModel = ctx.sqlite.prepare<[string], { id: number }>('SELECT id FROM products WHERE lower(model) = lower(?)');
  const survivor = (row: { id: number; merged_into_id: number | null } | undefined) => (row ? (row.merged_into_id ?? row.id) : undefined);
  // A customer's rows come many to a file (contacts, requests): each reference is looked up once.
  const customers = new Map<string, number | undefined>();
  return {
    customer(ref: string): number | undefined {
      if (customers.has(ref)) return customers.get(ref);
      const id = this.findCustomer(ref);
      if (customers.size > 500_000) customers.clear();
      customers.set(ref, id);
      return id;
    },
    findCustomer(ref: string): number | undefined {
      const own = ownId(ctx, ref);
      if (own !== null) {
        const found = survivor(customerById.get(own));
        if (found !== undefined) return found;
      }
      const imported = ctx.keys.lookup('customers', ref);
      if (imported !== undefined) return imported < 0 ? imported : (survivor(customerById.get(imported)) ?? imported);
      return survivor(customerByNo.get(ref.toUpperCase()) ?? customerByNo.get(ref));
    },
    product(model: string): number | undefined {
      return ctx.keys.lookup('products', model.toLowerCase()) ?? productByModel.get(model)?.id;
    },
  };
}

/** A lookup of this desk's own records by the keys its exports gave them. */
function ownRecord(ctx: WriteContext, table: 'contacts' | 'assets' | 'tickets') {
  const byId = ctx.sqlite.prepare<[number], { id: number }>(`SELECT id FROM ${table} WHERE id = ?`);
  return (key: string): number | undefined => {
    const id = ownId(ctx, key);
    return id === null ? undefined : byId.get(id)?.id;
  };
}

/** Finds the row's key; a key already seen in this file rejects the row, one from an earlier run leaves it unchanged. */
function claim(ctx: WriteContext, entity: ImportEntity, key: string, keyField: string | null, existing: () => number | undefined): 'new' | 'unchanged' | Problem {
  if (ctx.keys.seenThisRun(entity, key)) return problem(keyField, 'duplicateKey', key);
  const earlier = ctx.keys.lookup(entity, key) ?? existing();
  if (earlier === undefined) return 'new';
  ctx.keys.record(entity, key, earlier, false);
  return 'unchanged';
}

export function productWriter(ctx: WriteContext) {
  const insert = ctx.sqlite.prepare('INSERT INTO products (product_line, model, name) VALUES (?, ?, ?)');
  const byModel = ctx.sqlite.prepare<[string], { id: number }>('SELECT id FROM products WHERE lower(model) = lower(?)');
  return (v: Values): Outcome => {
    const model = str(v.model)!;
    const key = model.toLowerCase();
    const state = claim(ctx, 'products', key, 'model', () => byModel.get(model)?.id);
    if (state !== 'new') return state;
    ctx.keys.record('products', key, ctx.keys.create(() => Number(insert.run(str(v.productLine), model, str(v.name)).lastInsertRowid)));
    return 'created';
  };
}

export function customerWriter(ctx: WriteContext, timeZone: string) {
  const { sqlite } = ctx;
  const insert = sqlite.prepare(
    `INSERT INTO customers (customer_no, name, kind, phone, email, tier, province, city, district, street, owner_id, note, created_at, last_activity_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = sqlite.prepare('INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?, ?)');
  const byNo = sqlite.prepare<[string], { id: number }>('SELECT id FROM customers WHERE customer_no = ?');
  const byId = sqlite.prepare<[number], { id: number }>('SELECT id FROM customers WHERE id = ?');
  const users = sqlite.prepare<[], { id: number; username: string; display_name: string }>('SELECT id, username, display_name FROM users WHERE disabled = 0').all();
  const owners = new Map<string, number>();
  for (const u of users) owners.set(u.display_name, u.id).set(u.username.toLowerCase(), u.id);
  const counters = new CounterCache(ctx, timeZone);
  const numbersThisRun = new Set<string>();

  return (v: Values): Outcome => {
    const customerNo = str(v.customerNo)?.toUpperCase() ?? null;
    const key = str(v.key) ?? customerNo ?? contentKey(v, ['name', 'phone', 'email', 'province', 'city', 'district', 'street', 'address']);
    const state = claim(ctx, 'customers', key, v.key !== null ? 'key' : customerNo !== null ? 'customerNo' : null, () => {
      const own = ownId(ctx, key);
      if (own !== null) return byId.get(own)?.id;
      // A number names the same customer only within one desk: another desk's package
      // (keys `<its id>:<n>`) may use numbers this desk gave to someone else.
      return customerNo !== null && !FOREIGN_KEY.test(key) ? byNo.get(customerNo)?.id : undefined;
    });
    if (state !== 'new') return state;
    if (customerNo !== null && numbersThisRun.has(customerNo)) return problem('customerNo', 'duplicateKey', customerNo);
    const ownerName = str(v.owner);
    const owner = ownerName === null ? null : (owners.get(ownerName) ?? owners.get(ownerName.toLowerCase()));
    if (owner === undefined) return problem('owner', 'unknownReference', ownerName);
    const address = (v.address as Address | null) ?? { province: null, city: null, district: null, street: null };
    // Activity as the source knows it: its creation date, raised by the requests and orders
    // imported for it; without one the lifecycle reads the import's date until they come.
    const activeAt = num(v.createdAt);
    const createdAt = activeAt ?? ctx.now;
    // The source's number when it is free here, else a number of this desk's own.
    const no = customerNo !== null && !byNo.get(customerNo) ? customerNo : counters.customerNo(createdAt);
    if (customerNo !== null) numbersThisRun.add(customerNo);
    const id = ctx.keys.create(() =>
      Number(
        insert.run(
          no,
          str(v.name),
          str(v.kind) ?? 'company',
          str(v.phone),
          str(v.email),
          str(v.tier) ?? 'normal',
          str(v.province) ?? address.province,
          str(v.city) ?? address.city,
          str(v.district) ?? address.district,
          str(v.street) ?? address.street,
          owner,
          str(v.note),
          createdAt,
          activeAt,
        ).lastInsertRowid,
      ),
    );
    if (!ctx.keys.dryRun) for (const tag of cleanTags((v.tags as string[] | null) ?? [])) insertTag.run(id, tag);
    ctx.keys.record('customers', key, id);
    return 'created';
  };
}

export function contactWriter(ctx: WriteContext) {
  const resolve = createResolver(ctx);
  const insert = ctx.sqlite.prepare(
    'INSERT INTO contacts (customer_id, name, phone, email, role, preferred_channel, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const own = ownRecord(ctx, 'contacts');
  return (v: Values): Outcome => {
    const customer = resolve.customer(str(v.customer)!);
    if (customer === undefined) return problem('customer', 'unknownReference', v.customer);
    const key = str(v.key) ?? contentKey(v, ['customer', 'name', 'phone', 'email']);
    const state = claim(ctx, 'contacts', key, v.key !== null ? 'key' : null, () => own(key));
    if (state !== 'new') return state;
    const id = ctx.keys.create(() => Number(insert.run(customer, str(v.name), str(v.phone), str(v.email), str(v.role), str(v.preferredChannel), ctx.now).lastInsertRowid));
    ctx.keys.record('contacts', key, id);
    return 'created';
  };
}

export function assetWriter(ctx: WriteContext) {
  const resolve = createResolver(ctx);
  const insert = ctx.sqlite.prepare(
    `INSERT INTO assets (customer_id, product_id, serial_no, install_date, location, warranty_start, warranty_end, agreement_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  );
  const serialTaken = ctx.sqlite.prepare<[number, string], { id: number }>('SELECT id FROM assets WHERE product_id = ? AND serial_no = ?');
  const serialsThisRun = new Set<string>();
  const own = ownRecord(ctx, 'assets');
  return (v: Values): Outcome => {
    const customer = resolve.customer(str(v.customer)!);
    if (customer === undefined) return problem('customer', 'unknownReference', v.customer);
    const model = str(v.model);
    const product = model === null ? null : resolve.product(model);
    if (product === undefined) return problem('model', 'unknownReference', model);
    const start = str(v.warrantyStart);
    const end = str(v.warrantyEnd);
    if (start !== null && end === null) return problem('warrantyEnd', 'required');
    if (start !== null && end !== null && end < start) return problem('warrantyEnd', 'beforeStart', end);
    const serial = str(v.serialNo);
    const key = str(v.key) ?? contentKey(v, ['customer', 'model', 'serialNo', 'installDate', 'location']);
    const state = claim(ctx, 'assets', key, v.key !== null ? 'key' : null, () => own(key));
    if (state !== 'new') return state;
    // One serial number names one unit of a model (a unique index stands behind this).
    if (serial !== null && product !== null) {
      if (serialsThisRun.has(`${product}\u0000${serial}`) || (product > 0 && serialTaken.get(product, serial))) return problem('serialNo', 'taken', serial);
      serialsThisRun.add(`${product}\u0000${serial}`);
    }
    const id = ctx.keys.create(() => Number(insert.run(customer, product, serial, str(v.installDate), str(v.location), start, end, ctx.now).lastInsertRowid));
    ctx.keys.record('assets', key, id);
    return 'created';
  };
}

export interface OrderLineRow {
  line: number;
  values: Values;
}

/** One order from its lines (rows sharing an order number); any bad line rejects the order. */
export function orderWriter(ctx: WriteContext, timeZone: string) {
  const resolve = createResolver(ctx);
  const insertOrder = ctx.sqlite.prepare(
    "INSERT INTO purchase_orders (customer_id, order_no, ordered_on, source, currency, note, created_at) VALUES (?, ?, ?, 'erp', ?, NULL, ?)",
  );
  const insertLine = ctx.sqlite.prepare('INSERT INTO purchase_order_lines (order_id, product_id, description, quantity, unit_price) VALUES (?, ?, ?, ?, ?)');
  const byNo = ctx.sqlite.prepare<[string], { id: number }>('SELECT id FROM purchase_orders WHERE order_no = ?');
  const touch = ctx.sqlite.prepare('UPDATE customers SET last_activity_at = ? WHERE id = ? AND (last_activity_at IS NULL OR last_activity_at < ?)');
  return (lines: OrderLineRow[]): { line: number; outcome: Outcome } => {
    const first = lines[0]!;
    const orderNo = str(first.values.orderNo)!;
    const customerRef = str(first.values.customer)!;
    const customer = resolve.customer(customerRef);
    if (customer === undefined) return { line: first.line, outcome: problem('customer', 'unknownReference', customerRef) };
    const resolved: { product: number | null; description: string; quantity: number; unitPrice: number }[] = [];
    for (const { line, values } of lines) {
      if (str(values.customer) !== customerRef || values.orderedOn !== first.values.orderedOn) return { line, outcome: problem('orderNo', 'inconsistentOrder', orderNo) };
      const model = str(values.model);
      const product = model === null ? null : resolve.product(model);
      if (product === undefined) return { line, outcome: problem('model', 'unknownReference', model) };
      const description = str(values.description) ?? model;
      if (description === null) return { line, outcome: problem('description', 'required') };
      resolved.push({ product, description, quantity: num(values.quantity)!, unitPrice: num(values.unitPrice)! });
    }
    const state = claim(ctx, 'orders', orderNo, 'orderNo', () => byNo.get(orderNo)?.id);
    if (state !== 'new') return { line: first.line, outcome: state };
    const orderedOn = str(first.values.orderedOn)!;
    const id = ctx.keys.create(() => {
      const orderId = Number(insertOrder.run(customer, orderNo, orderedOn, str(first.values.currency)?.toUpperCase() ?? 'CNY', ctx.now).lastInsertRowid);
      for (const l of resolved) insertLine.run(orderId, l.product, l.description, l.quantity, l.unitPrice);
      const at = Math.min(orderDayInstant(orderedOn, timeZone), ctx.now);
      touch.run(at, customer, at);
      return orderId;
    });
    ctx.keys.record('orders', orderNo, id);
    return { line: first.line, outcome: 'created' };
  };
}

/**
 * Historical requests: numbered like the desk's own (SR-<day entered>-NNNN), entered by the
 * importing user, with a 'created' entry (and a 'close' one for closed requests) in their
 * history, searchable at once. They get no SLA clock: their service happened elsewhere.
 */
/** Statuses of work done in the old system: such requests come in closed. */
const DONE_STATUSES = new Set(['resolved', 'follow_up', 'closed']);

export function requestWriter(ctx: WriteContext, timeZone: string) {
  const { sqlite } = ctx;
  const resolve = createResolver(ctx);
  const insert = sqlite.prepare(
    `INSERT INTO tickets (number, customer_id, contact_id, product_id, type, priority, channel, status, subject, description,
       requested_by, assignee_id, created_by, created_at, updated_at, resolved_at, closed_at, dim_tier, dim_province, dim_product_line)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = sqlite.prepare('INSERT INTO ticket_events (ticket_id, at, actor_id, kind, from_status, to_status, note, details) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)');
  // The dashboard's dimensions go in with the row: the engine defers the rollups' insert
  // trigger during its batches and counts the batch's requests as they were written
  // (dashboard/bulk.ts), so nothing would copy them afterwards.
  const customerRow = sqlite.prepare<[number], { name: string; phone: string | null; tier: string; province: string | null }>('SELECT name, phone, tier, province FROM customers WHERE id = ?');
  const productRow = sqlite.prepare<[number], { name: string; model: string; product_line: string | null }>('SELECT name, model, product_line FROM products WHERE id = ?');
  const touch = sqlite.prepare('UPDATE customers SET last_activity_at = ? WHERE id = ? AND (last_activity_at IS NULL OR last_activity_at < ?)');
  const index = ticketIndexStatements(sqlite);
  const counters = new CounterCache(ctx, timeZone);
  const own = ownRecord(ctx, 'tickets');
  // Search terms go into FTS5 at the end of the batch, after every row. FTS5 flushes its
  // pending terms at each statement savepoint, and any statement a trigger may follow (the
  // dashboard's, on tickets and their history) opens one: interleaved, every request would
  // write a segment of its own (about 50 µs a row at a million requests).
  const terms: [number, TicketSearchFields][] = [];
  ctx.endOfBatch.push(() => {
    for (const [id, fields] of terms) index.insertNew(id, fields);
    terms.length = 0;
  });

  return (v: Values): Outcome => {
    const customer = resolve.customer(str(v.customer)!);
    if (customer === undefined) return problem('customer', 'unknownReference', v.customer);
    const model = str(v.model);
    const product = model === null ? null : resolve.product(model);
    if (product === undefined) return problem('model', 'unknownReference', model);
    const createdAt = num(v.createdAt)!;
    if (createdAt > ctx.now) return problem('createdAt', 'future', createdAt);
    const status = DONE_STATUSES.has(str(v.status) ?? 'closed') ? 'closed' : 'pending_assignment';
    const closedAt = status === 'closed' ? (num(v.closedAt) ?? createdAt) : null;
    if (closedAt !== null && closedAt < createdAt) return problem('closedAt', 'beforeStart', closedAt);
    const key = str(v.key) ?? contentKey(v, ['customer', 'createdAt', 'subject', 'type']);
    const state = claim(ctx, 'requests', key, v.key !== null ? 'key' : null, () => own(key));
    if (state !== 'new') return state;
    const id = ctx.keys.create(() => {
      const number = counters.ticketNumber(createdAt);
      const subject = str(v.subject)!;
      const description = str(v.description) ?? '';
      const priority = PRIORITY_RANK[(str(v.priority) ?? 'normal') as TicketPriority];
      const updatedAt = closedAt ?? createdAt;
      // Read afresh for each request: its dimensions go into the rollups as they are now.
      const c = customerRow.get(customer)!;
      const p = product === null ? undefined : productRow.get(product);
      const ticketId = Number(
        insert.run(number, customer, product, str(v.type), priority, str(v.channel) ?? 'phone', status, subject, description, ctx.userId, createdAt, updatedAt, closedAt, closedAt, c.tier, c.province, p?.product_line ?? null)
          .lastInsertRowid,
      );
      const details = JSON.stringify({ imported: true, sourceKey: key });
      event.run(ticketId, createdAt, ctx.userId, 'created', null, 'pending_assignment', details);
      if (closedAt !== null) event.run(ticketId, closedAt, ctx.userId, 'close', 'pending_assignment', 'closed', details);
      terms.push([ticketId, { number, subject, description, customerName: c.name, customerPhone: c.phone, productName: p?.name, productModel: p?.model }]);
      touch.run(createdAt, customer, createdAt);
      return ticketId;
    });
    ctx.keys.record('requests', key, id);
    return 'created';
  };
}

/**
 * Per-day sequences (counters) for the numbers new records get. Within a batch's transaction
 * nobody else can number anything, so a sequence is read once per batch, advanced in memory
 * and written back at the batch's end; the next batch reads afresh (the desk may number a
 * request of its own between two batches). A dry run advances them in memory only.
 */
class CounterCache {
  private readonly read: Database.Statement<[string], { last: number }>;
  private readonly write: Database.Statement<[string, number]>;
  private readonly last = new Map<string, number>();
  /** The desk zone's offset at an instant: cheap for dates in any order (historical data). */
  private readonly offsetAt: (epochMs: number) => number;

  constructor(ctx: WriteContext, timeZone: string) {
    this.offsetAt = zoneOffsets(timeZone || DEFAULT_TIME_ZONE);
    this.read = ctx.sqlite.prepare('SELECT last FROM counters WHERE key = ?');
    this.write = ctx.sqlite.prepare('INSERT INTO counters (key, last) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET last = excluded.last');
    if (!ctx.keys.dryRun) {
      ctx.endOfBatch.push(() => {
        for (const [key, last] of this.last) this.write.run(key, last);
        this.last.clear();
      });
    }
  }

  private next(key: string): number {
    const seq = (this.last.get(key) ?? this.read.get(key)?.last ?? 0) + 1;
    this.last.set(key, seq);
    return seq;
  }

  /** The desk's day of an instant (YYYYMMDD). */
  private day(at: number): string {
    return new Date(at + this.offsetAt(at)).toISOString().slice(0, 10).replaceAll('-', '');
  }

  customerNo(at: number): string {
    const day = this.day(at);
    return `C${day}${String(this.next(`C-${day}`)).padStart(4, '0')}`;
  }

  ticketNumber(at: number): string {
    const day = this.day(at);
    return formatTicketNumber(day, this.next(`SR-${day}`));
  }
}
