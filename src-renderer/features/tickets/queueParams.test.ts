import { describe, expect, it } from 'vitest';
import { hasFilters, parseQueueParams, toQueueParams, viewPath } from './queueParams';
import { visibleViews } from './viewsForRole';

describe('queue params', () => {
  it('keeps a saved view in the URL with the filters that apply within it', () => {
    const filter = parseQueueParams(new URLSearchParams('view=unassigned&priority=urgent,high&sort=priority_desc'));
    expect(filter).toEqual({ view: 'unassigned', priority: ['urgent', 'high'], sort: 'priority_desc' });
    expect(toQueueParams(filter).toString()).toBe('view=unassigned&priority=urgent%2Chigh&sort=priority_desc');
  });

  it('drops an unknown view', () => {
    expect(parseQueueParams(new URLSearchParams('view=everything'))).toEqual({ sort: 'created_desc' });
  });

  it('does not count the view as a filter to clear', () => {
    expect(hasFilters({ view: 'mine', sort: 'created_desc' })).toBe(false);
    expect(hasFilters({ view: 'mine', text: '漏水', sort: 'created_desc' })).toBe(true);
  });

  it('links each view', () => {
    expect(viewPath('awaiting_follow_up')).toBe('/tickets?view=awaiting_follow_up');
    expect(viewPath(undefined)).toBe('/tickets');
  });

  it("hides 'mine' from agents, who never own requests", () => {
    expect(visibleViews('agent')).not.toContain('mine');
    expect(visibleViews('engineer')[0]).toBe('mine');
    expect(visibleViews('admin')).toContain('mine');
  });
});
