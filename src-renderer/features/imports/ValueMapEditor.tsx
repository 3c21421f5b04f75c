import { ActionIcon, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField, ImportEntity } from '../../../src-shared/domain/importFields';
import { enumValueLabel, fieldLabel } from './labels';
import type { ValueRow } from './mapping';

interface Props {
  entity: ImportEntity;
  field: ImportField;
  rows: readonly ValueRow[];
  onChange(rows: ValueRow[]): void;
}

/**
 * Source word → app value for one enum field (e.g. old priorities 1–5 → 低/普通/高/紧急).
 * Starts from the words seen in the sample; the dry run's unknown values join it.
 */
export function ValueMapEditor({ entity, field, rows, onChange }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState('');
  const values = field.values ?? [];
  const options = [{ value: '', label: t('imports.values.unmapped') }, ...values.map((v) => ({ value: v, label: enumValueLabel(t, field.name, v) }))];
  const label = fieldLabel(t, entity, field.name);

  function add(event: FormEvent) {
    event.preventDefault();
    const source = adding.trim();
    if (!source || rows.some((r) => r.source === source)) return setAdding('');
    onChange([...rows, { source, target: null }]);
    setAdding('');
  }

  return (
    <Paper withBorder p="sm" data-testid={`value-editor-${field.name}`}>
      <Stack gap="xs">
        <Title order={5}>{t('imports.values.title', { field: label })}</Title>
        <Text size="xs" c="dimmed">
          {t('imports.values.hint', { values: values.map((v) => enumValueLabel(t, field.name, v)).join(t('app.listSeparator')) })}
        </Text>
        {rows.length > 0 ? (
          <Table withTableBorder maw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.values.source')}</Table.Th>
                <Table.Th>{t('imports.values.target')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                <Table.Tr key={row.source} data-testid="value-row" data-source={row.source} data-target={row.target ?? ''}>
                  <Table.Td ff="monospace">{row.source}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('imports.values.targetFor', { source: row.source })}
                      data={options}
                      value={row.target ?? ''}
                      onChange={(e) => {
                        const target = e.currentTarget.value || null;
                        onChange(rows.map((r, j) => (j === i ? { ...r, target } : r)));
                      }}
                      data-testid="value-target"
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => onChange(rows.filter((_r, j) => j !== i))}
                      aria-label={t('imports.values.remove', { source: row.source })}
                      data-testid="value-remove"
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <form onSubmit={add}>
          <Group gap="xs" align="flex-end">
            <TextInput
              label={t('imports.values.add')}
              placeholder={t('imports.values.addPlaceholder')}
              value={adding}
              onChange={(e) => setAdding(e.currentTarget.value)}
              maxLength={200}
              size="xs"
              data-testid="value-add-input"
            />
            <Button type="submit" size="xs" variant="default" disabled={!adding.trim()} data-testid="value-add">
              {t('imports.values.addButton')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
