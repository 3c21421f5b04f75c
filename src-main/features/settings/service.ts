import type { DeskSettings } from '../../../src-shared/contract';
import type { CoreDeps } from '../../core/context';
import { DEFAULT_REOPEN_WINDOW_DAYS } from '../tickets/lifecycle';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import { fieldError } from '../../../src-shared/errors';
import { getSettings, idleLockMinutes, lifecycleThresholds, personalDataYears, putSetting } from './queries';

export async function readSettings(deps: CoreDeps): Promise<DeskSettings> {
  const s = await getSettings(deps.db);
  const days = Number(s.reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS);
  return {
    companyName: s.companyName ?? '',
    timeZone: s.timeZone ?? DEFAULT_TIME_ZONE,
    reopenWindowDays: Number.isInteger(days) && days >= 0 ? days : DEFAULT_REOPEN_WINDOW_DAYS,
    ...(await lifecycleThresholds(deps.db)),
    idleLockMinutes: await idleLockMinutes(deps.db),
    personalDataYears: await personalDataYears(deps.db),
  };
}

export async function updateSettings(
  deps: CoreDeps,
  input: { companyName?: string; reopenWindowDays?: number; dormantAfterDays?: number; lostAfterDays?: number; idleLockMinutes?: number; personalDataYears?: number },
): Promise<DeskSettings> {
  await deps.db.transaction().execute(async (trx) => {
    if (input.companyName !== undefined) await putSetting(trx, 'companyName', input.companyName);
    if (input.reopenWindowDays !== undefined) await putSetting(trx, 'reopenWindowDays', String(input.reopenWindowDays));
    if (input.idleLockMinutes !== undefined) await putSetting(trx, 'idleLockMinutes', String(input.idleLockMinutes));
    if (input.personalDataYears !== undefined) await putSetting(trx, 'personalDataYears', String(input.personalDataYears));
    const current = await lifecycleThresholds(trx);
    const dormant = input.dormantAfterDays ?? current.dormantAfterDays;
    const lost = input.lostAfterDays ?? current.lostAfterDays;
    // A customer goes dormant before it is lost; one of the two may be changed alone.
    if (lost <= dormant) throw fieldError('lostAfterDays', 'notAfterDormant');
    await putSetting(trx, 'dormantAfterDays', String(dormant));
    await putSetting(trx, 'lostAfterDays', String(lost));
  });
  const saved = await readSettings(deps);
  deps.sessions.idleLockMs = saved.idleLockMinutes * 60_000;
  return saved;
}
