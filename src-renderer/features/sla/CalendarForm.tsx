import { Button, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarView } from '../../../src-shared/contract';
import type { IsoWeekday, WorkingInterval } from '../../../src-shared/domain/businessCalendar';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { parseIntervals, specialDaysOf, toDrafts, type IntervalDraft, type SpecialDay } from './format';
import { useSaveCalendar } from './hooks';
import { IntervalsEditor } from './IntervalsEditor';
import { SpecialDaysEditor } from './SpecialDaysEditor';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const satisfies readonly IsoWeekday[];
type WeekKey = `${IsoWeekday}`;
type WeekDrafts = Record<IsoWeekday, IntervalDraft[]>;

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const NINE_TO_SIX: IntervalDraft[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

/** Server paths as form fields: 'week.3.0' shows under Wednesday, 'days.12.date' under the day list. */
function fieldOf(path: string): string | null {
  if (path === 'name' || path === 'timeZone' || path === 'week') return path;
  const day = /^week\.([1-7])(\.|$)/.exec(path);
  if (day) return `week.${day[1]}`;
  if (path === 'makeUpHours' || path.startsWith('makeUpHours.')) return 'makeUpHours';
  return path === 'days' || path.startsWith('days.') ? 'days' : null;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A new calendar starts as the usual Chinese office week: Monday to Friday 09:00–12:00, 13:00–18:00. */
function weekDrafts(calendar: CalendarView | null): WeekDrafts {
  const out = {} as WeekDrafts;
  for (const d of WEEKDAYS) out[d] = calendar ? toDrafts(calendar.definition.week[d]) : d <= 5 ? NINE_TO_SIX : [];
  return out;
}

/** What the form shows for a calendar before any edit (a new one: the usual office week). */
function initialDraft(calendar: CalendarView | null) {
  return {
    name: calendar?.name ?? '',
    timeZone: calendar?.definition.timeZone ?? DEFAULT_TIME_ZONE,
    allDay: calendar?.definition.allDay ?? false,
    week: weekDrafts(calendar),
    makeUp: calendar ? toDrafts(calendar.definition.makeUpHours) : NINE_TO_SIX,
    days: calendar ? specialDaysOf(calendar) : ([] as SpecialDay[]),
  };
}

interface Props {
  calendar: CalendarView | null;
  onSaved(c: CalendarView): void;
  onCancel(): void;
  /** Whether the form now differs from the calendar it was opened with (the holiday import waits for a save). */
  onDirtyChange(dirty: boolean): void;
}

/** Edit (or create, calendar = null) a business calendar (工作日历): hours per weekday, make-up working days' hours, special days. */
export function CalendarForm({ calendar, onSaved, onCancel, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const save = useSaveCalendar();
  const [initial] = useState(() => initialDraft(calendar));
  const [name, setName] = useState(initial.name);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [allDay, setAllDay] = useState(initial.allDay);
  const [week, setWeek] = useState(initial.week);
  const [makeUp, setMakeUp] = useState(initial.makeUp);
  const [days, setDays] = useState(initial.days);
  const [local, setLocal] = useState<Record<string, string>>({});

  // Compared by value, so an edit undone by hand no longer counts.
  const dirty = JSON.stringify({ name, timeZone, allDay, week, makeUp, days }) !== JSON.stringify(initial);
  useEffect(() => {
    onDirtyChange(dirty);
    return () => onDirtyChange(false);
  }, [dirty, onDirtyChange]);

  const server = save.error ? fieldErrors(t, save.error, fieldOf) : {};
  const errors: Record<string, string | undefined> = { ...server, ...local };
  const general = save.error && Object.keys(server).length === 0 ? errorMessage(t, save.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t('validation.required');
    if (!isTimeZone(timeZone.trim())) problems.timeZone = t('validation.timeZone');
    const parsedWeek = {} as Record<WeekKey, WorkingInterval[]>;
    for (const d of WEEKDAYS) {
      const parsed = parseIntervals(week[d]);
      if ('error' in parsed) problems[`week.${d}`] = t(`validation.${parsed.error}`);
      else parsedWeek[`${d}`] = parsed.intervals;
    }
    const parsedMakeUp = parseIntervals(makeUp);
    if ('error' in parsedMakeUp) problems.makeUpHours = t(`validation.${parsedMakeUp.error}`);
    setLocal(problems);
    if (Object.keys(problems).length > 0 || 'error' in parsedMakeUp) return;
    save.mutate(
      {
        ...(calendar ? { id: calendar.id } : {}),
        name: name.trim(),
        timeZone: timeZone.trim(),
        allDay,
        week: parsedWeek,
        makeUpHours: parsedMakeUp.intervals,
        days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
      },
      { onSuccess: onSaved },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="calendar-form">
      <Stack gap="md">
        {general ? (
          <Text c="red" size="sm" role="alert" data-testid="calendar-error">
            {general}
          </Text>
        ) : null}
        <Group grow align="flex-start">
          <TextInput
            label={t('slaAdmin.calendars.name')}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
            data-testid="calendar-name"
          />
          <TextInput
            label={t('slaAdmin.calendars.timeZone')}
            description={t('slaAdmin.calendars.timeZoneHint')}
            required
            maxLength={64}
            value={timeZone}
            onChange={(e) => setTimeZone(e.currentTarget.value)}
            error={errors.timeZone}
            data-testid="calendar-time-zone"
          />
        </Group>
        <Switch
          label={t('slaAdmin.calendars.allDay')}
          description={t('slaAdmin.calendars.allDayHint')}
          checked={allDay}
          onChange={(e) => setAllDay(e.currentTarget.checked)}
          data-testid="calendar-all-day"
        />
        <div>
          <Title order={5}>{t('slaAdmin.calendars.workingHours')}</Title>
          <Text size="xs" c="dimmed" mb={4}>
            {t('slaAdmin.calendars.workingHoursHint')}
          </Text>
          {errors.week ? (
            <Text c="red" size="sm" role="alert">
              {errors.week}
            </Text>
          ) : null}
          <Table data-testid="calendar-week">
            <Table.Tbody>
              {WEEKDAYS.map((d) => (
                <Table.Tr key={d} data-weekday={d}>
                  <Table.Td w={120} fw={500}>
                    {t(`slaAdmin.weekday.${d}`)}
                  </Table.Td>
                  <Table.Td>
                    <IntervalsEditor
                      label={t(`slaAdmin.weekday.${d}`)}
                      value={week[d]}
                      onChange={(next) => setWeek({ ...week, [d]: next })}
                      error={errors[`week.${d}`]}
                      disabled={allDay}
                      testId={`calendar-week-${d}`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td w={120} fw={500}>
                  {t('slaAdmin.calendars.makeUpHours')}
                </Table.Td>
                <Table.Td>
                  <IntervalsEditor
                    label={t('slaAdmin.calendars.makeUpHours')}
                    value={makeUp}
                    onChange={setMakeUp}
                    error={errors.makeUpHours}
                    disabled={allDay}
                    testId="calendar-make-up"
                  />
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('slaAdmin.calendars.makeUpHoursHint')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </div>
        <div>
          <Title order={5}>{t('slaAdmin.calendars.specialDays')}</Title>
          <Text size="xs" c="dimmed" mb={4}>
            {t(allDay ? 'slaAdmin.calendars.specialDaysAllDay' : 'slaAdmin.calendars.specialDaysHint')}
          </Text>
          <SpecialDaysEditor value={days} onChange={setDays} error={errors.days} />
        </div>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="calendar-submit">
            {t('slaAdmin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
