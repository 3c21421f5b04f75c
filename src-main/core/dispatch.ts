import type { z } from 'zod';
import { channelDef, SESSION_CHANNELS, type SessionUser } from '../../src-shared/contract';
import { roleHas } from '../../src-shared/domain/roles';
import { AppError, type FieldIssue, type Result } from '../../src-shared/errors';
import type { CallContext } from './context';
import type { Handlers } from './handlers';
import type { Logger } from './ports';

export type Dispatch = (channel: string, input: unknown, ctx: CallContext) => Promise<Result<unknown>>;

/**
 * Watches every authorized call (the audit trail): `before` runs just before the handler,
 * `after` once it succeeded, with what `before` returned. Their failures are logged, never
 * the caller's.
 */
export interface CallObserver {
  before(channel: string, input: unknown): unknown;
  after(channel: string, input: unknown, output: unknown, user: SessionUser | null, before: unknown): Promise<void>;
}

/**
 * validate → authorize → handler → Result. Never throws: Electron passes only an error's
 * message across IPC, so every failure becomes a typed Result; unknown failures are logged
 * with their stack and reach the caller as INTERNAL.
 */
export function createDispatch(handlers: Handlers, logger: Logger, observer?: CallObserver): Dispatch {
  const observerFailed = (channel: string, error: unknown) =>
    logger.error('call observer failed', { channel, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return async (channel, input, ctx) => {
    try {
      const def = channelDef(channel);
      if (!def) throw new AppError('NOT_FOUND', `Unknown channel ${channel}`, { channel });

      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) {
        throw new AppError('VALIDATION', `Invalid input for ${channel}`, { fields: fieldIssues(parsed.error) });
      }

      if (def.access !== 'public') {
        if (!ctx.user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
        if (!SESSION_CHANNELS.includes(channel)) {
          if (ctx.user.locked) throw new AppError('SESSION_LOCKED', 'Unlock the window first');
          if (ctx.user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change the password first');
        }
        if (def.access !== 'signedIn' && !roleHas(ctx.user.role, def.access)) {
          throw new AppError('FORBIDDEN', `Role ${ctx.user.role} lacks ${def.access}`, { permission: def.access });
        }
      }

      const [domain, verb] = channel.split('.') as [keyof Handlers, string];
      const handler = (handlers[domain] as Record<string, (i: unknown, c: CallContext) => unknown>)[verb];
      if (!handler) throw new AppError('NOT_FOUND', `No handler for ${channel}`);
      let observed: unknown;
      try {
        observed = observer?.before(channel, parsed.data);
      } catch (error) {
        observerFailed(channel, error);
      }
      const data = await handler(parsed.data, ctx);
      try {
        await observer?.after(channel, parsed.data, data, ctx.user, observed);
      } catch (error) {
        observerFailed(channel, error);
      }
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      logger.error('handler failed', {
        channel,
        error: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
      return { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } };
    }
  };
}

/** Zod issues as translatable field problems: 'required', 'tooShort', 'tooLong', 'invalid'… */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    let code = 'invalid';
    if (issue.code === 'invalid_type' && issue.input === undefined) code = 'required';
    else if (issue.code === 'too_small') code = issue.origin === 'string' && issue.minimum === 1 ? 'required' : 'tooShort';
    else if (issue.code === 'too_big') code = 'tooLong';
    else if (issue.code === 'unrecognized_keys') code = 'unknownField';
    else if (issue.code === 'invalid_format') code = issue.format === 'date' ? 'date' : 'invalid';
    else if (issue.code === 'custom' || issue.code === 'invalid_value') code = 'invalid';
    // Schemas name their own reasons (e.g. { error: 'phone' }) through the message.
    if (issue.message && /^[a-z][A-Za-z]+$/.test(issue.message)) code = issue.message;
    const limits: Record<string, unknown> = {};
    if ('minimum' in issue) limits.min = Number(issue.minimum);
    if ('maximum' in issue) limits.max = Number(issue.maximum);
    return { path, code, message: issue.message, ...limits };
  });
}
