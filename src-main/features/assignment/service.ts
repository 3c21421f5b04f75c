import type { z } from 'zod';
import type { AssignmentRule, AssignmentStrategy } from '../../../src-shared/contract';
import type { assignment } from '../../../src-shared/contract/assignment';
import type { Region } from '../../../src-shared/domain/regions';
import { AppError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import { listRules, openLoads, ruleEngineers } from './queries';

export interface AssignmentChoice {
  engineerId: number;
  engineerName: string;
  ruleId: number;
  ruleName: string;
  strategy: AssignmentStrategy;
  /** The chosen engineer's open requests before this one. */
  load: number;
}

type SaveInput = z.output<(typeof assignment)['saveRule']['input']>;

export function createAssignmentService(deps: CoreDeps) {
  const { db, clock } = deps;

  async function rules(): Promise<AssignmentRule[]> {
    const rows = await listRules(db);
    const members = await ruleEngineers(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      position: r.position,
      productLine: r.product_line,
      problemCategoryId: r.problem_category_id,
      region: (r.region as Region | null) ?? null,
      strategy: r.strategy as AssignmentStrategy,
      active: r.active === 1,
      engineers: members.filter((m) => m.rule_id === r.id).map((m) => ({ id: m.id, displayName: m.display_name, available: m.available === 1 && m.disabled === 0 })),
    }));
  }

  async function saveRule(input: SaveInput): Promise<AssignmentRule> {
    const id = await db.transaction().execute(async (trx) => {
      const engineers = await trx
        .selectFrom('users')
        .select('id')
        .where('id', 'in', input.engineerIds)
        .where('role', 'in', ['engineer', 'supervisor'])
        .where('disabled', '=', 0)
        .execute();
      const known = new Set(engineers.map((e) => e.id));
      const missing = input.engineerIds.findIndex((e) => !known.has(e));
      if (missing >= 0) throw new AppError('VALIDATION', 'Not an active engineer', { fields: [{ path: `engineerIds.${missing}`, code: 'notFound', message: 'not an engineer' }] });
      if (input.problemCategoryId !== null) {
        const category = await trx.selectFrom('problem_categories').select('id').where('id', '=', input.problemCategoryId).executeTakeFirst();
        if (!category) throw new AppError('VALIDATION', 'Unknown problem category', { fields: [{ path: 'problemCategoryId', code: 'notFound', message: 'unknown' }] });
      }
      const values = {
        name: input.name,
        position: input.position,
        product_line: input.productLine,
        problem_category_id: input.problemCategoryId,
        region: input.region,
        strategy: input.strategy,
        active: input.active ? 1 : 0,
      };
      let ruleId: number;
      if (input.id === undefined) {
        ruleId = (await trx.insertInto('assignment_rules').values({ ...values, created_at: clock.now() }).returning('id').executeTakeFirstOrThrow()).id;
      } else {
        const updated = await trx.updateTable('assignment_rules').set(values).where('id', '=', input.id).returning('id').executeTakeFirst();
        if (!updated) throw new AppError('NOT_FOUND', `Assignment rule ${input.id} not found`);
        ruleId = updated.id;
        await trx.deleteFrom('assignment_rule_engineers').where('rule_id', '=', ruleId).execute();
      }
      await trx
        .insertInto('assignment_rule_engineers')
        .values([...known].map((userId) => ({ rule_id: ruleId, user_id: userId })))
        .execute();
      return ruleId;
    });
    return (await rules()).find((r) => r.id === id)!;
  }

  async function removeRule(id: number): Promise<null> {
    const deleted = await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('assignment_rule_engineers').where('rule_id', '=', id).execute();
      return trx.deleteFrom('assignment_rules').where('id', '=', id).executeTakeFirst();
    });
    if (Number(deleted.numDeletedRows) === 0) throw new AppError('NOT_FOUND', `Assignment rule ${id} not found`);
    return null;
  }

  /**
   * The engineer the first matching rule (product line, problem category, region) picks for a request, or null (no rule matches, or
   * none of its engineers is available). Least load: fewest open requests, ties to the
   * lower id. Round robin: the next available engineer after the rule's last pick.
   */
  async function choose(request: { productLine: string | null; problemCategoryId: number | null; region: Region | null }): Promise<AssignmentChoice | null> {
    for (const rule of await rules()) {
      if (!rule.active) continue;
      if (rule.productLine !== null && rule.productLine !== request.productLine) continue;
      if (rule.problemCategoryId !== null && rule.problemCategoryId !== request.problemCategoryId) continue;
      if (rule.region !== null && rule.region !== request.region) continue;
      const eligible = rule.engineers.filter((e) => e.available);
      if (eligible.length === 0) continue;
      const loads = await openLoads(
        db,
        eligible.map((e) => e.id),
      );
      let chosen = eligible[0]!;
      if (rule.strategy === 'least_load') {
        for (const e of eligible) if ((loads.get(e.id) ?? 0) < (loads.get(chosen.id) ?? 0)) chosen = e;
      } else {
        const last = (await db.selectFrom('assignment_rules').select('last_user_id').where('id', '=', rule.id).executeTakeFirst())?.last_user_id ?? 0;
        chosen = eligible.find((e) => e.id > last) ?? eligible[0]!;
      }
      return { engineerId: chosen.id, engineerName: chosen.displayName, ruleId: rule.id, ruleName: rule.name, strategy: rule.strategy, load: loads.get(chosen.id) ?? 0 };
    }
    return null;
  }

  /** Remembers a round-robin pick so the next request goes to the next engineer. */
  async function recordPick(choice: AssignmentChoice): Promise<void> {
    await db.updateTable('assignment_rules').set({ last_user_id: choice.engineerId }).where('id', '=', choice.ruleId).execute();
  }

  return { rules, saveRule, removeRule, choose, recordPick };
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;
