import { describe, expect, it } from 'vitest';
import { deskDayStart, EMPTY_FILTER_FORM, formFromParams, paramsFromForm, rangeReversed, toAuditFilter } from './filterForm';

describe('deskDayStart', () => {
  it('is the desk’s midnight, whatever this machine’s zone', () => {
    expect(deskDayStart('2026-11-26', 'Asia/Shanghai')).toBe(Date.parse('2026-11-25T16:00:00Z'));
    expect(deskDayStart('2026-11-26', 'UTC')).toBe(Date.parse('2026-11-26T00:00:00Z'));
    // Across a change of offset (Berlin leaves summer time on 2026-10-25).
    expect(deskDayStart('2026-10-25', 'Europe/Berlin')).toBe(Date.parse('2026-10-24T22:00:00Z'));
    expect(deskDayStart('2026-10-26', 'Europe/Berlin')).toBe(Date.parse('2026-10-25T23:00:00Z'));
  });

  it('refuses what is not a day', () => {
    expect(deskDayStart('', 'UTC')).toBeNull();
    expect(deskDayStart('2026-02-30', 'UTC')).toBeNull();
    expect(deskDayStart('26-11-2026', 'UTC')).toBeNull();
  });
});

describe('toAuditFilter', () => {
  it('leaves blanks out', () => {
    expect(toAuditFilter(EMPTY_FILTER_FORM, 'Asia/Shanghai')).toEqual({});
  });

  it('reads every field, the end day included', () => {
    expect(
      toAuditFilter({ userId: '3', action: 'auth.', entity: 'ticket', entityId: ' 42 ', from: '2026-11-01', to: '2026-11-03' }, 'Asia/Shanghai'),
    ).toEqual({
      userId: 3,
      action: 'auth.',
      entity: 'ticket',
      entityId: 42,
      from: Date.parse('2026-10-31T16:00:00Z'),
      to: Date.parse('2026-11-03T16:00:00Z'),
    });
  });

  it('ignores a record number that is not a positive whole number', () => {
    expect(toAuditFilter({ ...EMPTY_FILTER_FORM, entityId: 'abc' }, 'UTC')).toEqual({});
    expect(toAuditFilter({ ...EMPTY_FILTER_FORM, entityId: '1.5' }, 'UTC')).toEqual({});
    expect(toAuditFilter({ ...EMPTY_FILTER_FORM, entityId: '0' }, 'UTC')).toEqual({});
  });

  it('ends a far-east desk’s last day at its own midnight', () => {
    expect(toAuditFilter({ ...EMPTY_FILTER_FORM, to: '2026-11-03' }, 'Pacific/Kiritimati')).toEqual({ to: Date.parse('2026-11-03T10:00:00Z') });
  });

  it('tells a reversed range', () => {
    expect(rangeReversed({ ...EMPTY_FILTER_FORM, from: '2026-11-05', to: '2026-11-03' })).toBe(true);
    expect(rangeReversed({ ...EMPTY_FILTER_FORM, from: '2026-11-03', to: '2026-11-03' })).toBe(false);
  });
});

describe('formFromParams / paramsFromForm', () => {
  it('round-trips the filter bar through the address', () => {
    const form = { userId: '3', action: 'auth.', entity: 'ticket', entityId: '42', from: '2026-11-01', to: '2026-11-03' };
    const params = paramsFromForm(form);
    expect(params.toString()).toBe('user=3&action=auth.&entity=ticket&id=42&from=2026-11-01&to=2026-11-03');
    expect(formFromParams(params)).toEqual(form);
    expect(paramsFromForm(EMPTY_FILTER_FORM).toString()).toBe('');
  });

  it('drops what does not read', () => {
    expect(formFromParams(new URLSearchParams('user=abc&id=-1&from=yesterday&to=2026-13'))).toEqual(EMPTY_FILTER_FORM);
  });
});
