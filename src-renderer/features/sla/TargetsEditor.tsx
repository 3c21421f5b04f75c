import { Group, NumberInput, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../src-shared/domain/tickets';
import { PriorityBadge } from '../tickets/badges';
import { MAX_MINUTES, type Duration, type TargetDraft, type TargetDrafts } from './targets';

/** Hours and minutes side by side: targets are usually whole hours, urgent ones minutes. */
function DurationInput({
  value,
  onChange,
  label,
  error,
  testId,
}: {
  value: Duration;
  onChange(next: Duration): void;
  label: string;
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Group gap={4} wrap="nowrap">
        <NumberInput
          aria-label={`${label} ${t('slaAdmin.agreements.hours')}`}
          value={value.hours}
          onChange={(hours) => onChange({ ...value, hours })}
          min={0}
          max={Math.floor(MAX_MINUTES / 60)}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          w={72}
          error={Boolean(error)}
          data-testid={`${testId}-hours`}
        />
        <Text size="sm">{t('slaAdmin.agreements.hours')}</Text>
        <NumberInput
          aria-label={`${label} ${t('slaAdmin.agreements.minutes')}`}
          value={value.minutes}
          onChange={(minutes) => onChange({ ...value, minutes })}
          min={0}
          max={59}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          w={56}
          error={Boolean(error)}
          data-testid={`${testId}-minutes`}
        />
        <Text size="sm">{t('slaAdmin.agreements.minutes')}</Text>
      </Group>
      {error ? (
        <Text c="red" size="xs" mt={2}>
          {error}
        </Text>
      ) : null}
    </div>
  );
}

/** First response and resolution targets per priority, in business time (the agreement's calendar). */
export function TargetsEditor({
  value,
  onChange,
  errors,
}: {
  value: TargetDrafts;
  onChange(next: TargetDrafts): void;
  /** Messages keyed 'targets.<index>.response' / 'targets.<index>.resolution'. */
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const set = (priority: TicketPriority, part: keyof TargetDraft, next: Duration) => onChange({ ...value, [priority]: { ...value[priority], [part]: next } });
  return (
    <Table withTableBorder data-testid="agreement-targets">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('slaAdmin.agreements.priority')}</Table.Th>
          <Table.Th>{t('slaAdmin.target.response')}</Table.Th>
          <Table.Th>{t('slaAdmin.target.resolution')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {TICKET_PRIORITIES.map((p, index) => (
          <Table.Tr key={p} data-testid="agreement-target-row" data-priority={p}>
            <Table.Td>
              <PriorityBadge priority={p} />
            </Table.Td>
            <Table.Td>
              <DurationInput
                value={value[p].response}
                onChange={(next) => set(p, 'response', next)}
                label={`${t(`ticket.priority.${p}`)} ${t('slaAdmin.target.response')}`}
                error={errors[`targets.${index}.response`]}
                testId={`agreement-target-${p}-response`}
              />
            </Table.Td>
            <Table.Td>
              <DurationInput
                value={value[p].resolution}
                onChange={(next) => set(p, 'resolution', next)}
                label={`${t(`ticket.priority.${p}`)} ${t('slaAdmin.target.resolution')}`}
                error={errors[`targets.${index}.resolution`]}
                testId={`agreement-target-${p}-resolution`}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
