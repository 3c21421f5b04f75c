import { requireUser, type CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { createTicketService } from './service';

export function ticketsHandlers(deps: CoreDeps) {
  const service = createTicketService(deps);
  return defineHandlers('tickets', {
    create: (input, ctx) => service.create(input, requireUser(ctx).id),
    list: (input) => service.list(input),
    get: (input) => service.get(input.id),
  });
}
