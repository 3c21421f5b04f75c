import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaClockView, TicketDetail, TicketSla } from '../../../src-shared/contract';
import { OPEN_STATUSES } from '../../../src-shared/domain/lifecycle';
import { BREACH_LEVEL, type SlaTarget } from '../../../src-shared/domain/sla';
import { formatDateTime } from '../../i18n/format';
import { useSession } from '../auth/hooks';
import { ChangeAgreement } from './ChangeAgreement';
import { useBusinessCalendar, useCountdown } from './clockHooks';
import { pausedText, targetText } from './countdown';
import { SlaCountdown } from './SlaCountdown';

/** Where a clock stands: done (in time or late), paused with what was left, or counting down live. */
function ClockState({ target, clock, sla }: { target: SlaTarget; clock: SlaClockView; sla: TicketSla }) {
  const { t } = useTranslation();
  // Hooks run for every clock; the frozen countdown only shows while paused.
  const frozen = useCountdown({ target, dueAt: clock.dueAt, targetMinutes: clock.targetMinutes, calendarId: sla.calendarId }, sla.pausedAt);
  if (clock.doneAt !== null) {
    const late = clock.breachedAt !== null;
    return (
      <Badge color={late ? 'red' : 'teal'} variant="light" tt="none" data-testid="sla-clock-state" data-state={late ? 'doneLate' : 'done'}>
        {t(late ? 'sla.doneLate' : 'sla.doneInTime')}
      </Badge>
    );
  }
  if (sla.pausedAt !== null) {
    // Paused after its due time: still overdue, so red like a running breached countdown.
    const overdue = frozen !== null && frozen.leftMs <= 0;
    return (
      <Badge color={overdue ? 'red' : 'gray'} variant="light" tt="none" data-testid="sla-clock-state" data-state="paused" data-overdue={overdue}>
        {frozen ? pausedText(t, frozen) : t('sla.paused')}
      </Badge>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" data-testid="sla-clock-state" data-state="running">
      <SlaCountdown sla={{ target, dueAt: clock.dueAt, targetMinutes: clock.targetMinutes, calendarId: sla.calendarId }} />
      {clock.level > 0 && clock.level < BREACH_LEVEL ? (
        <Text size="xs" c="dimmed">
          {t('sla.warned', { level: clock.level })}
        </Text>
      ) : null}
    </Group>
  );
}

function ClockRow({ target, clock, sla }: { target: SlaTarget; clock: SlaClockView; sla: TicketSla }) {
  const { t, i18n } = useTranslation();
  const at = (ms: number | null) => (ms === null ? t('app.notSet') : formatDateTime(ms, i18n.language));
  return (
    <Table.Tr data-testid="sla-clock" data-target={target} data-breached={clock.breachedAt !== null}>
      <Table.Td fw={500}>{t(`sla.target.${target}`)}</Table.Td>
      <Table.Td>{targetText(t, clock.targetMinutes)}</Table.Td>
      <Table.Td data-testid="sla-clock-due">{at(clock.dueAt)}</Table.Td>
      <Table.Td>{at(clock.doneAt)}</Table.Td>
      <Table.Td c={clock.breachedAt === null ? undefined : 'red'}>{at(clock.breachedAt)}</Table.Td>
      <Table.Td>
        <ClockState target={target} clock={clock} sla={sla} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Which agreement applies and why, the calendar it counts in, and its two clocks. */
function AgreementDetails({ sla }: { sla: TicketSla }) {
  const { t, i18n } = useTranslation();
  const calendar = useBusinessCalendar(sla.calendarId);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm">{t('sla.appliedAgreement')}</Text>
        <Text size="sm" fw={600} data-testid="sla-agreement-name">
          {sla.agreement.name}
        </Text>
        <Badge variant="default" tt="none" data-testid="sla-basis" data-basis={sla.basis}>
          {t(`sla.basis.${sla.basis}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t(`sla.basisHint.${sla.basis}`)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('sla.startedAt', { at: formatDateTime(sla.startedAt, i18n.language) })}
        {calendar.name ? ` · ${t('sla.calendar', { name: calendar.name })}` : null}
      </Text>
      {sla.pausedAt !== null ? (
        <Text size="sm" c="dimmed" data-testid="sla-paused">
          {t('sla.pausedSince', { at: formatDateTime(sla.pausedAt, i18n.language) })}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={6} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sla.clock.target')}</Table.Th>
              <Table.Th>{t('sla.clock.time')}</Table.Th>
              <Table.Th>{t('sla.clock.dueAt')}</Table.Th>
              <Table.Th>{t('sla.clock.doneAt')}</Table.Th>
              <Table.Th>{t('sla.clock.breachedAt')}</Table.Th>
              <Table.Th>{t('sla.clock.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <ClockRow target="response" clock={sla.response} sla={sla} />
            <ClockRow target="resolution" clock={sla.resolution} sla={sla} />
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The request's service agreement and SLA clocks; service managers may apply another agreement. */
export function SlaPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const canChange = (session.data?.permissions.includes('tickets.manage') ?? false) && OPEN_STATUSES.includes(ticket.status);
  const sla = ticket.agreement;
  return (
    <Paper withBorder p="md" data-testid="sla-panel" data-basis={sla?.basis ?? 'none'}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('sla.title')}</Title>
        {canChange ? <ChangeAgreement ticket={ticket} /> : null}
      </Group>
      {sla ? (
        <AgreementDetails sla={sla} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="sla-none">
          {t('sla.noAgreement')}
        </Text>
      )}
    </Paper>
  );
}
