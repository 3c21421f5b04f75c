import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { IMPORT_FIELDS, type ImportEntity } from '../../../src-shared/domain/importFields';
import { TICKET_PRIORITIES } from '../../../src-shared/domain/tickets';
import { deskId, type PackageManifest } from '../imports/engine';

// Export (portability): every record the import wizard takes, or one customer's, as one CSV
// per entity (UTF-8 with BOM, so Excel shows Chinese) plus manifest.json, in one zip. The
// CSV headers are the import fields' own names and records carry keys `<desk id>:<id>`, so
// the wizard imports a package back as it is: into another desk, or into this one again
// without creating anything twice.

export interface ExportSpec {
  outPath: string;
  /** One customer's data; absent: everything. */
  customerId?: number;
  now: number;
}

export interface ExportResult {
  fileName: string;
  bytes: number;
  counts: Partial<Record<ImportEntity, number>>;
}

type Row = Record<string, string | number | null | undefined>;

/** One CSV field: quoted when it holds a delimiter, a quote, a line break or edge spaces. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Each entity's rows: SQL (one customer's when :customer is bound) and how a row reads as the import's fields. */
function queries(desk: string, one: boolean): Record<ImportEntity, { sql: string; row: (r: Row) => Row }> {
  const key = (id: unknown) => `${desk}:${String(id)}`;
  const customerFilter = (column: string) => (one ? `WHERE ${column} = @customer` : '');
  return {
    products: {
      sql: one
        ? `SELECT * FROM products WHERE id IN (SELECT product_id FROM assets WHERE customer_id = @customer
             UNION SELECT product_id FROM tickets WHERE customer_id = @customer
             UNION SELECT l.product_id FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id WHERE o.customer_id = @customer) ORDER BY id`
        : 'SELECT * FROM products ORDER BY id',
      row: (r) => ({ model: r.model, productLine: r.product_line, name: r.name }),
    },
    customers: {
      sql: `SELECT c.*, u.username AS owner, (SELECT group_concat(tag, ';') FROM customer_tags t WHERE t.customer_id = c.id) AS tags
            FROM customers c LEFT JOIN users u ON u.id = c.owner_id
            ${one ? 'WHERE c.id = @customer' : 'WHERE c.merged_into_id IS NULL'} ORDER BY c.id`,
      row: (r) => ({
        key: key(r.id),
        customerNo: r.customer_no,
        name: r.name,
        kind: r.kind,
        tier: r.tier,
        phone: r.phone,
        email: r.email,
        province: r.province,
        city: r.city,
        district: r.district,
        street: r.street,
        tags: r.tags,
        owner: r.owner,
        note: r.note,
        createdAt: iso(r.created_at as number),
      }),
    },
    contacts: {
      sql: `SELECT * FROM contacts ${customerFilter('customer_id')} ORDER BY id`,
      row: (r) => ({ key: key(r.id), customer: key(r.customer_id), name: r.name, phone: r.phone, email: r.email, role: r.role, preferredChannel: r.preferred_channel }),
    },
    assets: {
      sql: `SELECT a.*, p.model FROM assets a LEFT JOIN products p ON p.id = a.product_id ${customerFilter('a.customer_id')} ORDER BY a.id`,
      row: (r) => ({
        key: key(r.id),
        customer: key(r.customer_id),
        model: r.model,
        serialNo: r.serial_no,
        installDate: r.install_date,
        location: r.location,
        warrantyStart: r.warranty_start,
        warrantyEnd: r.warranty_end,
      }),
    },
    orders: {
      sql: `SELECT o.order_no, o.customer_id, o.ordered_on, o.currency, l.description, l.quantity, l.unit_price, p.model
            FROM purchase_orders o JOIN purchase_order_lines l ON l.order_id = o.id LEFT JOIN products p ON p.id = l.product_id
            ${customerFilter('o.customer_id')} ORDER BY o.id, l.id`,
      row: (r) => ({
        orderNo: r.order_no,
        customer: key(r.customer_id),
        orderedOn: r.ordered_on,
        model: r.model,
        description: r.description,
        quantity: r.quantity,
        unitPrice: yuan(r.unit_price as number),
        currency: r.currency,
      }),
    },
    requests: {
      sql: `SELECT t.id, t.number, t.customer_id, t.type, t.priority, t.status, t.channel, t.subject, t.description, t.created_at, t.closed_at, p.model
            FROM tickets t LEFT JOIN products p ON p.id = t.product_id ${customerFilter('t.customer_id')} ORDER BY t.id`,
      row: (r) => ({
        key: key(r.id),
        customer: key(r.customer_id),
        model: r.model,
        type: r.type,
        priority: TICKET_PRIORITIES[r.priority as number] ?? 'normal',
        status: r.status,
        channel: r.channel,
        subject: r.subject,
        description: r.description,
        createdAt: iso(r.created_at as number),
        closedAt: iso(r.closed_at as number | null),
      }),
    },
  };
}

const ENTITY_ORDER: ImportEntity[] = ['products', 'customers', 'contacts', 'assets', 'orders', 'requests'];
/** Rows per chunk handed to the compressor. */
const CHUNK_ROWS = 5000;

export function runExport(sqlite: Database.Database, spec: ExportSpec, hooks: { progress(done: number, total: number): void; cancelled(): boolean }): ExportResult {
  const desk = deskId(sqlite);
  // One read transaction: every file shows the same moment, so a contact never names a
  // customer the package lacks (in WAL mode this blocks no writer).
  sqlite.prepare('BEGIN').run();
  try {
    return writePackage(sqlite, spec, hooks, desk);
  } finally {
    sqlite.prepare('COMMIT').run();
  }
}

function writePackage(sqlite: Database.Database, spec: ExportSpec, hooks: { progress(done: number, total: number): void; cancelled(): boolean }, desk: string): ExportResult {
  const one = spec.customerId !== undefined;
  const params = one ? { customer: spec.customerId } : {};
  const plan = queries(desk, one);
  const total = ENTITY_ORDER.reduce((n, e) => n + (sqlite.prepare(`SELECT count(*) AS n FROM (${plan[e].sql})`).get(params) as { n: number }).n, 0);

  fs.mkdirSync(path.dirname(spec.outPath), { recursive: true });
  const fd = fs.openSync(spec.outPath, 'w');
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else fs.writeSync(fd, chunk);
  });
  const counts: Partial<Record<ImportEntity, number>> = {};
  const manifest: PackageManifest = { format: 'serviceloop-export', version: 1, deskId: desk, exportedAt: new Date(spec.now).toISOString(), files: [] };
  let done = 0;
  let cancelled = false;
  try {
    for (const entity of ENTITY_ORDER) {
      const fields = IMPORT_FIELDS[entity].map((f) => f.name).filter((f) => f !== 'address');
      const file = new ZipDeflate(`${entity}.csv`, { level: 6 });
      zip.add(file);
      let buffer = `\uFEFF${fields.join(',')}\r\n`;
      let n = 0;
      for (const r of sqlite.prepare(plan[entity].sql).iterate(params) as Iterable<Row>) {
        const row = plan[entity].row(r);
        buffer += `${fields.map((f) => csvField(row[f] ?? null)).join(',')}\r\n`;
        if (++n % CHUNK_ROWS === 0) {
          file.push(strToU8(buffer));
          buffer = '';
          hooks.progress(done + n, total);
          if (hooks.cancelled()) {
            cancelled = true;
            break;
          }
        }
      }
      file.push(strToU8(buffer), true);
      if (cancelled) break;
      done += n;
      counts[entity] = n;
      manifest.files.push({ entity, file: `${entity}.csv`, rows: n });
      hooks.progress(done, total);
    }
    if (!cancelled) {
      const file = new ZipDeflate('manifest.json');
      zip.add(file);
      file.push(strToU8(JSON.stringify(manifest, null, 2)), true);
    }
    zip.end();
  } finally {
    fs.closeSync(fd);
  }
  if (failure) throw failure;
  if (cancelled) {
    fs.rmSync(spec.outPath, { force: true });
    throw new Error('cancelled');
  }
  return { fileName: path.basename(spec.outPath), bytes: fs.statSync(spec.outPath).size, counts };
}
