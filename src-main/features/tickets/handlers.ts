import { requireUser, type CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { createLifecycle } from './lifecycle';
import { createAssignmentService } from '../assignment/service';
import { createAttachments } from './attachments';
import { autoAssign } from './autoAssign';
import { bulk } from './bulk';
import { createTicketService } from './service';
import { createWorkbench } from './workbench';

export function ticketsHandlers(deps: CoreDeps) {
  const service = createTicketService(deps);
  const lifecycle = createLifecycle(deps);
  const assignment = createAssignmentService(deps);
  const bench = createWorkbench(deps, service);
  const files = createAttachments(deps);
  /** Every lifecycle change answers with the fresh detail page, as the caller sees it. */
  const then = async (id: number, ctx: Parameters<typeof requireUser>[0], step: Promise<void>) => {
    await step;
    return service.get(id, requireUser(ctx));
  };
  return defineHandlers('tickets', {
    create: async (input, ctx) => {
      const user = requireUser(ctx);
      const ticket = await service.create(input, user);
      return (await autoAssign(deps, assignment, lifecycle, ticket)) ? service.get(ticket.id, user) : ticket;
    },
    list: (input, ctx) => service.list(input, requireUser(ctx)),
    workbench: (_input, ctx) => bench.workbench(requireUser(ctx)),
    dispatchSheet: (input, ctx) => bench.dispatchSheet(input.id, requireUser(ctx)),
    viewCounts: (_input, ctx) => service.viewCounts(requireUser(ctx)),
    get: (input, ctx) => service.get(input.id, requireUser(ctx)),
    problemCategories: () => service.problemCategories(),
    assign: (input, ctx) => then(input.id, ctx, lifecycle.assign(input, requireUser(ctx))),
    hold: (input, ctx) => then(input.id, ctx, lifecycle.hold(input, requireUser(ctx))),
    resume: (input, ctx) => then(input.id, ctx, lifecycle.resume(input, requireUser(ctx))),
    logWork: (input, ctx) => then(input.id, ctx, lifecycle.logWork(input, requireUser(ctx))),
    startFollowUp: (input, ctx) => then(input.id, ctx, lifecycle.startFollowUp(input, requireUser(ctx))),
    recordFollowUp: (input, ctx) => then(input.id, ctx, lifecycle.recordFollowUp(input, requireUser(ctx))),
    unlock: (input, ctx) => then(input.id, ctx, lifecycle.unlock(input, requireUser(ctx))),
    close: (input, ctx) => then(input.id, ctx, lifecycle.close(input, requireUser(ctx))),
    reopen: (input, ctx) => then(input.id, ctx, lifecycle.reopen(input, requireUser(ctx))),
    acknowledgeComplaint: (input, ctx) => then(input.id, ctx, lifecycle.acknowledgeComplaint(input, requireUser(ctx))),
    updateComplaint: (input, ctx) => then(input.id, ctx, lifecycle.updateComplaint(input, requireUser(ctx))),
    merge: (input, ctx) => then(input.id, ctx, lifecycle.merge(input, requireUser(ctx))),
    attach: (input, ctx) => then(input.id, ctx, files.attach(input, requireUser(ctx))),
    attachment: (input, ctx) => files.read(input.attachmentId, requireUser(ctx)),
    addNote: (input, ctx) => then(input.id, ctx, lifecycle.addNote(input, requireUser(ctx))),
    setPriority: (input, ctx) => then(input.id, ctx, lifecycle.setPriority(input, requireUser(ctx))),
    setAgreement: (input, ctx) => then(input.id, ctx, lifecycle.setAgreement(input, requireUser(ctx))),
    bulk: (input, ctx) => bulk(lifecycle, input, requireUser(ctx)),
  });
}
