import { Loader, Radio, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketListItem } from '../../../../src-shared/contract';
import { useMergeCandidates } from '../hooks';
import { ActionFormFrame, samePath, useActionErrors, type ActionFormProps } from './ActionForm';
import { NoteField } from './ActionForms';

/**
 * Closes this request as a duplicate of another open one: find it by number, subject or
 * customer (the newest open requests show before anything is typed), pick it, add a note.
 */
export function MergeForm({ ticket, submit, pending, error, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const candidates = useMergeCandidates(debounced);
  const [chosen, setChosen] = useState<TicketListItem | null>(null);
  const intoId = chosen ? String(chosen.id) : '';
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const { fields, general } = useActionErrors(error, samePath('intoId', 'note'));

  const found = (candidates.data?.items ?? []).filter((c) => c.id !== ticket.id);
  // The chosen request stays listed while the search moves on to others.
  const items = chosen && !found.some((c) => c.id === chosen.id) ? [chosen, ...found] : found;

  function onSubmit() {
    if (!intoId) {
      setLocal(t('actionForm.chooseRequest'));
      return;
    }
    setLocal(undefined);
    submit({ action: 'merge', input: { id: ticket.id, version: ticket.version, intoId: Number(intoId), note } });
  }

  return (
    <ActionFormFrame action="merge" onSubmit={onSubmit} pending={pending} general={general} onCancel={onCancel}>
      <Text size="sm" c="dimmed">
        {t('actionForm.mergeHint')}
      </Text>
      <TextInput
        label={t('actionForm.mergeSearch')}
        placeholder={t('actionForm.mergeSearchPlaceholder')}
        name="mergeSearch"
        type="search"
        maxLength={100}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        rightSection={candidates.isFetching ? <Loader size="xs" /> : null}
        data-autofocus
        data-testid="merge-search"
      />
      <Radio.Group
        label={t('actionForm.mergeTarget')}
        required
        value={intoId}
        onChange={(v) => {
          setChosen(items.find((c) => String(c.id) === v) ?? null);
          setLocal(undefined);
        }}
        error={local ?? fields.intoId}
        data-testid="merge-target"
      >
        <ScrollArea.Autosize mah={260} mt={4} type="auto">
          <Stack gap={6}>
            {items.length === 0 && !candidates.isFetching ? (
              <Text size="sm" c="dimmed" data-testid="merge-none">
                {t('actionForm.mergeNoCandidates')}
              </Text>
            ) : null}
            {items.map((c) => (
              <Radio
                key={c.id}
                value={String(c.id)}
                label={`${c.number} · ${c.subject}`}
                description={`${c.customerName} · ${t(`ticket.status.${c.status}`)}`}
                data-testid="merge-candidate"
                data-number={c.number}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Radio.Group>
      <NoteField value={note} onChange={setNote} error={fields.note} />
    </ActionFormFrame>
  );
}
