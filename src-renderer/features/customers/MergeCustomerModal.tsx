import { Alert, Button, Combobox, Group, Modal, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CustomerSummary } from '../../../src-shared/contract';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { CustomerTypeahead } from './CustomerTypeahead';
import { useCustomerLookup, useMergeCustomers } from './hooks';

/** Type-ahead over customers.lookup (name, number or phone) choosing one customer other than `excludeId`. */
function CustomerSearch({ excludeId, value, onChange, error }: { excludeId: number; value: CustomerSummary | null; onChange(c: CustomerSummary | null): void; error?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value?.name ?? '');
  const trimmed = text.trim();
  const [debounced] = useDebouncedValue(trimmed, 200);
  const lookup = useCustomerLookup(debounced, debounced !== '');
  const settled = debounced === trimmed && !lookup.isFetching;
  const results = debounced === '' ? [] : (lookup.data ?? []).filter((c) => c.id !== excludeId);

  return (
    <CustomerTypeahead
      label={t('merge.target')}
      placeholder={t('merge.targetPlaceholder')}
      autoFocus
      error={error}
      text={text}
      onType={(typed) => {
        setText(typed);
        if (value) onChange(null);
      }}
      results={results}
      fetching={lookup.isFetching}
      settled={settled}
      onPick={(customer) => {
        onChange(customer);
        setText(customer.name);
      }}
      hidden={trimmed === ''}
      inputTestId="merge-target-input"
      optionTestId="merge-target-option"
    >
      {results.length === 0 ? <Combobox.Empty>{settled ? t('merge.nothingFound') : t('merge.searching')}</Combobox.Empty> : null}
    </CustomerTypeahead>
  );
}

/**
 * 合并客户: merges this customer (`from`) into another one chosen by type-ahead, after a
 * confirmation that names both and says what moves; then the surviving customer's page opens.
 */
export function MergeCustomerModal({ opened, from, onClose }: { opened: boolean; from: { id: number; name: string; customerNo: string }; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergeCustomers();
  const [into, setInto] = useState<CustomerSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);

  const server = merge.error ? fieldErrors(t, merge.error, (path) => (path === 'intoId' || path === 'fromId' ? 'intoId' : null)) : {};
  const general = merge.error && Object.keys(server).length === 0 ? errorMessage(t, merge.error) : null;

  function close() {
    setInto(null);
    setConfirming(false);
    setMissing(false);
    merge.reset();
    onClose();
  }

  function next() {
    if (!into) {
      setMissing(true);
      return;
    }
    merge.reset();
    setConfirming(true);
  }

  function confirm() {
    if (!into || merge.isPending) return;
    const target = into;
    merge.mutate(
      { fromId: from.id, intoId: target.id },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'teal', message: t('merge.done', { name: target.name, ...result.moved }) });
          close();
          void navigate(`/customers/${result.intoId}`);
        },
      },
    );
  }

  const names = into ? { from: from.name, fromNo: from.customerNo, into: into.name, intoNo: into.customerNo } : null;

  return (
    <Modal opened={opened} onClose={close} title={confirming ? t('merge.confirmTitle') : t('merge.title')} size="lg" trapFocus>
      {confirming && names ? (
        <Stack gap="sm" data-testid="merge-confirm-dialog">
          <Text fw={600} data-testid="merge-confirm-text">
            {t('merge.confirm', names)}
          </Text>
          <Alert color="yellow" variant="light">
            <Stack gap={6}>
              <Text size="sm" data-testid="merge-moves">
                {t('merge.moves', names)}
              </Text>
              <Text size="sm">{t('merge.keeps', names)}</Text>
            </Stack>
          </Alert>
          <FormError message={general ?? server.intoId ?? null} testId="merge-error" />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('merge.back')}
            </Button>
            <Group gap="xs">
              {/* Cancel has the focus: Enter does no harm. */}
              <Button variant="default" onClick={close} data-autofocus>
                {t('app.cancel')}
              </Button>
              <Button color="red" onClick={confirm} loading={merge.isPending} data-testid="merge-confirm">
                {t('merge.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
          noValidate
          data-testid="merge-form"
        >
          <Stack gap="sm">
            <Text size="sm">{t('merge.intro', { name: from.name })}</Text>
            <CustomerSearch
              excludeId={from.id}
              value={into}
              onChange={(c) => {
                setInto(c);
                setMissing(false);
              }}
              error={missing ? t('merge.chooseTarget') : undefined}
            />
            <Group justify="flex-end" gap="xs" mt="sm">
              <Button variant="default" onClick={close}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" data-testid="merge-next">
                {t('merge.next')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
