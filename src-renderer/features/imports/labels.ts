import type { TFunction } from 'i18next';
import type { FieldKind, ImportEntity } from '../../../src-shared/domain/importFields';

// Catalog keys of the wizard's vocabulary: entities, fields, enum values and rejection reasons.

/** The reasons a dry run gives for a rejected row (RejectedRow.reason); each has imports.reason.<code>. */
export const REJECT_REASONS = [
  'required',
  'invalid',
  'tooLong',
  'email',
  'phone',
  'phoneAreaCode',
  'phoneInvalid',
  'date',
  'datetime',
  'number',
  'money',
  'province',
  'unknownValue',
  'unknownReference',
  'duplicateKey',
  'brokenQuote',
  'taken',
  /** An order line refused because another line of the same order was. */
  'orderRejected',
  /** Lines of one order number that disagree on the customer or the date. */
  'inconsistentOrder',
  /** An end before its start (closed before created, warranty ending before it starts). */
  'beforeStart',
  /** A time after now (a request created in the future). */
  'future',
  /** A row the reader could not make out. */
  'unreadable',
] as const;

/** An entity's name; 'package' names an import run of an export package (several entities). */
export function entityLabel(t: TFunction, entity: ImportEntity | 'package'): string {
  return t(`imports.entity.${entity}`);
}

export function fieldLabelKey(entity: ImportEntity, field: string): string {
  return `imports.field.${entity}.${field}`;
}

/** A field's label; a field the catalog does not know (main's own, e.g. 'row') by its name. */
export function fieldLabel(t: TFunction, entity: ImportEntity | null, field: string): string {
  return entity ? t(fieldLabelKey(entity, field), { defaultValue: field }) : field;
}

/** Why a row was rejected, in words; an unknown code as main gave it. */
export function reasonText(t: TFunction, reason: string): string {
  return /^\w+$/.test(reason) ? t(`imports.reason.${reason}`, { defaultValue: reason }) : reason;
}

/** The hint under a field of this kind, if any (imports.kindHint.<kind>). */
export const KIND_HINTS: readonly FieldKind[] = ['key', 'ref', 'phone', 'date', 'datetime', 'money', 'tags', 'province', 'address', 'int', 'enum'];

export function kindHint(t: TFunction, entity: ImportEntity, field: { name: string; kind: FieldKind; ref?: ImportEntity }): string | null {
  if (field.kind === 'ref') return t(field.ref === 'products' ? 'imports.kindHint.refProduct' : 'imports.kindHint.ref', { entity: field.ref ? entityLabel(t, field.ref) : '' });
  if (entity === 'products' && field.kind === 'key') return t('imports.kindHint.productKey');
  return (KIND_HINTS as readonly string[]).includes(field.kind) ? t(`imports.kindHint.${field.kind}`) : null;
}

/** The catalog key naming an app value of an enum field: the app's own words for it (request, customer and contact vocabulary). */
export function enumValueKey(field: string, value: string): string {
  switch (field) {
    case 'type':
    case 'priority':
    case 'channel':
    case 'status':
      return `ticket.${field}.${value}`;
    case 'kind':
      return `customer360.kind.${value}`;
    case 'tier':
      return `customers.tier.${value}`;
    case 'preferredChannel':
      return `customer360.contacts.channel.${value}`;
    default:
      return `imports.value.${field}.${value}`;
  }
}

export function enumValueLabel(t: TFunction, field: string, value: string): string {
  return t(enumValueKey(field, value), { defaultValue: value });
}
