import { BACKLOG_STATUSES } from '../../../src-shared/domain/dashboard';

// What each request adds to the rollups, as SQL over a tickets row `t`: the same
// definitions as the triggers of migration 0013 (frozen there), here for the rebuild. The
// property test (rollups.property.test.ts) holds the two equal after any sequence of changes.

const DONE = "('resolved', 'follow_up', 'closed')";

export const ROLLUP_KEYS = ['day', 'team_id', 'assignee_id', 'agreement_id', 'tier', 'province', 'product_line'] as const;

/** The desk day of an instant: the last day start at or before it (dashboard_days). */
export const dayOf = (ms: string) => `ifnull((SELECT d.day FROM dashboard_days d WHERE d.starts_at <= ifnull(${ms}, -1) ORDER BY d.starts_at DESC LIMIT 1), ${ms} / 86400000)`;

const keyValues = (t: string) =>
  `ifnull(${t}.team_id, 0) AS team_id, ifnull(${t}.assignee_id, 0) AS assignee_id, ifnull(${t}.agreement_id, 0) AS agreement_id, ifnull(${t}.dim_tier, '') AS tier, ifnull(${t}.dim_province, '') AS province, ifnull(${t}.dim_product_line, '') AS product_line`;

/** Each figure's additive parts, by the instant they are counted on. */
export function anchors(t: string): { at: string; when: string; facts: Record<string, string> }[] {
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
        ...Object.fromEntries(BACKLOG_STATUSES.map((s) => [`b_${s}`, `${t}.status = '${s}'`])),
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

export const ROLLUP_FACTS = anchors('t').flatMap((a) => Object.keys(a.facts));

/**
 * Every request's contribution (or only those `where` picks, a condition on `t`), summed
 * per rollup key: what the rollups must hold.
 */
export function recomputeSelect(where = 'true'): string {
  const inner = anchors('t')
    .map((a) => {
      const facts = ROLLUP_FACTS.map((f) => (a.facts[f] === undefined ? `0 AS ${f}` : `(${a.facts[f]}) AS ${f}`));
      return `SELECT ${dayOf(a.at)} AS day, ${keyValues('t')}, ${facts.join(', ')} FROM tickets t WHERE ${a.when} AND (${where})`;
    })
    .join(' UNION ALL ');
  return `SELECT ${ROLLUP_KEYS.join(', ')}, ${ROLLUP_FACTS.map((f) => `sum(${f}) AS ${f}`).join(', ')} FROM (${inner}) WHERE true
    GROUP BY ${ROLLUP_KEYS.join(', ')} HAVING ${ROLLUP_FACTS.map((f) => `sum(${f}) <> 0`).join(' OR ')}`;
}

