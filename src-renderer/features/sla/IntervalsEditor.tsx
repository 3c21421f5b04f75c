import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IntervalDraft } from './format';

/** The contract allows at most this many working periods a day. */
const MAX_INTERVALS = 6;

/** What a new period starts as: the morning if the day has none, else the afternoon after the last one. */
function nextInterval(list: readonly IntervalDraft[]): IntervalDraft {
  return list.length === 0 ? { start: '09:00', end: '12:00' } : { start: '13:00', end: '18:00' };
}

/**
 * The working periods of one day (09:00–12:00, 13:00–18:00) typed as HH:MM; none is a day
 * off. Periods are sorted when the calendar is saved.
 */
export function IntervalsEditor({
  label,
  value,
  onChange,
  error,
  disabled = false,
  testId,
}: {
  label: string;
  value: IntervalDraft[];
  onChange(next: IntervalDraft[]): void;
  error?: string;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const update = (index: number, part: keyof IntervalDraft, text: string) => onChange(value.map((v, i) => (i === index ? { ...v, [part]: text } : v)));

  return (
    <Stack gap={4} data-testid={testId}>
      <Group gap="xs" wrap="wrap">
        {value.length === 0 ? (
          <Text size="sm" c="dimmed" w={120} data-testid={`${testId}-off`}>
            {t('slaAdmin.calendars.dayOff')}
          </Text>
        ) : null}
        {value.map((v, i) => (
          <Group key={i} gap={4} wrap="nowrap" data-testid={`${testId}-interval`}>
            <TextInput
              aria-label={`${label} ${t('slaAdmin.calendars.from')}`}
              placeholder="09:00"
              value={v.start}
              onChange={(e) => update(i, 'start', e.currentTarget.value)}
              disabled={disabled}
              error={Boolean(error)}
              w={72}
              data-testid={`${testId}-start`}
            />
            <Text size="sm">–</Text>
            <TextInput
              aria-label={`${label} ${t('slaAdmin.calendars.to')}`}
              placeholder="18:00"
              value={v.end}
              onChange={(e) => update(i, 'end', e.currentTarget.value)}
              disabled={disabled}
              error={Boolean(error)}
              w={72}
              data-testid={`${testId}-end`}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              disabled={disabled}
              aria-label={t('slaAdmin.calendars.removeInterval', { day: label })}
              data-testid={`${testId}-remove`}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => onChange([...value, nextInterval(value)])}
          disabled={disabled || value.length >= MAX_INTERVALS}
          aria-label={t('slaAdmin.calendars.addIntervalFor', { day: label })}
          data-testid={`${testId}-add`}
        >
          {t('slaAdmin.calendars.addInterval')}
        </Button>
      </Group>
      {error ? (
        <Text c="red" size="xs" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
