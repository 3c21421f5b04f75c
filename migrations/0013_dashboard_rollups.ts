import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
//
// The supervisors' dashboard (issue 6) reads additive rollups per desk day × filter
// dimensions instead of aggregating a million requests. They are kept by SQLite TRIGGERS,
// in the same statement (so the same transaction) as every change of a request, whoever
// writes it: the lifecycle, the SLA check and escalation, imports in their worker thread,
// the demo seed, customer merges, privacy. Service-level calls would have to be repeated
// on each of those paths (several write raw SQL) and one forgotten path silently skews the
// figures; a trigger cannot be forgotten. Triggers are dialect-specific: this migration is
// the one place they live (a PostgreSQL team mode would port these few statements to
// plpgsql trigger functions). The service's rebuild (features/dashboard/rebuild.ts)
// recomputes the same figures from the raw tables, and a property test holds the two equal.
//
// What a request contributes depends only on its own row, so a change is "minus the old
// row's contribution, plus the new row's" in one INSERT … ON CONFLICT DO UPDATE:
// - the dimensions that live on other rows are copied onto the request and kept current:
//   dim_tier and dim_province follow the customer (a trigger on customers), dim_product_line
//   the product (a trigger on products), and both are copied again when a request moves to
//   another customer (a merge). A change of tier therefore moves that customer's requests
//   in the same transaction, and a full recomputation always equals the rollups;
// - reopen_count counts the request's 'reopen' history events; csat_score/csat_at are its
//   latest follow-up's satisfaction (a trigger on follow_ups).
//
// Days are desk days (the desk's time zone): dashboard_days holds each day's first instant,
// so a trigger finds the day of an instant with one index seek, daylight saving included.

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

function offsetAt(format: Intl.DateTimeFormat, ms: number): number {
  // en-US with h23: "11/26/2026, 10:05:00".
  const m = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/.exec(format.format(ms))!;
  const asUtc = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]) % 24, Number(m[5]), Number(m[6]));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Epoch ms of 00:00 of `day` (days since 1970-01-01) in the zone of `format`. */
function dayStart(day: number, format: Intl.DateTimeFormat): number {
  const wall = day * 86_400_000;
  const guess = wall - offsetAt(format, wall);
  return wall - offsetAt(format, guess);
}

/**
 * Every desk day's first instant from 1990 to 2100 (about 40,000 rows). Each month is
 * measured at its ends and filled in whole days unless an offset change (daylight saving)
 * shows in its length; then its days are measured one by one.
 */
export function deskDayRows(timeZone: string): { starts_at: number; day: number }[] {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const rows: { starts_at: number; day: number }[] = [];
  let offset = 0;
  // 00:00 of a day, trying the offset last seen first (one Intl call when it still holds).
  const startOf = (day: number) => {
    const wall = day * 86_400_000;
    if (offsetAt(format, wall - offset) !== offset) offset = wall - dayStart(day, format);
    return wall - offset;
  };
  // A month whose length in milliseconds is whole days had no offset change (none changes
  // and changes back within a month): filled in; else each day is measured.
  let start = startOf(Date.UTC(FIRST_YEAR, 0, 1) / 86_400_000);
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (let month = 0; month < 12; month++) {
      const from = Date.UTC(year, month, 1) / 86_400_000;
      const to = Date.UTC(year, month + 1, 1) / 86_400_000;
      const end = startOf(to);
      const even = end - start === (to - from) * 86_400_000;
      for (let x = from; x < to; x++) rows.push({ day: x, starts_at: even ? start + (x - from) * 86_400_000 : startOf(x) });
      start = end;
    }
  }
  return rows;
}

const DONE = "('resolved', 'follow_up', 'closed')";
const OPEN = ['pending_assignment', 'reopened', 'assigned', 'on_hold', 'locked', 'resolved', 'follow_up'];

/** The desk day (days since 1970-01-01 on the desk's calendar) of an instant. */
const dayOf = (ms: string) => `ifnull((SELECT d.day FROM dashboard_days d WHERE d.starts_at <= ifnull(${ms}, -1) ORDER BY d.starts_at DESC LIMIT 1), ${ms} / 86400000)`;

const KEYS = ['day', 'team_id', 'assignee_id', 'agreement_id', 'tier', 'province', 'product_line'];
/** A new request's dimensions as it will hold them: as the writer gave them, or else copied. */
const newDims = {
  tier: `CASE WHEN NEW.dim_tier IS NULL THEN (SELECT c.tier FROM customers c WHERE c.id = NEW.customer_id) ELSE NEW.dim_tier END`,
  province: `CASE WHEN NEW.dim_tier IS NULL THEN (SELECT c.province FROM customers c WHERE c.id = NEW.customer_id) ELSE NEW.dim_province END`,
  line: `CASE WHEN NEW.dim_tier IS NULL THEN (SELECT p.product_line FROM products p WHERE p.id = NEW.product_id) ELSE NEW.dim_product_line END`,
};

const keyValues = (t: string, dims = { tier: `${t}.dim_tier`, province: `${t}.dim_province`, line: `${t}.dim_product_line` }) =>
  `ifnull(${t}.team_id, 0) AS team_id, ifnull(${t}.assignee_id, 0) AS assignee_id, ifnull(${t}.agreement_id, 0) AS agreement_id, ifnull(${dims.tier}, '') AS tier, ifnull(${dims.province}, '') AS province, ifnull(${dims.line}, '') AS product_line`;

/** Each figure's additive parts, by the instant they are counted on (the anchor). */
function anchors(t: string): { at: string; when: string; facts: Record<string, string> }[] {
  return [
    {
      at: `${t}.created_at`,
      when: '1',
      facts: {
        created_n: '1',
        complaint_n: `${t}.type = 'complaint'`,
        reopened_n: `${t}.reopen_count > 0`,
        ever_resolved_n: `${t}.resolved_at IS NOT NULL`,
        resp_met_n: `${t}.response_due_at IS NOT NULL AND ${t}.responded_at IS NOT NULL AND ${t}.response_breached_at IS NULL`,
        resp_breached_n: `${t}.response_breached_at IS NOT NULL`,
        res_met_n: `${t}.resolution_due_at IS NOT NULL AND ${t}.status IN ${DONE} AND ${t}.resolved_at IS NOT NULL AND ${t}.resolution_breached_at IS NULL`,
        res_breached_n: `${t}.resolution_breached_at IS NOT NULL`,
        backlog_n: `${t}.status <> 'closed'`,
        ...Object.fromEntries(OPEN.map((s) => [`b_${s}`, `${t}.status = '${s}'`])),
      },
    },
    { at: `${t}.responded_at`, when: `${t}.responded_at IS NOT NULL`, facts: { responded_n: '1', response_ms: `${t}.responded_at - ${t}.created_at` } },
    {
      at: `${t}.resolved_at`,
      when: `${t}.status IN ${DONE} AND ${t}.resolved_at IS NOT NULL`,
      facts: { resolved_n: '1', resolve_ms: `${t}.resolved_at - ${t}.created_at`, fcr_n: `${t}.attempts = 0 AND ${t}.reopen_count = 0` },
    },
    { at: `${t}.closed_at`, when: `${t}.status = 'closed' AND ${t}.closed_at IS NOT NULL`, facts: { closed_n: '1' } },
    { at: `${t}.csat_at`, when: `${t}.csat_at IS NOT NULL`, facts: { csat_n: '1', csat_sum: `${t}.csat_score` } },
  ];
}

const FACTS = anchors('t').flatMap((a) => Object.keys(a.facts));

/** The rows a request contributes (sign +1) or withdraws (−1); `from` names the table for a rebuild. */
function contribution(t: string, sign: 1 | -1, from = '', dims?: typeof newDims): string {
  return anchors(t)
    .map((a) => {
      const facts = FACTS.map((f) => (a.facts[f] === undefined ? `0 AS ${f}` : `${sign} * (${a.facts[f]}) AS ${f}`));
      return `SELECT ${dayOf(a.at)} AS day, ${keyValues(t, dims)}, ${facts.join(', ')}${from} WHERE ${a.when}`;
    })
    .join(' UNION ALL ');
}

const upsert = (select: string) =>
  `INSERT INTO dashboard_rollups (${KEYS.join(', ')}, ${FACTS.join(', ')}) ${select}
   ON CONFLICT (${KEYS.join(', ')}) DO UPDATE SET ${FACTS.map((f) => `${f} = ${f} + excluded.${f}`).join(', ')}`;

const grouped = (inner: string) =>
  `SELECT ${KEYS.join(', ')}, ${FACTS.map((f) => `sum(${f})`).join(', ')} FROM (${inner}) WHERE true
   GROUP BY ${KEYS.join(', ')} HAVING ${FACTS.map((f) => `sum(${f}) <> 0`).join(' OR ')}`;

/** The columns whose change can change a contribution. */
const WATCHED = [
  'created_at', 'type', 'status', 'reopen_count', 'resolved_at', 'closed_at', 'responded_at', 'response_due_at', 'response_breached_at',
  'resolution_due_at', 'resolution_breached_at', 'attempts', 'csat_at', 'csat_score', 'team_id', 'assignee_id', 'agreement_id', 'dim_tier', 'dim_province',
  'dim_product_line',
];

/** The dimensions copied from the customer and the product. */
const copyDims = (t: string) => `dim_tier = (SELECT c.tier FROM customers c WHERE c.id = ${t}.customer_id),
  dim_province = (SELECT c.province FROM customers c WHERE c.id = ${t}.customer_id),
  dim_product_line = (SELECT p.product_line FROM products p WHERE p.id = ${t}.product_id)`;
const dimsDiffer = (t: string) => `${t}.dim_tier IS NOT (SELECT c.tier FROM customers c WHERE c.id = ${t}.customer_id)
  OR ${t}.dim_province IS NOT (SELECT c.province FROM customers c WHERE c.id = ${t}.customer_id)
  OR ${t}.dim_product_line IS NOT (SELECT p.product_line FROM products p WHERE p.id = ${t}.product_id)`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['dim_tier text', 'dim_province text', 'dim_product_line text', 'reopen_count integer not null default 0', 'csat_score integer', 'csat_at integer']) {
    await sql.raw(`ALTER TABLE tickets ADD COLUMN ${column}`).execute(db);
  }
  await sql`CREATE TABLE dashboard_days (starts_at INTEGER PRIMARY KEY, day INTEGER NOT NULL)`.execute(db);
  // deferred: set only inside a bulk writer's own transaction (the import of historical
  // requests), which then adds its new requests' contributions in one grouped statement at
  // the end of each batch instead of one scattered upsert per row; never seen set outside it.
  await sql`CREATE TABLE dashboard_state (id INTEGER PRIMARY KEY CHECK (id = 1), time_zone TEXT NOT NULL, rebuilt_at INTEGER, deferred INTEGER NOT NULL DEFAULT 0)`.execute(db);
  await sql
    .raw(
      `CREATE TABLE dashboard_rollups (
        day INTEGER NOT NULL, team_id INTEGER NOT NULL, assignee_id INTEGER NOT NULL, agreement_id INTEGER NOT NULL,
        tier TEXT NOT NULL, province TEXT NOT NULL, product_line TEXT NOT NULL,
        ${FACTS.map((f) => `${f} INTEGER NOT NULL DEFAULT 0`).join(', ')},
        PRIMARY KEY (${KEYS.join(', ')})
      ) WITHOUT ROWID`,
    )
    .execute(db);
  // The current backlog reads only the rows that still hold open requests, off this index
  // alone (it carries the key columns too, and backlog_n so the condition needs no table
  // read): closed work, most of the table, is never read.
  await sql.raw(`CREATE INDEX dashboard_rollups_backlog ON dashboard_rollups (day, backlog_n, ${OPEN.map((s) => `b_${s}`).join(', ')}) WHERE backlog_n > 0`).execute(db);

  // Desk days in the desk's time zone (the service rebuilds them if the zone changes).
  const zone = await sql<{ value: string }>`SELECT value FROM settings WHERE key = 'timeZone'`.execute(db);
  const timeZone = zone.rows[0]?.value ?? 'Asia/Shanghai';
  const rows = deskDayRows(timeZone);
  // One statement over a JSON array: 40,000 rows in a few milliseconds.
  await sql`INSERT INTO dashboard_days (day, starts_at) SELECT j.value ->> 0, j.value ->> 1 FROM json_each(${JSON.stringify(rows.map((r) => [r.day, r.starts_at]))}) j`.execute(db);
  await sql`INSERT INTO dashboard_state (id, time_zone, rebuilt_at) VALUES (1, ${timeZone}, NULL)`.execute(db);

  // Existing requests: the copied columns, then their rollups, before the triggers exist.
  await sql.raw(`UPDATE tickets SET ${copyDims('tickets')}`).execute(db);
  await sql`UPDATE tickets SET reopen_count = (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.kind = 'reopen')
    WHERE id IN (SELECT ticket_id FROM ticket_events WHERE kind = 'reopen')`.execute(db);
  await sql`UPDATE tickets SET
      csat_score = (SELECT f.satisfaction FROM follow_ups f WHERE f.ticket_id = tickets.id ORDER BY f.at DESC, f.id DESC LIMIT 1),
      csat_at = (SELECT max(f.at) FROM follow_ups f WHERE f.ticket_id = tickets.id)
    WHERE id IN (SELECT ticket_id FROM follow_ups)`.execute(db);
  await sql.raw(upsert(grouped(contribution('t', 1, ' FROM tickets t')))).execute(db);

  // A new request: its contribution, under the dimensions it will hold. A writer that gives
  // none (dim_tier NULL) has them copied by a plain UPDATE the update trigger leaves alone
  // (the contribution already counted them); one that gives wrong ones is corrected by an
  // UPDATE the update trigger follows.
  await sql
    .raw(
      `CREATE TRIGGER dashboard_ticket_insert AFTER INSERT ON tickets WHEN (SELECT deferred FROM dashboard_state WHERE id = 1) = 0 BEGIN
        ${upsert(`SELECT * FROM (${contribution('NEW', 1, '', newDims)}) WHERE true`)};
        UPDATE tickets SET ${copyDims('tickets')} WHERE id = NEW.id AND NEW.dim_tier IS NULL;
        UPDATE tickets SET ${copyDims('tickets')} WHERE id = NEW.id AND NEW.dim_tier IS NOT NULL AND (${dimsDiffer('tickets')});
      END`,
    )
    .execute(db);
  // A request's own change: minus the old row, plus the new one (unchanged parts cancel).
  // dim_tier is NULL only between an insert and its copied dimensions (customers.tier is
  // never NULL), which the insert trigger already counted.
  await sql
    .raw(
      `CREATE TRIGGER dashboard_ticket_update AFTER UPDATE OF ${WATCHED.join(', ')} ON tickets
       WHEN OLD.dim_tier IS NOT NULL AND (${WATCHED.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')})
       BEGIN ${upsert(grouped(`${contribution('OLD', -1)} UNION ALL ${contribution('NEW', 1)}`))}; END`,
    )
    .execute(db);
  await sql.raw(`CREATE TRIGGER dashboard_ticket_delete AFTER DELETE ON tickets BEGIN ${upsert(`SELECT * FROM (${contribution('OLD', -1)}) WHERE true`)}; END`).execute(db);
  // Dimensions that live on other rows follow them.
  await sql
    .raw(
      `CREATE TRIGGER dashboard_ticket_moved AFTER UPDATE OF customer_id, product_id ON tickets
       WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.product_id IS NOT NEW.product_id
       BEGIN UPDATE tickets SET ${copyDims('tickets')} WHERE id = NEW.id; END`,
    )
    .execute(db);
  await sql`CREATE TRIGGER dashboard_customer_dims AFTER UPDATE OF tier, province ON customers
      WHEN OLD.tier IS NOT NEW.tier OR OLD.province IS NOT NEW.province
      BEGIN UPDATE tickets SET dim_tier = NEW.tier, dim_province = NEW.province WHERE customer_id = NEW.id; END`.execute(db);
  await sql`CREATE TRIGGER dashboard_product_dims AFTER UPDATE OF product_line ON products
      WHEN OLD.product_line IS NOT NEW.product_line
      BEGIN UPDATE tickets SET dim_product_line = NEW.product_line WHERE product_id = NEW.id; END`.execute(db);
  // Facts that live in other tables.
  await sql`CREATE TRIGGER dashboard_reopen_count AFTER INSERT ON ticket_events WHEN NEW.kind = 'reopen'
      BEGIN UPDATE tickets SET reopen_count = reopen_count + 1 WHERE id = NEW.ticket_id; END`.execute(db);
  await sql`CREATE TRIGGER dashboard_csat AFTER INSERT ON follow_ups
      BEGIN UPDATE tickets SET csat_score = NEW.satisfaction, csat_at = NEW.at WHERE id = NEW.ticket_id AND (csat_at IS NULL OR csat_at <= NEW.at); END`.execute(db);
}
