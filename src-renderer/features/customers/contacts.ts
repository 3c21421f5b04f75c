import type { TFunction } from 'i18next';
import type { Contract, CustomerContact, InputOf } from '../../../src-shared/contract';
import { CONTACT_CHANNELS } from '../../../src-shared/domain/customers';
import { fieldErrors } from '../../i18n/errors';
import { oneOf } from '../tickets/vocabulary';

export type SaveContactInput = InputOf<Contract['customers']['saveContact']>;

/** The contact form's fields, named as customers.saveContact's input paths. */
export const CONTACT_FIELDS = ['name', 'phone', 'email', 'role', 'preferredChannel'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The form's values as its inputs hold them; '' is nothing entered (preferredChannel: no preference). */
export type ContactDraft = Record<ContactField, string>;

export function contactDraft(contact: CustomerContact | null): ContactDraft {
  return {
    name: contact?.name ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    role: contact?.role ?? '',
    preferredChannel: contact?.preferredChannel ?? '',
  };
}

export function contactInput(customerId: number, contactId: number | null, draft: ContactDraft): SaveContactInput {
  return {
    ...(contactId !== null ? { id: contactId } : {}),
    customerId,
    name: draft.name.trim(),
    phone: draft.phone.trim(),
    email: draft.email.trim(),
    role: draft.role.trim(),
    preferredChannel: oneOf(CONTACT_CHANNELS, draft.preferredChannel) ? draft.preferredChannel : null,
  };
}

function contactFieldOf(path: string): ContactField | null {
  return oneOf(CONTACT_FIELDS, path) ? path : null;
}

/** saveContact's field errors, translated, under the form's fields. */
export function contactFieldErrors(t: TFunction, error: unknown): Partial<Record<ContactField, string>> {
  return fieldErrors(t, error, contactFieldOf);
}
