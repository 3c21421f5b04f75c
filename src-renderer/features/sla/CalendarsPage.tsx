import { Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarView } from '../../../src-shared/contract';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { CalendarForm } from './CalendarForm';
import { HolidayImport } from './HolidayImport';
import { useCalendars } from './hooks';

/** The source of the shipped calendar whose holidays follow China's statutory schedule. */
const CN_STATUTORY = 'cn-statutory';

function CalendarRow({ calendar: c, selected, onEdit }: { calendar: CalendarView; selected: boolean; onEdit(): void }) {
  const { t } = useTranslation();
  const { allDay, timeZone, holidays, workdays } = c.definition;
  return (
    <Table.Tr data-testid="calendar-row" data-selected={selected} bg={selected ? 'var(--mantine-primary-color-light)' : undefined}>
      <Table.Td>
        <Group gap="xs">
          {c.name}
          {c.source === CN_STATUTORY ? (
            <Badge variant="light" color="blue" size="sm">
              {t('slaAdmin.calendars.statutory')}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>{timeZone}</Table.Td>
      <Table.Td>{allDay ? <Badge variant="light">7×24</Badge> : t('slaAdmin.calendars.workingHoursShort')}</Table.Td>
      <Table.Td>{t('slaAdmin.calendars.dayCounts', { holidays: holidays.length, workdays: workdays.length })}</Table.Td>
      <Table.Td ta="right">{c.agreementCount}</Table.Td>
      <Table.Td>
        <Button variant="subtle" size="compact-sm" onClick={onEdit} data-testid="calendar-edit">
          {t('slaAdmin.edit')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** 工作日历: the calendars SLA targets count in; administrators only. */
export function CalendarsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.data?.permissions.includes('sla.manage') ?? false;
  const calendars = useCalendars(canManage);
  // null: nothing open; 'new': a new calendar; a number: editing that calendar.
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  // Bumped after an import so the form reloads the calendar's days from the server.
  const [revision, setRevision] = useState(0);
  // Unsaved edits in the form: that reload would throw them away, so the import waits for a save.
  const [formDirty, setFormDirty] = useState(false);

  if (!canManage) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'sla.manage needed' })} />;

  const items = calendars.data ?? [];
  const editing = typeof selected === 'number' ? (items.find((c) => c.id === selected) ?? null) : null;
  const formOpen = selected === 'new' || editing !== null;

  function onSaved(calendar: CalendarView) {
    // A new calendar stays open, now with its id, so holidays can be imported into it.
    setSelected(calendar.id);
    setRevision((r) => r + 1);
    notifications.show({ color: 'teal', message: t('slaAdmin.calendars.saved', { name: calendar.name }) });
  }

  return (
    <Stack gap="md" maw={1200} data-testid="calendars-page">
      <Group justify="space-between">
        <Title order={2}>{t('slaAdmin.calendars.title')}</Title>
        <Button onClick={() => setSelected('new')} data-testid="calendar-add">
          {t('slaAdmin.calendars.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('slaAdmin.calendars.explanation')}
      </Text>
      <ErrorAlert error={calendars.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table withTableBorder highlightOnHover data-testid="calendars-table">
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th>{t('slaAdmin.calendars.name')}</Table.Th>
              <Table.Th>{t('slaAdmin.calendars.timeZone')}</Table.Th>
              <Table.Th>{t('slaAdmin.calendars.hours')}</Table.Th>
              <Table.Th>{t('slaAdmin.calendars.specialDays')}</Table.Th>
              <Table.Th ta="right">{t('slaAdmin.calendars.agreements')}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <CalendarRow key={c.id} calendar={c} selected={c.id === selected} onEdit={() => setSelected(c.id)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {calendars.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {calendars.isSuccess && items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="calendars-empty">
          {t('slaAdmin.calendars.empty')}
        </Text>
      ) : null}
      {formOpen ? (
        <Paper withBorder p="md" data-testid="calendar-editor">
          <Title order={3} mb="sm">
            {editing ? t('slaAdmin.calendars.editTitle', { name: editing.name }) : t('slaAdmin.calendars.add')}
          </Title>
          <CalendarForm
            key={`${editing?.id ?? 'new'}-${revision}`}
            calendar={editing}
            onSaved={onSaved}
            onCancel={() => setSelected(null)}
            onDirtyChange={setFormDirty}
          />
        </Paper>
      ) : null}
      {editing ? (
        <HolidayImport key={editing.id} calendarId={editing.id} unsavedEdits={formDirty} onApplied={() => setRevision((r) => r + 1)} />
      ) : null}
    </Stack>
  );
}
