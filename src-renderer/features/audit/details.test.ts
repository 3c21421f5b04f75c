import { describe, expect, it } from 'vitest';
import { entityRoute, formatValue, personalTextLength, summarizeDetails } from './details';

describe('summarizeDetails', () => {
  it('lists the fields that changed, before and after', () => {
    expect(summarizeDetails({ before: { role: 'agent', teamId: 1, displayName: '王' }, after: { role: 'supervisor', teamId: 1, displayName: '王' } })).toEqual({
      lines: [{ kind: 'change', field: 'role', before: 'agent', after: 'supervisor' }],
      more: 0,
    });
  });

  it('handles a side with no fields (created, removed)', () => {
    expect(summarizeDetails({ after: { name: '华东一组' } })).toEqual({ lines: [{ kind: 'change', field: 'name', before: undefined, after: '华东一组' }], more: 0 });
    expect(summarizeDetails({ before: { name: '华东一组' } }).lines).toEqual([{ kind: 'change', field: 'name', before: '华东一组', after: undefined }]);
  });

  it('shows a generic write by the input’s plain fields, without the record’s own id', () => {
    const summary = summarizeDetails({ input: { id: 7, assigneeId: 3, note: '现场', items: [1, 2] } }, 7);
    expect(summary.lines).toEqual([
      { kind: 'value', field: 'assigneeId', value: 3 },
      { kind: 'value', field: 'note', value: '现场' },
    ]);
    expect(summary.more).toBe(1);
  });

  it('leaves out the request’s number however the input names it', () => {
    expect(summarizeDetails({ input: { ticketId: 9, assigneeId: 3 } }, 9).lines).toEqual([{ kind: 'value', field: 'assigneeId', value: 3 }]);
    expect(summarizeDetails({ input: { ticketId: 9, assigneeId: 3 } }, null).lines).toHaveLength(2);
  });

  it('keeps at most four lines and counts the rest', () => {
    const summary = summarizeDetails({ input: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 } });
    expect(summary.lines).toHaveLength(4);
    expect(summary.more).toBe(2);
  });

  it('shows other details by their plain values', () => {
    expect(summarizeDetails({ username: 'admin', reason: 'badPassword' }).lines).toEqual([
      { kind: 'value', field: 'username', value: 'admin' },
      { kind: 'value', field: 'reason', value: 'badPassword' },
    ]);
    expect(summarizeDetails(null)).toEqual({ lines: [], more: 0 });
  });
});

describe('formatValue', () => {
  it('writes text as is, other values as JSON, nothing as a dash', () => {
    expect(formatValue('上海')).toBe('上海');
    expect(formatValue(3)).toBe('3');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue('x'.repeat(100))).toHaveLength(60);
  });
});

describe('entityRoute', () => {
  it('links requests and customers, nothing else', () => {
    expect(entityRoute('ticket', 12)).toBe('/tickets/12');
    expect(entityRoute('customer', 5)).toBe('/customers/5');
    expect(entityRoute('user', 5)).toBeNull();
    expect(entityRoute('ticket', null)).toBeNull();
  });
});

describe('personal text in the trail', () => {
  it('is told by its length only', () => {
    expect(personalTextLength({ written: 12 })).toBe(12);
    expect(personalTextLength({ written: 12, other: 1 })).toBeNull();
    expect(personalTextLength('张伟')).toBeNull();
  });
});
