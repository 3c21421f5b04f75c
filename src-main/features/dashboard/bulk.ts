import type Database from 'better-sqlite3';
import { recomputeSelect, ROLLUP_FACTS, ROLLUP_KEYS } from './facts';

// For bulk writers of new requests (the import of historical requests, the demo seed). Imported requests
// land anywhere in years of days and every dimension, so the insert trigger's upsert per row
// touches a random page of a rollup table about twice the size of the requests: at a million
// requests that made an import 2.4 times slower. Inside the writer's own batch transaction
// the trigger is deferred (dashboard_state.deferred, which no other connection ever sees set),
// and the batch's requests are added in one grouped statement before it commits, as they stand
// then. A writer that gave no dimensions (dim_tier NULL) has them copied first; until then the
// update trigger leaves those requests alone (it follows only requests with dimensions), so
// changes to them later in the batch are not counted twice.

const ADD_NEW = `INSERT INTO dashboard_rollups (${ROLLUP_KEYS.join(', ')}, ${ROLLUP_FACTS.join(', ')}) ${recomputeSelect('t.id > @after')}
  ON CONFLICT (${ROLLUP_KEYS.join(', ')}) DO UPDATE SET ${ROLLUP_FACTS.map((f) => `${f} = ${f} + excluded.${f}`).join(', ')}`;

const COPY_DIMS = `UPDATE tickets SET dim_tier = (SELECT c.tier FROM customers c WHERE c.id = tickets.customer_id),
    dim_province = (SELECT c.province FROM customers c WHERE c.id = tickets.customer_id),
    dim_product_line = (SELECT p.product_line FROM products p WHERE p.id = tickets.product_id)
  WHERE id > @after AND dim_tier IS NULL`;

export function rollupBatches(sqlite: Database.Database) {
  const lastId = sqlite.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM tickets');
  const copyDims = sqlite.prepare<[{ after: number }]>(COPY_DIMS);
  const defer = sqlite.prepare<[number]>('UPDATE dashboard_state SET deferred = ? WHERE id = 1');
  const addNew = sqlite.prepare<[{ after: number }]>(ADD_NEW);
  let after = 0;
  return {
    /** At the start of a batch's transaction. */
    begin(): void {
      after = lastId.get()?.id ?? 0;
      defer.run(1);
    },
    /** Before the batch commits: every request it inserted, counted; the trigger back on. */
    end(): void {
      copyDims.run({ after });
      addNew.run({ after });
      defer.run(0);
    },
  };
}
