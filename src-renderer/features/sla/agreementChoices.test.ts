import { describe, expect, it } from 'vitest';
import type { AgreementView } from '../../../src-shared/contract';
import { agreementOptions, inForceOn } from './agreementChoices';

const agreement = (id: number, active: boolean): AgreementView => ({
  id,
  name: `A${id}`,
  calendarId: 1,
  calendarName: '标准',
  chargingMethod: 'per_visit',
  includedVisits: null,
  coveredItems: '',
  terms: '',
  validFrom: null,
  validTo: null,
  active,
  targets: [],
  customerCount: 0,
});

describe('agreement choices', () => {
  it('offer active agreements, and keep an inactive one listed while it is the current choice', () => {
    const list = [agreement(1, true), agreement(2, false)];
    expect(agreementOptions(list, null, '无').map((o) => o.value)).toEqual(['', '1']);
    expect(agreementOptions(list, 2, '无').map((o) => o.value)).toEqual(['', '1', '2']);
  });

  it('are in force when active and today lies within the validity, both ends included', () => {
    const dated = { active: true, validFrom: '2026-01-01', validTo: '2026-12-31' };
    expect(inForceOn(dated, '2026-01-01')).toBe(true);
    expect(inForceOn(dated, '2026-12-31')).toBe(true);
    expect(inForceOn(dated, '2025-12-31')).toBe(false);
    expect(inForceOn(dated, '2027-01-01')).toBe(false);
    expect(inForceOn({ active: true, validFrom: null, validTo: null }, '2030-06-01')).toBe(true);
    expect(inForceOn({ ...dated, active: false }, '2026-06-01')).toBe(false);
  });
});
