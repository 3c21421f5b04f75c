import { sql } from 'kysely';
import { REPORT_CODE_SETS, type ReportCell } from '../../../../src-shared/domain/reports';
import { categoryName, countIf, longList, num, ratio, round, table, ticketFilter, type ReportContext, type ReportDefinition } from './common';

// Follow-up visits recorded in the period: how satisfied customers said they were (1–5),
// the share who said they were satisfied, and each unsatisfied customer's reason (the
// follow-up's comment), newest first, with the problem categories they fall in.

function base(ctx: ReportContext) {
  return ctx.db
    .selectFrom('follow_ups as f')
    .innerJoin('tickets as t', 't.id', 'f.ticket_id')
    .where('f.at', '>=', ctx.start)
    .where('f.at', '<', ctx.end)
    .where(ticketFilter(ctx, { agreement: false, priority: false }));
}

export const followUpsReport: ReportDefinition = {
  id: 'followUps',
  async query(ctx) {
    const all = (await base(ctx)
      .select([sql<number>`count(*)`.as('n'), countIf(sql`f.satisfied = 1`).as('satisfied'), sql<number | null>`sum(f.satisfaction)`.as('score')])
      .executeTakeFirst())!;
    const total = num(all.n);
    const unsatisfiedTotal = total - num(all.satisfied);
    const dist = await base(ctx)
      .select(['f.satisfaction', sql<number>`count(*)`.as('n'), countIf(sql`f.satisfied = 1`).as('satisfied')])
      .groupBy('f.satisfaction')
      .execute();
    const byScore = new Map(dist.map((d) => [String(d.satisfaction), d]));
    const name = categoryName(ctx);
    const byCategory = await base(ctx)
      .leftJoin('problem_categories as pc', 'pc.id', 't.problem_category_id')
      .where('f.satisfied', '=', 0)
      .select([name.as('category'), sql<number>`count(*)`.as('n')])
      .groupBy(['pc.id', 'pc.name_zh', 'pc.name_en'])
      .orderBy(sql`count(*)`, 'desc')
      .orderBy(name)
      .execute();
    const unsatisfied = () =>
      base(ctx)
        .innerJoin('customers as c', 'c.id', 't.customer_id')
        .leftJoin('problem_categories as pc', 'pc.id', 't.problem_category_id')
        .leftJoin('users as u', 'u.id', 'f.agent_id')
        .where('f.satisfied', '=', 0);
    const list = await longList(
      ctx,
      (limit) =>
        unsatisfied()
          .select(['f.at', 't.number', 'c.name as customer', name.as('category'), 'f.satisfaction', 'f.comment', 'u.display_name as agent'])
          .orderBy('f.at', 'desc')
          .orderBy('f.id', 'desc')
          .$if(limit !== undefined, (q) => q.limit(limit!))
          .execute(),
      async () => num((await unsatisfied().select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n),
    );

    return {
      figures: { followUps: total, satisfiedRate: ratio(all.satisfied, total), csat: total > 0 ? round(num(all.score) / total, 2) : null },
      tables: [
        table(
          'distribution',
          REPORT_CODE_SETS.satisfaction.map((s) => {
            const d = byScore.get(s);
            const n = num(d?.n);
            return [s, n, ratio(n, total), num(d?.satisfied), n - num(d?.satisfied)];
          }),
          [null, total, ratio(total, total), num(all.satisfied), unsatisfiedTotal],
        ),
        table('unsatisfiedByCategory', byCategory.map((r) => [r.category, num(r.n), ratio(r.n, unsatisfiedTotal)]), [null, unsatisfiedTotal, ratio(unsatisfiedTotal, unsatisfiedTotal)]),
        table(
          'unsatisfied',
          list.rows.map((r): ReportCell[] => [r.at, r.number, r.customer, r.category, String(r.satisfaction), r.comment.trim() === '' ? null : r.comment, r.agent]),
          null,
          list.totalRows,
        ),
      ],
    };
  },
};
