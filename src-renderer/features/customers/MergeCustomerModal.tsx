import { Alert, Button, Combobox, Group, InputBase, Loader, Modal, Stack, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CustomerSummary } from '../../../src-shared/contract';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { useCustomerLookup, useMergeCustomers } from './hooks';
import { provinceName } from './provinces';

/** Type-ahead over customers.lookup (name, number or phone) choosing one customer other than `excludeId`. */
function CustomerSearch({ excludeId, value, onChange, error }: { excludeId: number; value: CustomerSummary | null; onChange(c: CustomerSummary | null): void; error?: string }) {
  const { t, i18n } = useTranslation();
  const combobox = useCombobox();
  const [text, setText] = useState(value?.name ?? '');
  const trimmed = text.trim();
  const [debounced] = useDebouncedValue(trimmed, 200);
  const lookup = useCustomerLookup(debounced, debounced !== '');
  const settled = debounced === trimmed && !lookup.isFetching;
  const results = debounced === '' ? [] : (lookup.data ?? []).filter((c) => c.id !== excludeId);

  function submit(optionValue: string) {
    const customer = results.find((c) => String(c.id) === optionValue);
    if (customer) {
      onChange(customer);
      setText(customer.name);
    }
    combobox.closeDropdown();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (settled && combobox.dropdownOpened && combobox.getSelectedOptionIndex() === -1) combobox.selectFirstOption();
  }

  return (
    <Combobox store={combobox} onOptionSubmit={submit} withinPortal={false}>
      <Combobox.Target>
        <InputBase
          label={t('merge.target')}
          placeholder={t('merge.targetPlaceholder')}
          required
          data-autofocus
          value={text}
          error={error}
          rightSection={lookup.isFetching ? <Loader size="xs" /> : <Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onChange={(e) => {
            setText(e.currentTarget.value);
            if (value) onChange(null);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={onKeyDown}
          data-testid="merge-target-input"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={trimmed === ''}>
        <Combobox.Options mah={260} style={{ overflowY: 'auto' }}>
          {results.map((c) => (
            <Combobox.Option value={String(c.id)} key={c.id} data-testid="merge-target-option">
              <Text size="sm">{c.name}</Text>
              <Text size="xs" c="dimmed">
                {c.customerNo}
                {c.province ? ` · ${provinceName(c.province, i18n.language) ?? c.province}` : ''}
                {c.phone ? ` · ${c.phone}` : ''}
              </Text>
            </Combobox.Option>
          ))}
          {results.length === 0 ? <Combobox.Empty>{settled ? t('merge.nothingFound') : t('merge.searching')}</Combobox.Empty> : null}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
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
          {general || server.intoId ? (
            <Text c="red" size="sm" role="alert" data-testid="merge-error">
              {general ?? server.intoId}
            </Text>
          ) : null}
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
