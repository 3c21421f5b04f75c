import type { SessionUser, SystemStatus } from '../../../src-shared/contract';
import type { Locale } from '../../../src-shared/domain/locale';
import { AppError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import { seedDemoData } from '../demo/seed';
import { getSettings, putSetting } from '../settings/queries';
import { countUsers } from '../users/queries';
import { hashPassword } from '../users/password';
import { assertAcceptablePassword } from '../users/passwordPolicy';
import { createUser } from '../users/service';

/** How many demo requests first-run setup loads when asked: enough to feel real, quick to load. */
export const DEMO_TICKETS = 2000;

export async function status(deps: CoreDeps, version: string): Promise<SystemStatus> {
  const settings = await getSettings(deps.db);
  const setupDone = (await countUsers(deps.db)) > 0;
  return {
    setupDone,
    companyName: settings.companyName ?? null,
    defaultLocale: (settings.defaultLocale as Locale | undefined) ?? null,
    version,
    databaseProblem: deps.databaseProblem ?? null,
  };
}

export interface SetupInput {
  companyName: string;
  locale: Locale;
  admin: { username: string; displayName: string; password: string };
  demoData: boolean;
}

/** First run: there is no default account; the first administrator is made here, once. */
export async function setup(deps: CoreDeps, input: SetupInput): Promise<{ user: SessionUser; demoTickets: number }> {
  const { db, clock, platform } = deps;
  assertAcceptablePassword(input.admin.password, 'admin.password', input.admin.username, input.admin.displayName, input.companyName);
  const passwordHash = await hashPassword(input.admin.password);
  const now = clock.now();
  const timeZone = platform.timeZone();
  const user = await db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) throw new AppError('CONFLICT', 'Setup was already done', { reason: 'setupDone' });
    await putSetting(trx, 'companyName', input.companyName);
    await putSetting(trx, 'defaultLocale', input.locale);
    await putSetting(trx, 'timeZone', timeZone);
    return createUser(trx, { ...input.admin, passwordHash, role: 'admin', locale: input.locale }, now);
  });
  let demoTickets = 0;
  if (input.demoData) {
    demoTickets = seedDemoData(deps.sqlite, { tickets: DEMO_TICKETS, seed: 1, now, timeZone }).tickets;
    deps.events.emit('tickets.changed', { ids: [] });
  }
  deps.logger.info('first-run setup done', { demoTickets });
  return { user, demoTickets };
}
