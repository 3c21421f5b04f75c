import { describe, expect, it } from 'vitest';
import { parseTargets, targetDrafts } from './targets';

describe('agreement targets', () => {
  it('offers defaults for a new agreement and keeps saved minutes', () => {
    const drafts = targetDrafts([{ priority: 'urgent', responseMinutes: 15, resolutionMinutes: 150 }]);
    expect(drafts.urgent).toEqual({ response: { hours: 0, minutes: 15 }, resolution: { hours: 2, minutes: 30 } });
    expect(drafts.normal.response).toEqual({ hours: 4, minutes: 0 });
  });

  it('sends one target per priority in minutes', () => {
    const parsed = parseTargets(targetDrafts(undefined));
    expect('targets' in parsed && parsed.targets.map((t) => t.priority)).toEqual(['low', 'normal', 'high', 'urgent']);
    expect('targets' in parsed && parsed.targets[3]).toEqual({ priority: 'urgent', responseMinutes: 30, resolutionMinutes: 240 });
  });

  it('names the field of each problem', () => {
    const drafts = targetDrafts(undefined);
    drafts.high = { response: { hours: 0, minutes: 0 }, resolution: { hours: 1, minutes: '' } };
    drafts.urgent = { response: { hours: 2, minutes: 0 }, resolution: { hours: 1, minutes: 0 } };
    expect(parseTargets(drafts)).toEqual({ problems: { 'targets.2.response': 'invalid', 'targets.3.resolution': 'resolutionBeforeResponse' } });
  });
});
