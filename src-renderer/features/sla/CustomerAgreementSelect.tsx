import { Button, Group, NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/errors';
import { agreementOptions } from './agreementChoices';
import { useAgreements, useSetCustomerAgreement } from './hooks';

/**
 * Sets the customer's own service agreement (administrators); it applies to requests
 * created from then on. Kept out of the tab order like the rest of the panel, so keyboard
 * intake flows past it.
 */
export function CustomerAgreementSelect({ customerId, current }: { customerId: number; current: number | null }) {
  const { t } = useTranslation();
  const agreements = useAgreements();
  const setAgreement = useSetCustomerAgreement();
  // '' is "no agreement of their own" (the default agreement then applies).
  const initial = current === null ? '' : String(current);
  const [choice, setChoice] = useState(initial);

  function apply() {
    if (choice === initial) return;
    const agreementId = choice === '' ? null : Number(choice);
    const name = agreements.data?.find((a) => a.id === agreementId)?.name;
    setAgreement.mutate(
      { customerId, agreementId },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: name ? t('slaAdmin.customerAgreement.saved', { name }) : t('slaAdmin.customerAgreement.cleared'),
          });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );
  }

  return (
    <Group gap="xs" wrap="nowrap" mt="xs" data-testid="customer-agreement">
      <NativeSelect
        size="xs"
        aria-label={t('slaAdmin.customerAgreement.label')}
        value={choice}
        onChange={(e) => setChoice(e.currentTarget.value)}
        // The customer's current agreement stays listed even when inactive, so the select shows it.
        data={agreementOptions(agreements.data ?? [], current, t('slaAdmin.customerAgreement.none'))}
        tabIndex={-1}
        style={{ flex: 1 }}
        data-testid="customer-agreement-select"
      />
      <Button size="xs" variant="light" onClick={apply} disabled={choice === initial} loading={setAgreement.isPending} tabIndex={-1} data-testid="customer-agreement-apply">
        {t('slaAdmin.customerAgreement.apply')}
      </Button>
    </Group>
  );
}
