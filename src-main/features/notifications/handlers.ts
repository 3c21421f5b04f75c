import { requireUser, type CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { createNotificationService } from './service';

export function notificationsHandlers(deps: CoreDeps) {
  const service = createNotificationService(deps);
  return defineHandlers('notifications', {
    list: (input, ctx) => service.list(requireUser(ctx).id, input),
    markRead: (input, ctx) => service.markRead(requireUser(ctx).id, input),
  });
}
