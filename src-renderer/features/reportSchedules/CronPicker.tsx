import { Chip, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cronToPick, nextCronRuns, parseCron, pickToCron, WEEKDAYS, type CronPick, type Weekday } from '../../../src-shared/domain/cronPicker';
import { useLocale } from '../../i18n/useLocale';
import { pickText } from './whenText';
import { formatDeskDateTime } from '../../i18n/format';

type Mode = CronPick['kind'] | 'advanced';
const MODES: readonly Mode[] = ['daily', 'weekly', 'monthly', 'advanced'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The catalog key of why an expression is refused (the same codes main sends: validation.<code>). */
export function cronProblemKey(cron: string): string | null {
  const parsed = parseCron(cron);
  if (parsed.ok) return null;
  const p = parsed.problem;
  return p.code === 'fieldCount' ? 'validation.cronFieldCount' : p.code === 'neverRuns' ? 'validation.cronNeverRuns' : `validation.cron.${p.field}`;
}

interface State {
  mode: Mode;
  time: string;
  weekdays: Weekday[];
  day: string;
  advanced: string;
}

function initial(cron: string): State {
  const pick = cronToPick(cron);
  const base: State = { mode: 'weekly', time: '08:00', weekdays: [1], day: '1', advanced: cron };
  if (!pick) return { ...base, mode: cron ? 'advanced' : 'weekly' };
  return {
    ...base,
    mode: pick.kind,
    time: pick.time,
    weekdays: pick.kind === 'weekly' ? pick.weekdays : base.weekdays,
    day: pick.kind === 'monthly' ? String(pick.day) : base.day,
  };
}

/** The expression the controls stand for, or null while they are incomplete (no weekday, no time). */
function expressionOf(s: State): string | null {
  if (s.mode === 'advanced') return s.advanced.trim();
  if (!TIME.test(s.time)) return null;
  if (s.mode === 'daily') return pickToCron({ kind: 'daily', time: s.time });
  if (s.mode === 'weekly') return s.weekdays.length > 0 ? pickToCron({ kind: 'weekly', weekdays: s.weekdays, time: s.time }) : null;
  return pickToCron({ kind: 'monthly', day: s.day === 'last' ? 'last' : Number(s.day), time: s.time });
}

/**
 * When a schedule runs: daily, weekly on some weekdays, or monthly on a day (or the last
 * day) at a time, with an advanced mode for a cron expression typed by hand. Says in words
 * when that is, and the next three runs on the desk's clocks. Reports the expression up
 * (an empty string while the controls are incomplete).
 */
export function CronPicker({ value, onChange, error, timeZone, now }: { value: string; onChange(cron: string): void; error?: string; timeZone: string; now: number }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [state, setState] = useState<State>(() => initial(value));

  function update(next: Partial<State>) {
    const merged = { ...state, ...next };
    // Switching to advanced starts from what the picker showed.
    if (next.mode === 'advanced' && state.mode !== 'advanced') merged.advanced = expressionOf(state) ?? state.advanced;
    setState(merged);
    onChange(expressionOf(merged) ?? '');
  }

  const cron = expressionOf(state);
  const problem = cron ? cronProblemKey(cron) : null;
  const pick = cron && !problem ? cronToPick(cron) : null;
  const runs = cron && !problem ? nextCronRuns(cron, now, timeZone, 3) : [];
  const days = [...Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: t('reportSchedules.picker.dayOfMonth', { day: i + 1 }) })), { value: 'last', label: t('reportSchedules.picker.lastDay') }];

  return (
    <Stack gap="xs" data-testid="cron-picker">
      <Text size="sm" fw={500}>
        {t('reportSchedules.picker.label')}
      </Text>
      <SegmentedControl
        value={state.mode}
        onChange={(mode) => update({ mode: mode as Mode })}
        data={MODES.map((m) => ({ value: m, label: t(`reportSchedules.picker.mode.${m}`) }))}
        data-testid="schedule-mode"
      />
      {state.mode === 'weekly' ? (
        <Chip.Group multiple value={state.weekdays.map(String)} onChange={(v) => update({ weekdays: v.map(Number) as Weekday[] })}>
          <Group gap={6} data-testid="schedule-weekdays">
            {WEEKDAYS.map((d) => (
              <Chip key={d} value={String(d)} size="sm">
                {t(`reportSchedules.weekday.${d}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      ) : null}
      {state.mode === 'advanced' ? (
        <TextInput
          label={t('reportSchedules.picker.expression')}
          description={t('reportSchedules.picker.expressionHint')}
          value={state.advanced}
          onChange={(e) => update({ advanced: e.currentTarget.value })}
          error={error ?? (problem ? t(problem) : undefined)}
          ff="monospace"
          data-testid="schedule-cron"
        />
      ) : (
        <Group gap="md" align="flex-start">
          {state.mode === 'monthly' ? (
            <Select label={t('reportSchedules.picker.day')} data={days} value={state.day} onChange={(v) => update({ day: v ?? '1' })} allowDeselect={false} w={160} data-testid="schedule-day" />
          ) : null}
          <TextInput
            label={t('reportSchedules.picker.time')}
            type="time"
            value={state.time}
            onChange={(e) => update({ time: e.currentTarget.value })}
            error={!TIME.test(state.time) ? t('validation.timeOfDay') : undefined}
            w={160}
            data-testid="schedule-time"
          />
        </Group>
      )}
      {state.mode === 'weekly' && state.weekdays.length === 0 ? (
        <Text size="sm" c="red" role="alert">
          {t('reportSchedules.picker.chooseWeekday')}
        </Text>
      ) : null}
      {state.mode !== 'advanced' && error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
      {cron && !problem ? (
        <Text size="sm" data-testid="schedule-when-text">
          {pick ? pickText(t, pick) : t('reportSchedules.when.custom', { cron })}
          {runs.length > 0 ? (
            <Text span c="dimmed" size="sm">
              {' · '}
              {t('reportSchedules.picker.nextRuns', { runs: runs.map((r) => formatDeskDateTime(r, locale, timeZone)).join(t('app.listSeparator')), timeZone })}
            </Text>
          ) : null}
        </Text>
      ) : null}
    </Stack>
  );
}
