import type { SlaSettings } from '../../../src-shared/contract';
import { fieldError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import { putSetting } from '../settings/queries';
import { readSlaSettings } from './agreements';
import { rescheduleStaleClocks } from './reschedule';
import { markClocksStale } from './staleClocks';

/**
 * Saves the desk's SLA settings (rows of the settings table). New warning thresholds
 * reschedule every open clock's next check, so a threshold added today is announced for
 * work already open.
 */
export async function updateSlaSettings(deps: CoreDeps, input: Partial<SlaSettings>): Promise<SlaSettings> {
  const { db } = deps;
  await db.transaction().execute(async (trx) => {
    for (const key of ['defaultAgreementId', 'warrantyAgreementId'] as const) {
      const value = input[key];
      if (value === undefined) continue;
      if (value !== null && !(await trx.selectFrom('agreements').select('id').where('id', '=', value).executeTakeFirst())) throw fieldError(key, 'notFound');
      await putSetting(trx, key === 'defaultAgreementId' ? 'slaDefaultAgreementId' : 'slaWarrantyAgreementId', value === null ? '' : String(value));
    }
    if (input.warnThresholds !== undefined) {
      await putSetting(trx, 'slaWarnThresholds', JSON.stringify(input.warnThresholds));
      await markClocksStale(trx);
    }
    if (input.firstResponse !== undefined) await putSetting(trx, 'slaFirstResponse', input.firstResponse);
  });
  if (input.warnThresholds !== undefined) await rescheduleStaleClocks(deps, null);
  return readSlaSettings(db);
}
