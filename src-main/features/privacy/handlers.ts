import { requireUser, type CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { eraseCustomer } from './erase';

export function privacyHandlers(deps: CoreDeps) {
  return defineHandlers('privacy', {
    erase: (input, ctx) => eraseCustomer(deps, requireUser(ctx), input.customerId, input.reason),
  });
}
