import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here, never edit this file once it shipped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'integer')
    .addColumn('last_sign_in_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX users_username ON users (lower(username))`.execute(db);

  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_no', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_name').on('customers').column('name').execute();
  await db.schema.createIndex('customers_phone').on('customers').column('phone').execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_customer').on('contacts').column('customer_id').execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('product_line', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id'))
    .addColumn('product_id', 'integer', (c) => c.references('products.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  // Queue pages are keysets read straight off an index (see listTickets): SQLite appends
  // the rowid to every index, so an index whose leading columns a page fixes with `=`
  // yields its rows in id order, or in (sort value, id) order when the sort value follows.
  // `facet` folds status and type into one small number (8 statuses × 5 types), so any
  // status/type filter is a handful of exact index ranges. Requests with no requested-by
  // date sort after every dated one.
  const requested = "ifnull(requested_by, '9999-12-31')";
  const statuses = ['pending_assignment', 'on_hold', 'assigned', 'locked', 'resolved', 'follow_up', 'closed', 'reopened'];
  const types = ['consultation', 'repair', 'installation', 'complaint', 'other'];
  const caseOf = (column: string, values: string[]) => `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} END`;
  await sql.raw(`ALTER TABLE tickets ADD COLUMN facet INTEGER GENERATED ALWAYS AS (${caseOf('status', statuses)} * 8 + ${caseOf('type', types)}) VIRTUAL`).execute(db);
  const indexes: [string, string][] = [
    ['facet', 'facet'],
    ['facet_priority', 'facet, priority'],
    ['facet_requested', `facet, ${requested}`],
    ['assignee_facet', 'assignee_id, facet'],
    ['assignee_facet_priority', 'assignee_id, facet, priority'],
    ['assignee_facet_requested', `assignee_id, facet, ${requested}`],
    ['priority', 'priority'],
    ['priority_requested', `priority, ${requested}`],
    ['requested', requested],
    ['customer', 'customer_id'],
  ];
  for (const [name, columns] of indexes) await sql.raw(`CREATE INDEX tickets_${name} ON tickets (${columns})`).execute(db);

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'at']).execute();

  // Search index: contentless FTS5 over pre-tokenized terms (CJK unigrams and bigrams,
  // lower-cased words). See src-main/features/search for how terms are made and queried.
  await sql`CREATE VIRTUAL TABLE ticket_search USING fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
    db,
  );
}
