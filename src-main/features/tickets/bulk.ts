import type { z } from 'zod';
import type { BulkResult, SessionUser } from '../../../src-shared/contract';
import type { bulkInput } from '../../../src-shared/contract/tickets';
import { AppError } from '../../../src-shared/errors';
import type { Lifecycle } from './lifecycle';

/**
 * One action over many requests. Each request is its own transaction with its own checks
 * (version, state machine, rights), so one stale or locked request does not undo the rest;
 * the caller learns which ones failed and why.
 */
export async function bulk(lifecycle: Lifecycle, input: z.output<typeof bulkInput>, actor: SessionUser): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  const { action } = input;
  for (const item of input.items) {
    try {
      if (action.kind === 'assign') await lifecycle.assign({ ...item, engineerId: action.engineerId, note: '' }, actor);
      else if (action.kind === 'hold') await lifecycle.hold({ ...item, reason: action.reason, note: '' }, actor);
      else await lifecycle.setPriority({ ...item, priority: action.priority, note: '' }, actor);
      result.done.push(item.id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.failed.push({ id: item.id, code: error.code, message: error.message });
    }
  }
  return result;
}
