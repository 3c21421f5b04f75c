import { Combobox, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../src-shared/contract';
import { CustomerTypeahead } from './CustomerTypeahead';
import { useCustomerLookup } from './hooks';

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
  const { t } = useTranslation();
  const trimmed = text.trim();
  const [debounced] = useDebouncedValue(trimmed, 200);
  const lookup = useCustomerLookup(debounced);
  const settled = debounced === trimmed && !lookup.isFetching && lookup.isSuccess;
  const results = lookup.data ?? [];
  const exact = results.some((c) => c.name.trim() === trimmed);
  const offerCreate = settled && trimmed.length > 0 && !exact;

  return (
    <CustomerTypeahead
      label={t('newTicket.customer')}
      placeholder={t('newTicket.customerPlaceholder')}
      autoFocus={autoFocus}
      description={value?.kind === 'new' ? t('newTicket.newCustomerNote', { name: value.name }) : undefined}
      error={error}
      text={text}
      onType={(typed) => {
        onTextChange(typed);
        if (value) onChange(null);
      }}
      results={results}
      fetching={lookup.isFetching}
      settled={settled}
      onPick={(customer) => {
        onChange({ kind: 'existing', customer });
        onTextChange(customer.name);
      }}
      onOtherOption={(optionValue) => {
        if (optionValue === CREATE) onChange({ kind: 'new', name: trimmed });
      }}
      inputTestId="customer-input"
      optionTestId="customer-option"
    >
      {offerCreate ? (
        <Combobox.Option value={CREATE} data-testid="customer-create">
          <Text size="sm" fw={500} c="teal">
            {t('newTicket.createCustomer', { name: trimmed })}
          </Text>
        </Combobox.Option>
      ) : null}
      {!settled && results.length === 0 ? <Combobox.Empty>{t('newTicket.searching')}</Combobox.Empty> : null}
    </CustomerTypeahead>
  );
}
