import { describe, expect, it } from 'vitest';
import { drillPath, parseDashboardParams, parseDrillParams, toDashboardParams } from './dashboardParams';

describe('dashboard addresses', () => {
  it('keeps a period and filters in the address, dropping what is not valid', () => {
    const state = parseDashboardParams(new URLSearchParams('preset=lastMonth&team=2&tier=key&province=SH&engineer=x&line=空调'), '2026-11-26');
    expect(state).toEqual({ preset: 'lastMonth', from: '2026-10-01', to: '2026-10-31', filters: { teamId: 2, tier: 'key', province: 'SH', productLine: '空调' } });
    expect(parseDashboardParams(toDashboardParams(state), '2026-11-26')).toEqual(state);
    expect(parseDashboardParams(new URLSearchParams('preset=custom&from=2026-01-01&to=2026-03-31'), '2026-11-26')).toMatchObject({ preset: 'custom', from: '2026-01-01', to: '2026-03-31' });
    expect(parseDashboardParams(new URLSearchParams('preset=nonsense'), '2026-11-26')).toMatchObject({ preset: 'last30', from: '2026-10-28', to: '2026-11-26' });
  });

  it('opens a figure’s requests in the queue with the same words', () => {
    const path = drillPath({ measure: 'responseBreached', from: '2026-11-01', to: '2026-11-26', engineerId: 8, tier: 'key' }, 12);
    expect(path).toBe('/tickets?drill=responseBreached&from=2026-11-01&to=2026-11-26&engineer=8&tier=key&n=12');
    expect(parseDrillParams(new URLSearchParams(path.split('?')[1]))).toEqual({ measure: 'responseBreached', from: '2026-11-01', to: '2026-11-26', engineerId: 8, tier: 'key' });
    expect(parseDrillParams(new URLSearchParams('drill=nope&to=2026-11-26'))).toBeUndefined();
    expect(parseDrillParams(new URLSearchParams('drill=created&to=2026-11-26'))).toEqual({ measure: 'created', to: '2026-11-26' });
  });
});
