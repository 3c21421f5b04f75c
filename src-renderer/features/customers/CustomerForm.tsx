import { Modal, NativeSelect, SegmentedControl, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Customer360, CustomerSummary } from '../../../src-shared/contract';
import { CUSTOMER_KINDS, CUSTOMER_TIERS } from '../../../src-shared/domain/customers';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { saveErrors } from '../../ui/formErrors';
import { useUserOptions } from '../users/hooks';
import {
  customerDraft,
  customerFieldErrors,
  customerInput,
  customerLocalErrors,
  isCustomerKind,
  isCustomerTier,
  type CustomerDraft,
  type CustomerField,
} from './customerForm';
import { useCustomerTags, useSaveCustomer } from './hooks';
import { PossibleDuplicates } from './PossibleDuplicates';
import { provinceGroups } from './provinces';

interface Props {
  /** null: a new customer. */
  customer: Customer360 | null;
  onSaved(saved: { id: number; customerNo: string; name: string }): void;
  onCancel(): void;
  /** A possible duplicate was chosen instead of creating a new customer. */
  onOpenExisting(customer: CustomerSummary): void;
}

/**
 * Creates or edits a customer's profile (客户资料): kind, name, phone, email, tier, address,
 * tags, account manager and note. While a new customer is typed, existing ones with the same
 * name or phone are offered to open instead.
 */
export function CustomerForm({ customer, onSaved, onCancel, onOpenExisting }: Props) {
  const { t, i18n } = useTranslation();
  const save = useSaveCustomer();
  const tags = useCustomerTags();
  const users = useUserOptions();
  const [draft, setDraft] = useState<CustomerDraft>(() => customerDraft(customer));
  const [local, setLocal] = useState<Partial<Record<CustomerField, string>>>({});
  // Fields changed since main refused them: their refusal no longer applies to what they hold.
  const [edited, setEdited] = useState<ReadonlySet<CustomerField>>(new Set());

  const { server, general } = saveErrors(t, save.error, customerFieldErrors);
  const errors: Partial<Record<CustomerField, string>> = { ...local };
  for (const [field, message] of Object.entries(server) as [CustomerField, string][]) if (!edited.has(field)) errors[field] ??= message;

  function set<F extends CustomerField>(field: F, value: CustomerDraft[F]) {
    setDraft((d) => ({ ...d, [field]: value }));
    if (save.error && !edited.has(field)) setEdited(new Set(edited).add(field));
    if (local[field]) setLocal(({ [field]: _, ...rest }) => rest);
  }

  function text(field: 'name' | 'phone' | 'email' | 'city' | 'district' | 'street' | 'note' | 'province' | 'ownerId') {
    return (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const problems = customerLocalErrors(t, draft);
    setLocal(problems);
    setEdited(new Set());
    if (Object.keys(problems).length > 0) return;
    const input = customerInput(customer?.id ?? null, draft);
    save.mutate(input, { onSuccess: (saved) => onSaved({ ...saved, name: input.name }) });
  }

  // The account manager: the users who can own work; the current one stays listed even if not among them.
  const owners = (users.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }));
  if (customer?.owner && !owners.some((o) => o.value === String(customer.owner?.id))) {
    owners.unshift({ value: String(customer.owner.id), label: customer.owner.name });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="customer-form">
      <Stack gap="sm">
        <FormError message={general} testId="customer-form-error" />
        <ErrorAlert error={tags.error ?? users.error} />
        <SimpleGrid cols={2}>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="customer-form-kind-label">
              {t('customers.form.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="customer-form-kind-label"
              value={draft.kind}
              onChange={(value) => {
                if (isCustomerKind(value)) set('kind', value);
              }}
              data={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`customer360.kind.${k}`) }))}
              data-testid="customer-form-kind"
            />
          </Stack>
          <NativeSelect
            label={t('customers.form.tier')}
            value={draft.tier}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isCustomerTier(value)) set('tier', value);
            }}
            error={errors.tier}
            data={CUSTOMER_TIERS.map((x) => ({ value: x, label: t(`customers.tier.${x}`) }))}
            data-testid="customer-form-tier"
          />
        </SimpleGrid>
        <TextInput
          label={t('customers.form.name')}
          name="name"
          required
          maxLength={100}
          value={draft.name}
          onChange={text('name')}
          error={errors.name}
          data-autofocus
          data-testid="customer-form-name"
        />
        {customer === null ? (
          <PossibleDuplicates
            name={draft.name}
            phone={draft.phone}
            onUse={onOpenExisting}
            hint={t('customers.form.duplicatesHint')}
            useLabel={t('customers.form.openExisting')}
          />
        ) : null}
        <SimpleGrid cols={2}>
          <TextInput
            label={t('customers.form.phone')}
            placeholder={t('customers.form.phoneHint')}
            name="phone"
            type="tel"
            maxLength={40}
            value={draft.phone}
            onChange={text('phone')}
            error={errors.phone}
            data-testid="customer-form-phone"
          />
          <TextInput
            label={t('customers.form.email')}
            name="email"
            type="email"
            maxLength={254}
            value={draft.email}
            onChange={text('email')}
            error={errors.email}
            data-testid="customer-form-email"
          />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <NativeSelect
            label={t('customers.form.province')}
            name="province"
            value={draft.province}
            onChange={text('province')}
            error={errors.province}
            data={[{ value: '', label: t('customers.form.provinceNone') }, ...provinceGroups(t, i18n.language)]}
            data-testid="customer-form-province"
          />
          <TextInput label={t('customers.form.city')} name="city" maxLength={50} value={draft.city} onChange={text('city')} error={errors.city} data-testid="customer-form-city" />
          <TextInput
            label={t('customers.form.district')}
            name="district"
            maxLength={50}
            value={draft.district}
            onChange={text('district')}
            error={errors.district}
            data-testid="customer-form-district"
          />
        </SimpleGrid>
        <TextInput
          label={t('customers.form.street')}
          placeholder={t('customers.form.streetPlaceholder')}
          name="street"
          maxLength={200}
          value={draft.street}
          onChange={text('street')}
          error={errors.street}
          data-testid="customer-form-street"
        />
        <SimpleGrid cols={2}>
          <NativeSelect
            label={t('customers.form.owner')}
            name="owner"
            value={draft.ownerId}
            onChange={text('ownerId')}
            error={errors.ownerId}
            data={[{ value: '', label: t('customers.form.ownerNone') }, ...owners]}
            data-testid="customer-form-owner"
          />
          <TagsInput
            label={t('customers.form.tags')}
            description={t('customers.form.tagsHint')}
            value={draft.tags}
            onChange={(value) => set('tags', value)}
            data={tags.data ?? []}
            maxTags={20}
            maxLength={30}
            clearable
            error={errors.tags}
            comboboxProps={{ withinPortal: false }}
            data-testid="customer-form-tags"
          />
        </SimpleGrid>
        <Textarea
          label={t('customers.form.note')}
          name="note"
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          value={draft.note}
          onChange={text('note')}
          error={errors.note}
          data-testid="customer-form-note"
        />
        <FormActions saveLabel={t('customers.form.save')} pending={save.isPending} onCancel={onCancel} testId="customer-form-save" />
      </Stack>
    </form>
  );
}

/**
 * The customer form in a modal: a new customer (customer = null) opens its 360 page once
 * saved; an edit stays on the page; a possible duplicate opens the existing customer instead.
 */
export function CustomerFormModal({ opened, customer, onClose }: { opened: boolean; customer: Customer360 | null; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  function onSaved(saved: { id: number; customerNo: string; name: string }) {
    onClose();
    if (customer) {
      notifications.show({ color: 'teal', message: t('customers.form.saved', { name: saved.name }) });
    } else {
      notifications.show({ color: 'teal', message: t('customers.form.created', { name: saved.name, number: saved.customerNo }) });
      void navigate(`/customers/${saved.id}`);
    }
  }

  function openExisting(existing: CustomerSummary) {
    onClose();
    void navigate(`/customers/${existing.id}`);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={customer ? t('customers.form.editTitle') : t('customers.form.addTitle')} size="xl" trapFocus>
      {opened ? <CustomerForm key={customer?.id ?? 'new'} customer={customer} onSaved={onSaved} onCancel={onClose} onOpenExisting={openExisting} /> : null}
    </Modal>
  );
}
