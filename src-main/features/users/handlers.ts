import { requireUser, type CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { setAvailability, signIn, userOptions } from './service';

export function authHandlers(deps: CoreDeps) {
  return defineHandlers('auth', {
    signIn: async (input, ctx) => {
      const user = await signIn(deps, input.username, input.password);
      ctx.startSession(user);
      return user;
    },
    signOut: (_input, ctx) => {
      ctx.endSession();
      return null;
    },
    session: (_input, ctx) => ctx.user,
  });
}

export function usersHandlers(deps: CoreDeps) {
  return defineHandlers('users', {
    assignees: () => userOptions(deps, ['engineer', 'supervisor']),
    options: () => userOptions(deps),
    setAvailability: (input, ctx) => setAvailability(deps, requireUser(ctx), input.userId, input.available),
  });
}
