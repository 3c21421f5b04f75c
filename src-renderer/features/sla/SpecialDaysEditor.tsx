import { Badge, Button, Group, NativeSelect, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { oneOf } from '../tickets/vocabulary';
import { isDay, SPECIAL_DAY_KINDS, sortDays, yearsOf, type SpecialDay, type SpecialDayKind } from './format';

const ALL_YEARS = '';

/** Adds one holiday or make-up working day; the date must be real and not listed yet. */
function AddDayRow({ days, onAdd }: { days: readonly SpecialDay[]; onAdd(day: SpecialDay): void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<SpecialDayKind>('holiday');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add() {
    const day = date.trim();
    if (!isDay(day)) return setError(t('validation.date'));
    if (days.some((d) => d.date === day)) return setError(t('validation.duplicateDay'));
    setError(null);
    onAdd({ date: day, kind, name: name.trim() });
    setDate('');
    setName('');
  }

  // Enter anywhere in the row adds the day: left to the browser it would submit the whole
  // calendar form and the day being typed would be lost. Not while an input method is
  // composing (Enter then picks the typed Chinese).
  function addOnEnter(event: KeyboardEvent) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    add();
  }

  return (
    <Group gap="xs" align="flex-start" data-testid="calendar-day-add-row">
      <TextInput
        aria-label={t('slaAdmin.calendars.date')}
        placeholder="YYYY-MM-DD"
        maxLength={10}
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
        onKeyDown={addOnEnter}
        error={error}
        w={140}
        data-testid="calendar-day-date"
      />
      <NativeSelect
        aria-label={t('slaAdmin.calendars.kind')}
        value={kind}
        onChange={(e) => oneOf(SPECIAL_DAY_KINDS, e.currentTarget.value) && setKind(e.currentTarget.value)}
        onKeyDown={addOnEnter}
        data={SPECIAL_DAY_KINDS.map((k) => ({ value: k, label: t(`slaAdmin.dayKind.${k}`) }))}
        w={140}
        data-testid="calendar-day-kind"
      />
      <TextInput
        aria-label={t('slaAdmin.calendars.dayName')}
        placeholder={t('slaAdmin.calendars.dayNamePlaceholder')}
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onKeyDown={addOnEnter}
        w={200}
        data-testid="calendar-day-name"
      />
      <Button variant="light" onClick={add} data-testid="calendar-day-add">
        {t('slaAdmin.calendars.addDay')}
      </Button>
    </Group>
  );
}

/** Holidays (节假日) and make-up working days (调休上班日) by date, one year at a time. */
export function SpecialDaysEditor({ value, onChange, error }: { value: SpecialDay[]; onChange(next: SpecialDay[]): void; error?: string }) {
  const { t } = useTranslation();
  const years = yearsOf(value);
  const thisYear = String(new Date().getFullYear());
  const [chosenYear, setYear] = useState(() => (years.includes(thisYear) ? thisYear : ALL_YEARS));
  // A year whose last day was removed is no longer offered: fall back to all years.
  const year = years.includes(chosenYear) ? chosenYear : ALL_YEARS;
  const shown = value.filter((d) => year === ALL_YEARS || d.date.startsWith(year));

  function add(day: SpecialDay) {
    onChange(sortDays([...value, day]));
    // Show the year the new day is in, so it does not seem to vanish.
    if (year !== ALL_YEARS && !day.date.startsWith(year)) setYear(day.date.slice(0, 4));
  }

  return (
    <Stack gap="xs" data-testid="calendar-days">
      <Group gap="sm">
        <NativeSelect
          label={t('slaAdmin.calendars.year')}
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          data={[{ value: ALL_YEARS, label: t('slaAdmin.calendars.allYears') }, ...years.map((y) => ({ value: y, label: y }))]}
          w={140}
          data-testid="calendar-days-year"
        />
        <Text size="sm" c="dimmed" mt="lg" data-testid="calendar-days-count">
          {t('slaAdmin.calendars.dayCounts', {
            holidays: shown.filter((d) => d.kind === 'holiday').length,
            workdays: shown.filter((d) => d.kind === 'workday').length,
          })}
        </Text>
      </Group>
      {error ? (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
      <ScrollArea.Autosize mah={360}>
        <Table withTableBorder striped data-testid="calendar-days-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('slaAdmin.calendars.date')}</Table.Th>
              <Table.Th>{t('slaAdmin.calendars.kind')}</Table.Th>
              <Table.Th>{t('slaAdmin.calendars.dayName')}</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((d) => (
              <Table.Tr key={d.date} data-testid="calendar-day-row" data-date={d.date} data-kind={d.kind}>
                <Table.Td ff="monospace">{d.date}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={d.kind === 'holiday' ? 'red' : 'orange'}>
                    {t(`slaAdmin.dayKind.${d.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() => onChange(value.filter((x) => x.date !== d.date))}
                    aria-label={t('slaAdmin.calendars.removeDayFor', { date: d.date })}
                    data-testid="calendar-day-remove"
                  >
                    {t('slaAdmin.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="calendar-days-empty">
          {t('slaAdmin.calendars.noDays')}
        </Text>
      ) : null}
      <AddDayRow days={value} onAdd={add} />
    </Stack>
  );
}
