import { Combobox, InputBase, Loader, Text, useCombobox } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../src-shared/contract';
import { provinceName } from './provinces';

interface Props {
  label: string;
  placeholder: string;
  /** Whether the form's focus starts here. */
  autoFocus: boolean;
  description?: string;
  error?: string;
  text: string;
  /** The input was typed in: a customer chosen before no longer applies. */
  onType(text: string): void;
  /** The customers found for the text so far. */
  results: CustomerSummary[];
  fetching: boolean;
  /** Whether `results` are those for the text as typed now: only then does Enter take the first option. */
  settled: boolean;
  onPick(customer: CustomerSummary): void;
  /** An option of `children` other than a customer was chosen. */
  onOtherOption?(value: string): void;
  hidden?: boolean;
  inputTestId: string;
  optionTestId: string;
  /** After the customers: further options, or what the list says when empty. */
  children?: ReactNode;
}

/**
 * The input and list of a type-ahead over customers.lookup: each customer by name, with its
 * number, province and phone. Enter takes the highlighted option, or the first one once
 * settled; IME composition is left alone.
 */
export function CustomerTypeahead(props: Props) {
  const { label, placeholder, autoFocus, description, error, text, onType, results, fetching, settled, onPick, onOtherOption, hidden, inputTestId, optionTestId, children } = props;
  const { i18n } = useTranslation();
  const combobox = useCombobox();

  function submit(optionValue: string) {
    const customer = results.find((c) => String(c.id) === optionValue);
    if (customer) onPick(customer);
    else onOtherOption?.(optionValue);
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
          label={label}
          placeholder={placeholder}
          required
          data-autofocus={autoFocus || undefined}
          data-testid={inputTestId}
          value={text}
          error={error}
          description={description}
          rightSection={fetching ? <Loader size="xs" /> : <Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onChange={(e) => {
            onType(e.currentTarget.value);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={onKeyDown}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={hidden}>
        <Combobox.Options mah={260} style={{ overflowY: 'auto' }}>
          {results.map((c) => (
            <Combobox.Option value={String(c.id)} key={c.id} data-testid={optionTestId}>
              <Text size="sm">{c.name}</Text>
              <Text size="xs" c="dimmed">
                {c.customerNo}
                {c.province ? ` · ${provinceName(c.province, i18n.language) ?? c.province}` : ''}
                {c.phone ? ` · ${c.phone}` : ''}
              </Text>
            </Combobox.Option>
          ))}
          {children}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
