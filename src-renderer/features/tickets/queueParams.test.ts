import { describe, expect, it } from 'vitest';
import { hasFilters, parseQueueParams, toQueueParams, viewPath, viewSortsItself } from './queueParams';
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

  it('shows the SLA views to every role', () => {
    for (const role of ['agent', 'engineer', 'supervisor', 'admin'] as const) expect(visibleViews(role)).toEqual(expect.arrayContaining(['breaching', 'breached']));
  });

  it("leaves the order of the SLA views to main ('breaching' soonest due first, 'breached' newest first)", () => {
    expect(viewSortsItself('breaching')).toBe(true);
    expect(viewSortsItself('breached')).toBe(true);
    expect(viewSortsItself('mine')).toBe(false);
    expect(viewSortsItself(undefined)).toBe(false);
  });
});
