import { Alert, Badge, Button, Checkbox, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMapping, ImportTemplate, UploadedTable } from '../../../src-shared/contract';
import { IMPORT_FIELDS, type ImportEntity } from '../../../src-shared/domain/importFields';
import { errorMessage } from '../../i18n/errors';
import { ConfirmRemoveModal } from '../../ui/ConfirmRemoveModal';
import { useRemoveTemplate, useSaveTemplate, useTemplates } from './hooks';
import { entityLabel, fieldLabel, kindHint } from './labels';
import { distinctValues, mappedEnumFields, WIZARD_ENTITIES, type ColumnChoice, type ValueRow } from './mapping';
import { ValueMapEditor } from './ValueMapEditor';

export interface MappingState {
  entity: ImportEntity | null;
  columns: ColumnChoice;
  values: Record<string, ValueRow[]>;
  dayFirst: boolean;
}

/** Load, save and delete named mappings for the entity (a monthly export from the old system maps the same way each time). */
function TemplatesBar({ entity, mapping, onLoad }: { entity: ImportEntity; mapping: ImportMapping; onLoad(template: ImportTemplate): void }) {
  const { t } = useTranslation();
  const templates = useTemplates(entity);
  const save = useSaveTemplate();
  const remove = useRemoveTemplate(entity);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState(false);
  const list = templates.data ?? [];
  const selected = list.find((tpl) => String(tpl.id) === chosen) ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || save.isPending) return;
    save.mutate(
      { entity, name: trimmed, mapping },
      {
        onSuccess: (template) => {
          setName('');
          setChosen(String(template.id));
          notifications.show({ color: 'teal', message: t('imports.templates.saved', { name: template.name }) });
        },
      },
    );
  }

  return (
    <Paper withBorder p="sm" data-testid="mapping-templates">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Group align="flex-end" gap="xs">
          <NativeSelect
            label={t('imports.templates.load')}
            data={[{ value: '', label: list.length > 0 ? t('imports.templates.choose') : t('imports.templates.none') }, ...list.map((tpl) => ({ value: String(tpl.id), label: tpl.name }))]}
            value={chosen}
            disabled={list.length === 0}
            onChange={(e) => {
              const id = e.currentTarget.value;
              setChosen(id);
              const template = list.find((tpl) => String(tpl.id) === id);
              if (template) onLoad(template);
            }}
            miw={220}
            data-testid="template-select"
          />
          <Button variant="subtle" color="red" disabled={!selected} onClick={() => setConfirming(true)} data-testid="template-remove">
            {t('imports.templates.remove')}
          </Button>
        </Group>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('imports.templates.saveAs')}
              placeholder={t('imports.templates.namePlaceholder')}
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="template-name"
            />
            <Button type="submit" variant="default" loading={save.isPending} disabled={!name.trim()} data-testid="template-save">
              {t('imports.templates.save')}
            </Button>
          </Group>
        </form>
      </Group>
      {save.error ? (
        <Text c="red" size="sm" role="alert" mt="xs">
          {errorMessage(t, save.error)}
        </Text>
      ) : null}
      <ConfirmRemoveModal
        opened={confirming && selected !== null}
        title={t('imports.templates.removeTitle')}
        message={t('imports.templates.removeConfirm', { name: selected?.name ?? '' })}
        confirmLabel={t('imports.templates.remove')}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
        onConfirm={() =>
          selected &&
          remove.mutate(selected.id, {
            onSuccess: () => {
              setConfirming(false);
              setChosen('');
              notifications.show({ message: t('imports.templates.removed', { name: selected.name }) });
            },
          })
        }
        testId="template-remove"
      />
    </Paper>
  );
}

interface Props {
  table: UploadedTable;
  state: MappingState;
  mapping: ImportMapping | null;
  onEntity(entity: ImportEntity): void;
  onColumn(field: string, header: string | null): void;
  onValues(field: string, rows: ValueRow[]): void;
  onDayFirst(dayFirst: boolean): void;
  onTemplate(template: ImportTemplate): void;
}

/** Step 2: what the file holds (the entity), which column feeds each field, and how enum words translate. */
export function MappingStep({ table, state, mapping, onEntity, onColumn, onValues, onDayFirst, onTemplate }: Props) {
  const { t } = useTranslation();
  const { entity, columns } = state;
  const headers = [...new Set(table.headers.filter((h) => h.trim() !== ''))];
  const headerOptions = [{ value: '', label: t('imports.mapping.skip') }, ...headers.map((h) => ({ value: h, label: h }))];
  const fields = entity ? IMPORT_FIELDS[entity] : [];
  const hasDates = fields.some((f) => (f.kind === 'date' || f.kind === 'datetime') && columns[f.name]);
  const used = new Map<string, number>();
  for (const header of Object.values(columns)) if (header) used.set(header, (used.get(header) ?? 0) + 1);
  const unused = headers.filter((h) => !used.has(h));

  return (
    <Stack gap="md" data-testid="mapping-step">
      <Radio.Group label={t('imports.mapping.entity')} description={t('imports.mapping.entityHint')} value={entity ?? ''} onChange={(v) => onEntity(v as ImportEntity)}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" mt="xs">
          {WIZARD_ENTITIES.map((e) => (
            <Radio key={e} value={e} label={entityLabel(t, e)} description={t(`imports.entityHint.${e}`)} data-testid={`entity-${e}`} />
          ))}
        </SimpleGrid>
      </Radio.Group>

      {entity && mapping ? (
        <>
          <TemplatesBar entity={entity} mapping={mapping} onLoad={onTemplate} />
          <Stack gap={4}>
            <Title order={4}>{t('imports.mapping.columnsTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('imports.mapping.columnsHint')}
            </Text>
          </Stack>
          <Table withTableBorder verticalSpacing="xs" data-testid="mapping-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={260}>{t('imports.mapping.field')}</Table.Th>
                <Table.Th w={260}>{t('imports.mapping.column')}</Table.Th>
                <Table.Th>{t('imports.mapping.example')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f) => {
                const header = columns[f.name] ?? '';
                const example = header ? (distinctValues(table.headers, table.sample, header, 3).join(t('app.listSeparator')) || '—') : '';
                const hint = kindHint(t, entity, f);
                const missing = f.required && !header;
                const twice = header !== '' && (used.get(header) ?? 0) > 1;
                return (
                  <Table.Tr key={f.name} data-testid="mapping-row" data-field={f.name} data-header={header} data-required={f.required ? 'true' : 'false'}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {fieldLabel(t, entity, f.name)}
                        </Text>
                        {f.required ? (
                          <Badge size="xs" color="red" variant="light">
                            {t('imports.mapping.required')}
                          </Badge>
                        ) : null}
                      </Group>
                      {hint ? (
                        <Text size="xs" c="dimmed">
                          {hint}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={t('imports.mapping.columnFor', { field: fieldLabel(t, entity, f.name) })}
                        data={headerOptions}
                        value={header}
                        onChange={(e) => onColumn(f.name, e.currentTarget.value || null)}
                        error={missing ? t('imports.mapping.requiredMissing') : twice ? t('imports.mapping.usedTwice') : undefined}
                        data-testid={`column-${f.name}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
                        {example}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {unused.length > 0 ? (
            <Text size="sm" c="dimmed" data-testid="unused-headers">
              {t('imports.mapping.unused', { headers: unused.join(t('app.listSeparator')) })}
            </Text>
          ) : null}
          {hasDates ? (
            <Checkbox
              label={t('imports.mapping.dayFirst')}
              description={t('imports.mapping.dayFirstHint')}
              checked={state.dayFirst}
              onChange={(e) => onDayFirst(e.currentTarget.checked)}
              data-testid="day-first"
            />
          ) : null}
          {mappedEnumFields(entity, columns).map((f) => (
            <ValueMapEditor key={f.name} entity={entity} field={f} rows={state.values[f.name] ?? []} onChange={(rows) => onValues(f.name, rows)} />
          ))}
        </>
      ) : (
        <Alert color="blue" variant="light">
          {t('imports.mapping.chooseEntity')}
        </Alert>
      )}
    </Stack>
  );
}
