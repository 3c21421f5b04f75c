import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketPriority,
  type TicketSort,
  type TicketStatus,
  type TicketType,
} from '../../../src-shared/domain/tickets';
import { useAssignees } from '../users/hooks';
import type { TicketListFilter } from './hooks';
import { hasFilters, VIEW_ORDER_LABELS, viewSortsItself } from './queueParams';

interface Props {
  filter: TicketListFilter;
  onChange(next: TicketListFilter): void;
}

function orUndefined<T>(values: T[]): T[] | undefined {
  return values.length > 0 ? values : undefined;
}

export function QueueFilters({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const assignees = useAssignees();

  // The text box is typed into locally and reaches the URL after a pause; a change of the
  // URL from elsewhere (the header search) replaces what is in the box.
  const urlText = filter.text ?? '';
  const [text, setText] = useState(urlText);
  const [seenUrlText, setSeenUrlText] = useState(urlText);
  if (urlText !== seenUrlText) {
    setSeenUrlText(urlText);
    setText(urlText);
  }
  const pushText = useDebouncedCallback((value: string) => onChange({ ...filter, text: value.trim() || undefined }), 300);

  const assigneeData = [
    { value: 'none', label: t('queue.unassigned') },
    ...(assignees.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName })),
  ];

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="queue-filters">
      <TextInput
        label={t('queue.filterText')}
        placeholder={t('queue.filterTextPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          pushText(e.currentTarget.value);
        }}
        w={220}
        data-testid="queue-text"
      />
      <MultiSelect
        label={t('queue.filterStatus')}
        data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`ticket.status.${s}`) }))}
        value={filter.status ?? []}
        onChange={(v) => onChange({ ...filter, status: orUndefined(v as TicketStatus[]) })}
        clearable
        w={220}
        data-testid="filter-status"
      />
      <MultiSelect
        label={t('queue.filterType')}
        data={TICKET_TYPES.map((s) => ({ value: s, label: t(`ticket.type.${s}`) }))}
        value={filter.type ?? []}
        onChange={(v) => onChange({ ...filter, type: orUndefined(v as TicketType[]) })}
        clearable
        w={180}
      />
      <MultiSelect
        label={t('queue.filterPriority')}
        data={TICKET_PRIORITIES.map((s) => ({ value: s, label: t(`ticket.priority.${s}`) }))}
        value={filter.priority ?? []}
        onChange={(v) => onChange({ ...filter, priority: orUndefined(v as TicketPriority[]) })}
        clearable
        w={180}
      />
      <Select
        label={t('queue.filterAssignee')}
        placeholder={t('queue.anyAssignee')}
        data={assigneeData}
        value={filter.assignee === undefined ? null : String(filter.assignee)}
        onChange={(v) => onChange({ ...filter, assignee: v === null ? undefined : v === 'none' ? 'none' : Number(v) })}
        clearable
        searchable
        w={160}
      />
      {viewSortsItself(filter.view) ? (
        // Shown, not offered: the view comes in its own order.
        <Select label={t('queue.sort')} data={[{ value: 'own', label: t(VIEW_ORDER_LABELS[filter.view]) }]} value="own" disabled w={230} data-testid="queue-sort" />
      ) : (
        <Select
          label={t('queue.sort')}
          data={TICKET_SORTS.map((s) => ({ value: s, label: t(`ticket.sort.${s}`) }))}
          value={filter.sort ?? 'created_desc'}
          onChange={(v) => onChange({ ...filter, sort: (v as TicketSort | null) ?? 'created_desc' })}
          allowDeselect={false}
          w={230}
          data-testid="queue-sort"
        />
      )}
      {hasFilters(filter) ? (
        <Button variant="subtle" onClick={() => onChange({ sort: filter.sort, view: filter.view })}>
          {t('queue.clearFilters')}
        </Button>
      ) : null}
    </Group>
  );
}
