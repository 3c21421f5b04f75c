import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer360 } from '../../../src-shared/contract';
import { errorMessage } from '../../i18n/errors';
import { erasureConfirmed, mergedSurvivorId } from './erasure';
import { useEraseCustomer } from './hooks';

const REASON_MAX = 200;

function EraseForm({ customer, onClose }: { customer: Customer360; onClose(): void }) {
  const { t } = useTranslation();
  const erase = useEraseCustomer();
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ typed?: string; reason?: string }>({});
  const number = customer.customerNo;
  const survivor = mergedSurvivorId(erase.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (erase.isPending) return;
    const found: { typed?: string; reason?: string } = {};
    if (!erasureConfirmed(typed, number)) found.typed = typed.trim() ? t('privacy.confirmMismatch') : t('validation.required');
    if (!reason.trim()) found.reason = t('validation.required');
    setProblems(found);
    erase.reset();
    if (found.typed || found.reason) return;
    erase.mutate(
      { customerId: customer.id, reason: reason.trim() },
      {
        onSuccess: (result) => {
          onClose();
          notifications.show({ color: 'teal', message: t('privacy.done', { number, requests: result.requests, contacts: result.contacts }) });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="erase-form">
      <Stack gap="sm">
        <Text size="sm">{t('privacy.eraseIntro', { number })}</Text>
        <div>
          <Title order={5}>{t('privacy.clearedTitle')}</Title>
          <List size="sm" spacing={2} data-testid="erase-cleared">
            <List.Item>{t('privacy.clearedCustomer')}</List.Item>
            <List.Item>{t('privacy.clearedContacts', { count: customer.contacts.length })}</List.Item>
            <List.Item>{t('privacy.clearedAssets')}</List.Item>
            <List.Item>{t('privacy.clearedRequests')}</List.Item>
          </List>
        </div>
        <div>
          <Title order={5}>{t('privacy.keptTitle')}</Title>
          <Text size="sm" data-testid="erase-kept">
            {t('privacy.kept')}
          </Text>
        </div>
        {erase.error ? (
          <Alert color="red" variant="light" role="alert" data-testid="erase-error">
            <Stack gap={4}>
              <Text size="sm">{errorMessage(t, erase.error)}</Text>
              {survivor !== null ? (
                <Anchor component={Link} to={`/customers/${survivor}`} size="sm" fw={600} onClick={onClose} data-testid="erase-survivor-link">
                  {t('privacy.openSurvivor')}
                </Anchor>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <TextInput
          label={t('privacy.confirmLabel', { number })}
          name="customerNo"
          autoComplete="off"
          required
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          error={problems.typed}
          ff="monospace"
          data-autofocus
          data-testid="erase-confirm-number"
        />
        <TextInput
          label={t('privacy.reason')}
          description={t('privacy.reasonHint')}
          name="reason"
          required
          maxLength={REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={problems.reason}
          data-testid="erase-reason"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" color="red" loading={erase.isPending} data-testid="erase-submit">
            {t('privacy.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * 删除个人信息 (privacy.erase, administrators): says what is cleared and what stays, then
 * asks for the customer number typed out and a reason. Each opening starts afresh.
 */
export function ErasePersonalDataModal({ customer, opened, onClose }: { customer: Customer360; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('privacy.eraseTitle')} size="lg" trapFocus>
      {opened ? <EraseForm customer={customer} onClose={onClose} /> : null}
    </Modal>
  );
}
