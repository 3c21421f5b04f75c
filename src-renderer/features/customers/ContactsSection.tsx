import { Button, Modal, NativeSelect, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerContact } from '../../../src-shared/contract';
import { CONTACT_CHANNELS } from '../../../src-shared/domain/customers';
import { ConfirmRemoveModal } from '../../ui/ConfirmRemoveModal';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { saveErrors } from '../../ui/formErrors';
import { contactDraft, contactFieldErrors, contactInput, type ContactDraft, type ContactField } from './contacts';
import { useRemoveContact, useSaveContact } from './hooks';
import { removeActions } from './removeActions';
import { Empty, RowActions, Section } from './Section';

interface FormProps {
  customerId: number;
  /** null: a new contact. */
  contact: CustomerContact | null;
  onSaved(contact: CustomerContact): void;
  onCancel(): void;
}

/** Adds or edits one of the customer's contacts: name, role, phone, email and how they like to be reached. */
function ContactForm({ customerId, contact, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const save = useSaveContact();
  const [draft, setDraft] = useState<ContactDraft>(() => contactDraft(contact));
  const [local, setLocal] = useState<Partial<Record<ContactField, string>>>({});

  const { server, general } = saveErrors(t, save.error, contactFieldErrors);
  const errors = { ...server, ...local };

  function set(field: ContactField) {
    return (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setDraft((d) => ({ ...d, [field]: value }));
    };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const problems = draft.name.trim() === '' ? { name: t('validation.required') } : {};
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate(contactInput(customerId, contact?.id ?? null, draft), { onSuccess: onSaved });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Stack gap="sm">
        <FormError message={general} testId="contact-form-error" />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('customer360.contacts.name')}
            name="name"
            required
            maxLength={100}
            value={draft.name}
            onChange={set('name')}
            error={errors.name}
            data-autofocus
            data-testid="contact-form-name"
          />
          <TextInput
            label={t('customer360.contacts.role')}
            placeholder={t('customer360.contacts.rolePlaceholder')}
            name="role"
            maxLength={50}
            value={draft.role}
            onChange={set('role')}
            error={errors.role}
            data-testid="contact-form-role"
          />
          <TextInput
            label={t('customer360.contacts.phone')}
            name="phone"
            type="tel"
            maxLength={40}
            value={draft.phone}
            onChange={set('phone')}
            error={errors.phone}
            data-testid="contact-form-phone"
          />
          <TextInput
            label={t('customer360.contacts.email')}
            name="email"
            type="email"
            maxLength={254}
            value={draft.email}
            onChange={set('email')}
            error={errors.email}
            data-testid="contact-form-email"
          />
        </SimpleGrid>
        <NativeSelect
          label={t('customer360.contacts.preferredChannel')}
          name="preferredChannel"
          value={draft.preferredChannel}
          onChange={set('preferredChannel')}
          error={errors.preferredChannel}
          data={[{ value: '', label: t('customer360.contacts.channelNone') }, ...CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`customer360.contacts.channel.${c}`) }))]}
          w={200}
          data-testid="contact-form-channel"
        />
        <FormActions saveLabel={t('customer360.contacts.save')} pending={save.isPending} onCancel={onCancel} testId="contact-form-save" />
      </Stack>
    </form>
  );
}

/** Asks before a contact is deleted; main refuses while a request names the contact, and the dialog says so. */
function RemoveContactModal({ contact, onClose }: { contact: CustomerContact | null; onClose(): void }) {
  const { t } = useTranslation();
  const remove = useRemoveContact();
  const name = contact?.name ?? '';
  const { close, confirm } = removeActions(remove, contact, t('customer360.contacts.removed', { name }), onClose);

  return (
    <ConfirmRemoveModal
      opened={contact !== null}
      title={t('customer360.contacts.removeTitle')}
      message={t('customer360.contacts.removeConfirm', { name })}
      confirmLabel={t('customer360.contacts.remove')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={confirm}
      onClose={close}
      testId="contact-remove"
    />
  );
}

/** The customer's contacts; holders of customers.manage add, edit and delete them here. */
export function ContactsSection({ customerId, contacts, canManage }: { customerId: number; contacts: CustomerContact[]; canManage: boolean }) {
  const { t } = useTranslation();
  // undefined: closed; null: a new contact; a contact: editing it.
  const [editing, setEditing] = useState<CustomerContact | null | undefined>(undefined);
  const [removing, setRemoving] = useState<CustomerContact | null>(null);
  const notSet = t('app.notSet');

  function onSaved(contact: CustomerContact) {
    setEditing(undefined);
    notifications.show({ color: 'teal', message: t('customer360.contacts.saved', { name: contact.name }) });
  }

  const addButton = canManage ? (
    <Button size="xs" variant="light" onClick={() => setEditing(null)} data-testid="contact-add">
      {t('customer360.contacts.add')}
    </Button>
  ) : null;

  return (
    <Section title={t('customer360.contacts.title')} testId="customer-contacts" action={addButton}>
      {contacts.length === 0 ? (
        <Empty text={t('customer360.contacts.empty')} testId="customer-contacts-empty" />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th>{t('customer360.contacts.name')}</Table.Th>
                <Table.Th>{t('customer360.contacts.role')}</Table.Th>
                <Table.Th>{t('customer360.contacts.phone')}</Table.Th>
                <Table.Th>{t('customer360.contacts.email')}</Table.Th>
                <Table.Th>{t('customer360.contacts.preferredChannel')}</Table.Th>
                {canManage ? <Table.Th w={120} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((c) => (
                <Table.Tr key={c.id} data-testid="customer-contact" data-contact-id={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.role ?? notSet}</Table.Td>
                  <Table.Td>{c.phone ?? notSet}</Table.Td>
                  <Table.Td>{c.email ?? notSet}</Table.Td>
                  <Table.Td data-testid="contact-channel">{c.preferredChannel ? t(`customer360.contacts.channel.${c.preferredChannel}`) : notSet}</Table.Td>
                  {canManage ? (
                    <RowActions
                      editLabel={t('customer360.contacts.edit')}
                      removeLabel={t('customer360.contacts.remove')}
                      onEdit={() => setEditing(c)}
                      onRemove={() => setRemoving(c)}
                      testId="contact"
                    />
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('customer360.contacts.editTitle') : t('customer360.contacts.addTitle')}
        size="lg"
        trapFocus
      >
        {editing !== undefined ? (
          <ContactForm key={editing?.id ?? 'new'} customerId={customerId} contact={editing} onSaved={onSaved} onCancel={() => setEditing(undefined)} />
        ) : null}
      </Modal>
      <RemoveContactModal contact={removing} onClose={() => setRemoving(null)} />
    </Section>
  );
}
