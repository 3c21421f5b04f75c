import type { CoreDeps } from '../../core/context';
import { recordAudit } from '../audit/record';
import { personalDataYears } from '../settings/queries';
import { removeFiles, scrubRequests } from './scrub';

// Retention (PIPL art. 19: kept no longer than needed): closed requests lose their personal
// text once closed longer than the years the administrator set (0: kept). Runs with the
// minute service check, oldest first, in short transactions, so a first run on a large
// desk spreads over a few minutes instead of holding up the desk.

const BATCH = 500;
/** Requests purged per run at most: the rest wait for the next minute. */
const PER_RUN = 10_000;

/** The instant `years` calendar years before `now` (a leap day falls back to 28 February). */
export function yearsBefore(now: number, years: number): number {
  const d = new Date(now);
  const back = new Date(Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  return back.getUTCMonth() === d.getUTCMonth() ? back.getTime() : Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), 28, d.getUTCHours(), d.getUTCMinutes());
}

/** Purges what is due now; returns how many requests it purged. */
export async function runRetention(deps: CoreDeps, now: number): Promise<number> {
  const years = await personalDataYears(deps.db);
  if (years === 0) return 0;
  const cutoff = yearsBefore(now, years);
  let purged = 0;
  while (purged < PER_RUN) {
    const files = await deps.db.transaction().execute(async (trx) => {
      // Off the partial index tickets_retention (migration 0012), term for term.
      const due = await trx
        .selectFrom('tickets')
        .select('id')
        .where('personal_purged_at', 'is', null)
        .where('closed_at', 'is not', null)
        .where('closed_at', '<', cutoff)
        .orderBy('closed_at')
        .limit(BATCH)
        .execute();
      if (due.length === 0) return null;
      const freed = await scrubRequests(trx, deps, due.map((t) => t.id), now);
      purged += due.length;
      return freed;
    });
    if (files === null) break;
    removeFiles(deps, files);
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (purged > 0) await recordAudit(deps.db, now, { userId: null, action: 'privacy.retention', entity: 'ticket', entityId: null, details: { requests: purged, closedBefore: cutoff, years } });
  return purged;
}
