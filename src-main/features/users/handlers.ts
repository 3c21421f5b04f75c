import { requireUser, type CoreDeps } from '../../core/context';
import { defineHandlers } from '../../core/handlers';
import { recordAudit } from '../audit/record';
import { createAccount, listAccounts, listTeams, removeTeam, resetAccountPassword, saveTeam, setAccountDisabled, updateAccount } from './accounts';
import { changePassword, setAvailability, signIn, unlock, userOptions } from './service';

export function authHandlers(deps: CoreDeps) {
  return defineHandlers('auth', {
    signIn: async (input, ctx) => {
      const user = await signIn(deps, input.username, input.password);
      ctx.startSession(user);
      return user;
    },
    signOut: async (_input, ctx) => {
      const user = requireUser(ctx);
      ctx.endSession();
      await recordAudit(deps.db, deps.clock.now(), { userId: user.id, action: 'auth.signOut', entity: 'user', entityId: user.id });
      return null;
    },
    session: (_input, ctx) => ctx.user,
    changePassword: async (input, ctx) => {
      const user = await changePassword(deps, requireUser(ctx), ctx.sessionKey, input.currentPassword, input.newPassword);
      ctx.unlockSession();
      return user;
    },
    lock: (_input, ctx) => {
      ctx.lockSession();
      return { ...requireUser(ctx), locked: true };
    },
    unlock: async (input, ctx) => {
      const user = requireUser(ctx);
      await unlock(deps, user, input.password);
      ctx.unlockSession();
      return { ...user, locked: false };
    },
  });
}

export function usersHandlers(deps: CoreDeps) {
  return defineHandlers('users', {
    assignees: () => userOptions(deps, ['engineer', 'supervisor']),
    options: () => userOptions(deps),
    setAvailability: (input, ctx) => setAvailability(deps, requireUser(ctx), input.userId, input.available),
    list: () => listAccounts(deps),
    create: (input, ctx) => createAccount(deps, requireUser(ctx), input),
    update: (input, ctx) => updateAccount(deps, requireUser(ctx), input),
    setDisabled: (input, ctx) => setAccountDisabled(deps, requireUser(ctx), input.id, input.disabled),
    resetPassword: (input, ctx) => resetAccountPassword(deps, requireUser(ctx), input.id, input.password),
    teams: () => listTeams(deps),
    saveTeam: (input, ctx) => saveTeam(deps, requireUser(ctx), input),
    removeTeam: (input, ctx) => removeTeam(deps, requireUser(ctx), input.id),
  });
}
