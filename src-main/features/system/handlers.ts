import type { CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { setup, status } from './service';

export function systemHandlers(deps: CoreDeps, version: string) {
  return defineHandlers('system', {
    status: () => status(deps, version),
    setup: async (input, ctx) => {
      const result = await setup(deps, input);
      ctx.startSession(result.user);
      return result;
    },
  });
}
