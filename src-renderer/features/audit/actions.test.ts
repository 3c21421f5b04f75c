import { describe, expect, it } from 'vitest';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { actionFamily, AUDIT_FAMILIES, AUDITED_ACTIONS, groupActions, isFamily } from './actions';
import { AUDIT_ENTITIES } from './details';

function lookup(catalog: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalog);
}

describe('actionFamily', () => {
  it('is the prefix up to the first dot, dot included', () => {
    expect(actionFamily('auth.signIn')).toBe('auth.');
    expect(actionFamily('tickets.assign')).toBe('tickets.');
    expect(actionFamily('customer.view')).toBe('customer.');
    expect(isFamily('auth.')).toBe(true);
    expect(isFamily('auth.signIn')).toBe(false);
  });
});

describe('groupActions', () => {
  it('groups by family in the catalog order, unknown families last, keeping the order within', () => {
    const groups = groupActions(['auth.signIn', 'auth.signOut', 'customer.view', 'settings.update', 'tickets.assign', 'zeta.run', 'alpha.run', 'user.create']);
    expect(groups.map((g) => g.family)).toEqual(['auth.', 'user.', 'customer.', 'tickets.', 'settings.', 'alpha.', 'zeta.']);
    expect(groups[0]!.actions).toEqual(['auth.signIn', 'auth.signOut']);
  });

  it('keeps the chosen value offered even when nothing recorded it', () => {
    expect(groupActions([], 'auth.')).toEqual([{ family: 'auth.', actions: [] }]);
    expect(groupActions(['auth.signIn'], 'auth.signOut')).toEqual([{ family: 'auth.', actions: ['auth.signIn', 'auth.signOut'] }]);
    expect(groupActions(['auth.signIn'], 'auth.signIn')).toEqual([{ family: 'auth.', actions: ['auth.signIn'] }]);
  });

  it('skips actions without a family', () => {
    expect(groupActions(['legacy'])).toEqual([]);
  });
});

describe('audit labels', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en-US', enUS],
  ])('%s names every recorded action, family and object type', (_locale, catalog) => {
    const keys = [...AUDITED_ACTIONS.map((a) => `audit.action.${a}`), ...AUDIT_FAMILIES.map((f) => `audit.family.${f}`), ...AUDIT_ENTITIES.map((e) => `audit.entity.${e}`)];
    expect(keys.filter((k) => typeof lookup(catalog, k) !== 'string')).toEqual([]);
  });

  it('gives every family a label of its own (group names must differ)', () => {
    for (const catalog of [zhCN, enUS]) {
      const labels = AUDIT_FAMILIES.map((f) => lookup(catalog, `audit.family.${f}`));
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});
