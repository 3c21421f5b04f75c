import { Combobox, InputBase, Loader, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../src-shared/contract';
import { useCustomerLookup } from './hooks';
import { provinceName } from './provinces';

export type CustomerChoice = { kind: 'existing'; customer: CustomerSummary } | { kind: 'new'; name: string };

const CREATE = '$create';

interface Props {
  text: string;
  onTextChange(text: string): void;
  value: CustomerChoice | null;
  onChange(choice: CustomerChoice | null): void;
  error?: string;
  /** Whether the form's focus starts here (the default). */
  autoFocus?: boolean;
}

/**
 * Type-ahead over customers.lookup (name, customer number or phone). When the typed name
 * matches no customer exactly, the last option creates one. Enter takes the highlighted
 * option, or the first one; IME composition is left alone.
 */
export function CustomerPicker({ text, onTextChange, value, onChange, error, autoFocus = true }: Props) {
  const { t, i18n } = useTranslation();
  const combobox = useCombobox();
  const trimmed = text.trim();
  const [debounced] = useDebouncedValue(trimmed, 200);
  const lookup = useCustomerLookup(debounced);
  const settled = debounced === trimmed && !lookup.isFetching && lookup.isSuccess;
  const results = lookup.data ?? [];
  const exact = results.some((c) => c.name.trim() === trimmed);
  const offerCreate = settled && trimmed.length > 0 && !exact;

  function submit(optionValue: string) {
    if (optionValue === CREATE) {
      onChange({ kind: 'new', name: trimmed });
    } else {
      const customer = results.find((c) => String(c.id) === optionValue);
      if (customer) {
        onChange({ kind: 'existing', customer });
        onTextChange(customer.name);
      }
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
          label={t('newTicket.customer')}
          placeholder={t('newTicket.customerPlaceholder')}
          required
          data-autofocus={autoFocus || undefined}
          data-testid="customer-input"
          value={text}
          error={error}
          description={value?.kind === 'new' ? t('newTicket.newCustomerNote', { name: value.name }) : undefined}
          rightSection={lookup.isFetching ? <Loader size="xs" /> : <Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onChange={(e) => {
            onTextChange(e.currentTarget.value);
            if (value) onChange(null);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={onKeyDown}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={260} style={{ overflowY: 'auto' }}>
          {results.map((c) => (
            <Combobox.Option value={String(c.id)} key={c.id} data-testid="customer-option">
              <Text size="sm">{c.name}</Text>
              <Text size="xs" c="dimmed">
                {c.customerNo}
                {c.province ? ` · ${provinceName(c.province, i18n.language) ?? c.province}` : ''}
                {c.phone ? ` · ${c.phone}` : ''}
              </Text>
            </Combobox.Option>
          ))}
          {offerCreate ? (
            <Combobox.Option value={CREATE} data-testid="customer-create">
              <Text size="sm" fw={500} c="teal">
                {t('newTicket.createCustomer', { name: trimmed })}
              </Text>
            </Combobox.Option>
          ) : null}
          {!settled && results.length === 0 ? <Combobox.Empty>{t('newTicket.searching')}</Combobox.Empty> : null}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
