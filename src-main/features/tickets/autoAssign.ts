import type { TicketDetail } from '../../../src-shared/contract';
import { regionOf } from '../../../src-shared/domain/regions';
import type { CoreDeps } from '../../core/context';
import type { AssignmentService } from '../assignment/service';
import type { Lifecycle } from './lifecycle';

/**
 * Right after intake, a request waiting for assignment goes to the engineer the first
 * matching rule picks; the rule, strategy and load are kept on the history event so the
 * request can say why ("assigned to 王工 by rule 'HVAC 华东', load 3"). No rule, or nobody
 * available: it simply stays in the unassigned queue.
 */
export async function autoAssign(deps: CoreDeps, assignment: AssignmentService, lifecycle: Lifecycle, ticket: TicketDetail): Promise<boolean> {
  if (ticket.status !== 'pending_assignment') return false;
  const product = ticket.product
    ? await deps.db.selectFrom('products').select('product_line').where('id', '=', ticket.product.id).executeTakeFirst()
    : undefined;
  const choice = await assignment.choose({
    productLine: product?.product_line ?? null,
    problemCategoryId: ticket.problemCategory?.id ?? null,
    region: regionOf(ticket.customer.province),
  });
  if (!choice) return false;
  await lifecycle.autoAssign(ticket.id, ticket.version, choice);
  await assignment.recordPick(choice);
  return true;
}
