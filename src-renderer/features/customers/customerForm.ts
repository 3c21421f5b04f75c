import type { TFunction } from 'i18next';
import type { Contract, Customer360, InputOf } from '../../../src-shared/contract';
import { cleanTags, CUSTOMER_KINDS, CUSTOMER_TIERS, type CustomerKind, type CustomerTier } from '../../../src-shared/domain/customers';
import { fieldErrors } from '../../i18n/errors';
import { oneOf } from '../tickets/vocabulary';
import { isProvinceCode } from './provinces';

export type SaveCustomerInput = InputOf<Contract['customers']['save']>;

/** The customer form's fields, named as customers.save's input paths (tags.3 is 'tags'). */
export const CUSTOMER_FIELDS = ['kind', 'name', 'phone', 'email', 'tier', 'province', 'city', 'district', 'street', 'tags', 'ownerId', 'note'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** The form's values as its inputs hold them: '' is nothing chosen or entered. */
export interface CustomerDraft {
  kind: CustomerKind;
  name: string;
  phone: string;
  email: string;
  tier: CustomerTier;
  /** A province code, or ''. */
  province: string;
  city: string;
  district: string;
  street: string;
  tags: string[];
  /** A user id as text, or ''. */
  ownerId: string;
  note: string;
}

/** The form's starting values: the customer's (editing), or a new company customer of tier 普通. */
export function customerDraft(customer: Customer360 | null): CustomerDraft {
  return {
    kind: customer?.kind ?? 'company',
    name: customer?.name ?? '',
    phone: customer?.phone ?? '',
    email: customer?.email ?? '',
    tier: customer?.tier ?? 'normal',
    province: customer?.province ?? '',
    city: customer?.city ?? '',
    district: customer?.district ?? '',
    street: customer?.street ?? '',
    tags: customer?.tags ?? [],
    ownerId: customer?.owner ? String(customer.owner.id) : '',
    note: customer?.note ?? '',
  };
}

export function isCustomerKind(value: unknown): value is CustomerKind {
  return oneOf(CUSTOMER_KINDS, value);
}

export function isCustomerTier(value: unknown): value is CustomerTier {
  return oneOf(CUSTOMER_TIERS, value);
}

/** The form's values as customers.save's input (main trims and normalizes the phone); tags cleaned as main stores them. */
export function customerInput(customerId: number | null, draft: CustomerDraft): SaveCustomerInput {
  return {
    ...(customerId !== null ? { id: customerId } : {}),
    kind: draft.kind,
    name: draft.name.trim(),
    phone: draft.phone.trim(),
    email: draft.email.trim(),
    tier: draft.tier,
    province: isProvinceCode(draft.province) ? draft.province : null,
    city: draft.city.trim(),
    district: draft.district.trim(),
    street: draft.street.trim(),
    tags: cleanTags(draft.tags),
    ownerId: /^[1-9]\d*$/.test(draft.ownerId) ? Number(draft.ownerId) : null,
    note: draft.note.trim(),
  };
}

/** Problems the form finds before asking main: only a missing name (main checks the rest, in the same words). */
export function customerLocalErrors(t: TFunction, draft: CustomerDraft): Partial<Record<CustomerField, string>> {
  return draft.name.trim() === '' ? { name: t('validation.required') } : {};
}

function customerFieldOf(path: string): CustomerField | null {
  const head = path.split('.')[0] ?? '';
  return oneOf(CUSTOMER_FIELDS, head) ? head : null;
}

/** customers.save's field errors, translated, under the form's fields. */
export function customerFieldErrors(t: TFunction, error: unknown): Partial<Record<CustomerField, string>> {
  return fieldErrors(t, error, customerFieldOf);
}
