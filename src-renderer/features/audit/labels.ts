import type { TFunction } from 'i18next';
import { actionFamily } from './actions';

// Words for what the trail records as codes: an action, its family, an object type, a
// field, a value. A code the catalogs do not know (a newer desk's) shows as recorded.

type Exists = (key: string) => boolean;

export function actionLabel(t: TFunction, exists: Exists, action: string): string {
  return exists(`audit.action.${action}`) ? t(`audit.action.${action}`) : action;
}

/** A family's name ('auth.' → 账户与登录), or its prefix. */
export function familyLabel(t: TFunction, exists: Exists, family: string): string {
  const key = `audit.family.${actionFamily(family).slice(0, -1)}`;
  return exists(key) ? t(key) : family;
}

export function entityLabel(t: TFunction, exists: Exists, entity: string): string {
  return exists(`audit.entity.${entity}`) ? t(`audit.entity.${entity}`) : entity;
}

export function fieldLabel(t: TFunction, exists: Exists, field: string): string {
  return exists(`audit.field.${field}`) ? t(`audit.field.${field}`) : field;
}

/** Values with words of their own: roles, sign-in failure reasons, yes and no. */
export function valueLabel(t: TFunction, exists: Exists, field: string, value: unknown): string | null {
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (typeof value !== 'string') return null;
  if (field === 'role' && exists(`role.${value}`)) return t(`role.${value}`);
  if (field === 'reason' && exists(`audit.reason.${value}`)) return t(`audit.reason.${value}`);
  return null;
}
