import type Database from 'better-sqlite3';
import { indexTerms, phoneTerms, ticketNumberTerms } from './terms';

// The FTS5 adapter for service requests (dialect-specific SQL lives here and in db/).
// ticket_search is contentless: rowid = tickets.id, one column of terms from terms.ts.

export interface TicketSearchFields {
  number: string;
  subject: string;
  description: string;
  customerName: string;
  customerPhone?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  productName?: string | null;
  productModel?: string | null;
}

export function ticketTerms(f: TicketSearchFields): string {
  return indexTerms(
    ticketNumberTerms(f.number),
    f.subject,
    f.description,
    f.customerName,
    phoneTerms(f.customerPhone),
    f.contactName,
    phoneTerms(f.contactPhone),
    f.productName,
    f.productModel,
  );
}

/** Prepared statements for one connection; reuse across calls (bulk loads included). */
export function ticketIndexStatements(sqlite: Database.Database) {
  const insert = sqlite.prepare('INSERT INTO ticket_search (rowid, terms) VALUES (?, ?)');
  const remove = sqlite.prepare('DELETE FROM ticket_search WHERE rowid = ?');
  return {
    /** Adds or replaces the terms of one request; call inside the write's transaction. */
    put(id: number, fields: TicketSearchFields): void {
      remove.run(id);
      insert.run(id, ticketTerms(fields));
    },
    /** For bulk loads of new rows only: no delete first. */
    insertNew(id: number, fields: TicketSearchFields): void {
      insert.run(id, ticketTerms(fields));
    },
  };
}

/**
 * Re-reads the searchable fields of these requests and replaces their terms: after a change
 * to what they point at (a customer merged into another). Call inside the change's transaction.
 */
export function reindexTickets(sqlite: Database.Database, ids: readonly number[]): void {
  const index = ticketIndexStatements(sqlite);
  const read = sqlite.prepare(`
    SELECT t.id, t.number, t.subject, t.description, c.name AS customerName, c.phone AS customerPhone,
           k.name AS contactName, k.phone AS contactPhone, p.name AS productName, p.model AS productModel
    FROM tickets t JOIN customers c ON c.id = t.customer_id
    LEFT JOIN contacts k ON k.id = t.contact_id LEFT JOIN products p ON p.id = t.product_id
    WHERE t.id = ?`);
  for (const id of ids) {
    const row = read.get(id) as (TicketSearchFields & { id: number }) | undefined;
    if (row) index.put(id, row);
  }
}
