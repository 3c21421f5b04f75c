import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { TicketPriority, TicketSort, TicketStatus, TicketType, TicketView } from '../src-shared/domain/tickets';
import { applyView } from '../src-main/features/tickets/views';
import type { DB } from '../src-main/db/schema';
import type { Cursor } from '../src-main/features/tickets/cursor';
import { ticketPageQuery, ticketRowsQuery, type TicketFilter } from '../src-main/features/tickets/queries';
import { matchExpression } from '../src-main/features/search/terms';

export interface ListInput {
  status?: TicketStatus[];
  type?: TicketType[];
  priority?: TicketPriority[];
  assignee?: number | 'none';
  text?: string;
  view?: TicketView;
  sort?: TicketSort;
  cursor?: string;
  limit?: number;
}

export interface RawQuery {
  /** Phase one (the page's ids off the index), exactly the SQL dispatch runs. */
  sql: string;
  params: unknown[];
}

// Compiles queries only; never connected to a database.
const compiler = new Kysely<DB>({
  dialect: new SqliteDialect({
    database: {
      close() {},
      prepare() {
        throw new Error('compile only');
      },
    },
  }),
});

function decode(cursor: string | undefined): Cursor | null {
  return cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor) : null;
}

/**
 * The very SQL src-main/features/tickets/queries.ts builds for a queue page, compiled once
 * here and run straight on better-sqlite3: the difference to dispatch is what validation,
 * Kysely and the async layers cost. Null when the text has nothing searchable.
 */
export function rawListQuery(input: ListInput, viewer?: { id: number; today: string }): RawQuery | null {
  let match: string | undefined;
  if (input.text) {
    const expr = matchExpression(input.text);
    if (expr === null) return null;
    match = expr;
  }
  const sort = match !== undefined && !(input.sort ?? 'created_desc').startsWith('created') ? 'created_desc' : (input.sort ?? 'created_desc');
  const base: TicketFilter = { status: input.status, type: input.type, priority: input.priority, assignee: input.assignee };
  const viewed = input.view ? applyView(input.view, base, viewer?.id ?? 0, viewer?.today ?? '') : base;
  if (!viewed) return null;
  const filter = { ...viewed, match };
  const compiled = ticketPageQuery(filter, sort, decode(input.cursor), (input.limit ?? 50) + 1).compile(compiler);
  return { sql: compiled.sql, params: [...compiled.parameters] };
}

/** Prepared once per SQL text, as a hand-written data layer would; returns rows in page order. */
export function rawRunner(sqlite: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  const prepared = (text: string) => {
    let stmt = cache.get(text);
    if (!stmt) cache.set(text, (stmt = sqlite.prepare(text)));
    return stmt;
  };
  return (q: RawQuery): { id: number }[] => {
    const keys = prepared(q.sql).all(...q.params) as { id: number }[];
    if (keys.length === 0) return [];
    const rows = ticketRowsQuery(
      compiler,
      keys.map((k) => k.id),
    ).compile();
    const byId = new Map((prepared(rows.sql).all(...rows.parameters) as { id: number }[]).map((r) => [r.id, r]));
    return keys.map((k) => byId.get(k.id)!);
  };
}

export function explain(sqlite: Database.Database, q: RawQuery): string {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows
    .map((r) => {
      const d = (depth.get(r.parent) ?? 0) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    })
    .join('\n');
}
