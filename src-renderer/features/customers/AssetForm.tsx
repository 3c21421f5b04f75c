import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerAsset } from '../../../src-shared/contract';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { saveErrors } from '../../ui/formErrors';
import { useSession } from '../auth/hooks';
import { agreementOptions } from '../sla/agreementChoices';
import { useAgreements } from '../sla/hooks';
import { assetDraft, assetFieldErrors, assetInput, productLabel, type AssetDraft, type AssetField } from './assets';
import { useProducts, useSaveAsset } from './hooks';

interface Props {
  customerId: number;
  /** null: a new installed product. */
  asset: CustomerAsset | null;
  onSaved(asset: CustomerAsset): void;
  onCancel(): void;
}

/** Adds or edits one of the customer's installed products (已购产品) with its warranty. */
export function AssetForm({ customerId, asset, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const save = useSaveAsset();
  const products = useProducts();
  const agreements = useAgreements();
  const canChooseAgreement = useSession().data?.permissions.includes('sla.manage') ?? false;
  const [draft, setDraft] = useState<AssetDraft>(() => assetDraft(asset));

  const { server: errors, general } = saveErrors(t, save.error, assetFieldErrors);

  function set(field: AssetField) {
    return (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setDraft((d) => ({ ...d, [field]: value }));
    };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate(assetInput(customerId, asset?.id ?? null, draft), { onSuccess: onSaved });
  }

  // Dates as the request form takes them: the browser's date input, which gives YYYY-MM-DD or ''.
  const dateInput = (field: AssetField, label: string, testId: string) => (
    <TextInput type="date" label={label} value={draft[field]} onChange={set(field)} error={errors[field]} data-testid={testId} />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="asset-form">
      <Stack gap="sm">
        <FormError message={general} testId="asset-error" />
        <ErrorAlert error={products.error ?? agreements.error} />
        <NativeSelect
          label={t('customer360.assets.product')}
          value={draft.productId}
          onChange={set('productId')}
          error={errors.productId}
          data={[{ value: '', label: t('customer360.assets.productNone') }, ...(products.data ?? []).map((p) => ({ value: String(p.id), label: productLabel(p) }))]}
          data-autofocus
          data-testid="asset-product"
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('customer360.assets.serialNo')}
            maxLength={100}
            value={draft.serialNo}
            onChange={set('serialNo')}
            error={errors.serialNo}
            ff="monospace"
            data-testid="asset-serial"
          />
          {dateInput('installDate', t('customer360.assets.installDate'), 'asset-install-date')}
        </SimpleGrid>
        <TextInput
          label={t('customer360.assets.location')}
          placeholder={t('customer360.assets.locationHint')}
          maxLength={200}
          value={draft.location}
          onChange={set('location')}
          error={errors.location}
          data-testid="asset-location"
        />
        <SimpleGrid cols={2}>
          {dateInput('warrantyStart', t('customer360.assets.warrantyStart'), 'asset-warranty-start')}
          {dateInput('warrantyEnd', t('customer360.assets.warrantyEnd'), 'asset-warranty-end')}
        </SimpleGrid>
        <NativeSelect
          label={t('customer360.assets.warrantyAgreement')}
          description={t('customer360.assets.warrantyAgreementHint')}
          value={draft.agreementId}
          onChange={set('agreementId')}
          error={errors.agreementId}
          // The warranty's agreement sets the SLA terms of the unit's requests: only those who
          // manage agreements choose it (main refuses anyone else); others see what it is.
          disabled={!canChooseAgreement}
          // An agreement since deactivated stays listed while it is this product's, so the select shows it.
          data={agreementOptions(agreements.data ?? [], asset?.agreement?.id ?? null, t('customer360.assets.defaultAgreement'))}
          data-testid="asset-agreement"
        />
        <FormActions saveLabel={t('customer360.assets.save')} pending={save.isPending} onCancel={onCancel} testId="asset-save" />
      </Stack>
    </form>
  );
}
