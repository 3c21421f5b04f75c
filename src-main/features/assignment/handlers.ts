import type { CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { createAssignmentService } from './service';

export function assignmentHandlers(deps: CoreDeps) {
  const service = createAssignmentService(deps);
  return defineHandlers('assignment', {
    rules: () => service.rules(),
    saveRule: (input) => service.saveRule(input),
    removeRule: (input) => service.removeRule(input.id),
  });
}
