import { requireUser, type CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { createDashboardService } from './service';

export function dashboardHandlers(deps: CoreDeps) {
  const service = createDashboardService(deps);
  return defineHandlers('dashboard', {
    get: (input, ctx) => service.get(input, requireUser(ctx)),
    options: () => service.options(),
    rebuild: (_input, ctx) => service.rebuild(requireUser(ctx)),
  });
}
