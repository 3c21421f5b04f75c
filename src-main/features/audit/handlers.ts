import type { CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { auditActions, listAudit, verifyAudit } from './service';

export function auditHandlers(deps: CoreDeps) {
  return defineHandlers('audit', {
    list: (input) => listAudit(deps, input),
    actions: () => auditActions(deps),
    verify: () => verifyAudit(deps),
  });
}
