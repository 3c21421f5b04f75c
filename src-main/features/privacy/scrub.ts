import fs from 'node:fs';
import type { Transaction } from 'kysely';
import type { CoreDeps } from '../../core/context';
import type { DB } from '../../db/schema';
import { reindexTickets } from '../search/ticketIndex';
import { fileOf } from '../tickets/attachments';

// What "a request's personal data" is: the free text people write about customers — the
// description, notes and replies, engineers' findings, follow-up comments — and the files
// attached. What stays is what the statistics count: type, priority, states and times,
// product, category, engineers, hours, parts, fees, satisfaction scores. The subject (the
// problem in a few words) stays too: reports group by it.

/** Clears the personal text of these requests and re-indexes them for search; call inside the transaction. Returns the attachment files to delete once it commits. */
export async function scrubRequests(trx: Transaction<DB>, deps: Pick<CoreDeps, 'sqlite'>, ids: readonly number[], now: number): Promise<string[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  await trx.updateTable('tickets').set({ description: '', personal_purged_at: now }).where('id', 'in', list).execute();
  await trx.updateTable('ticket_events').set({ note: null }).where('ticket_id', 'in', list).where('note', 'is not', null).execute();
  await trx.updateTable('work_logs').set({ findings: '' }).where('ticket_id', 'in', list).execute();
  await trx.updateTable('follow_ups').set({ comment: '' }).where('ticket_id', 'in', list).execute();
  const files = await trx.selectFrom('attachments').select('sha256').distinct().where('ticket_id', 'in', list).execute();
  await trx.deleteFrom('attachments').where('ticket_id', 'in', list).execute();
  // Search must no longer find them by the words removed.
  reindexTickets(deps.sqlite, list);
  // A file is stored once per content: it goes only when no other request still holds it.
  const kept = files.length === 0 ? [] : await trx.selectFrom('attachments').select('sha256').where('sha256', 'in', files.map((f) => f.sha256)).execute();
  const stillUsed = new Set(kept.map((k) => k.sha256));
  return files.map((f) => f.sha256).filter((sha) => !stillUsed.has(sha));
}

/** Deletes attachment files after the scrub that freed them committed. */
export function removeFiles(deps: Pick<CoreDeps, 'dataDir' | 'logger'>, shas: readonly string[]): void {
  for (const sha of shas) {
    try {
      fs.rmSync(fileOf(deps.dataDir, sha), { force: true });
    } catch (error) {
      deps.logger.error('attachment file could not be removed', { sha, error: String(error) });
    }
  }
}
