import type { SlaSettings } from '../../../src-shared/contract';
import { fieldError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import { putSetting } from '../settings/queries';
import { readSlaSettings } from './agreements';
import { rescheduleClocks } from './clock';

/**
 * Saves the desk's SLA settings (rows of the settings table). New warning thresholds
 * reschedule every open clock's next check in the same transaction, so a threshold added
 * today is announced for work already open.
 */
export async function updateSlaSettings(deps: CoreDeps, input: Partial<SlaSettings>): Promise<SlaSettings> {
  const { db, clock } = deps;
  await db.transaction().execute(async (trx) => {
    for (const key of ['defaultAgreementId', 'warrantyAgreementId'] as const) {
      const value = input[key];
      if (value === undefined) continue;
      if (value !== null && !(await trx.selectFrom('agreements').select('id').where('id', '=', value).executeTakeFirst())) throw fieldError(key, 'notFound');
      await putSetting(trx, key === 'defaultAgreementId' ? 'slaDefaultAgreementId' : 'slaWarrantyAgreementId', value === null ? '' : String(value));
    }
    if (input.warnThresholds !== undefined) {
      await putSetting(trx, 'slaWarnThresholds', JSON.stringify(input.warnThresholds));
      await rescheduleClocks(trx, clock.now(), null);
    }
    if (input.firstResponse !== undefined) await putSetting(trx, 'slaFirstResponse', input.firstResponse);
  });
  return readSlaSettings(db);
}
