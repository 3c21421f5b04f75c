import { Anchor, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatDay } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SlaCell } from '../sla/SlaCountdown';
import { PriorityBadge, StatusBadge } from '../tickets/badges';
import { todayLocal } from '../tickets/workTime';
import { formatHoursMinutes, isOverdue } from './format';
import { useWorkbench } from './hooks';

function Stat({ label, value, hint, testId }: { label: string; value: string; hint: string; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.3} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

/** 我的工作台: the engineer's open requests by the customer's requested date, and this week's hours. */
export function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const workbench = useWorkbench();
  const today = todayLocal();

  if (workbench.isError) return <ErrorAlert error={workbench.error} />;

  const data = workbench.data;
  const since = data ? t('workbench.since', { date: formatDateTime(data.weekStart, locale) }) : '';
  const requests = data?.requests ?? [];

  return (
    <Stack gap="md" maw={1200} data-testid="workbench-page">
      <Title order={2}>{t('workbench.title')}</Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" maw={760}>
        <Stat label={t('workbench.hoursThisWeek')} value={data ? formatHoursMinutes(data.minutesThisWeek) : '–'} hint={since} testId="workbench-hours" />
        <Stat label={t('workbench.visitsThisWeek')} value={data ? String(data.visitsThisWeek) : '–'} hint={since} testId="workbench-visits" />
        <Stat label={t('workbench.openRequests')} value={data ? String(requests.length) : '–'} hint={t('workbench.openRequestsHint')} testId="workbench-open" />
      </SimpleGrid>
      <Title order={4}>{t('workbench.requests')}</Title>
      <Table.ScrollContainer minWidth={1060}>
        <Table withTableBorder striped highlightOnHover data-testid="workbench-table">
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th w={190}>{t('ticket.field.number')}</Table.Th>
              <Table.Th>{t('ticket.field.subject')}</Table.Th>
              <Table.Th>{t('ticket.field.customer')}</Table.Th>
              <Table.Th w={140}>{t('ticket.field.requestedBy')}</Table.Th>
              <Table.Th w={100}>{t('ticket.field.status')}</Table.Th>
              <Table.Th w={90}>{t('ticket.field.priority')}</Table.Th>
              <Table.Th w={160}>{t('sla.column')}</Table.Th>
              <Table.Th w={110} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.map((item) => {
              const overdue = isOverdue(item.requestedBy, today);
              return (
                <Table.Tr key={item.id} data-testid="workbench-row" data-overdue={overdue}>
                  <Table.Td>
                    <Anchor component={Link} to={`/tickets/${item.id}`} ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="workbench-open-ticket">
                      {item.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/tickets/${item.id}`} size="sm" c="inherit">
                      {item.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.customerName}</Text>
                  </Table.Td>
                  <Table.Td>
                    {item.requestedBy ? (
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined} data-testid="workbench-requested-by">
                          {formatDay(item.requestedBy, locale)}
                        </Text>
                        {overdue ? (
                          <Text size="xs" c="red">
                            {t('workbench.overdue')}
                          </Text>
                        ) : null}
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('app.notSet')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>
                    <PriorityBadge priority={item.priority} />
                  </Table.Td>
                  <Table.Td>
                    <SlaCell item={item} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/tickets/${item.id}/dispatch-sheet`} size="sm" data-testid="workbench-dispatch-sheet">
                      {t('workbench.dispatchSheet')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {workbench.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {data && requests.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="workbench-empty">
          {t('workbench.empty')}
        </Text>
      ) : null}
    </Stack>
  );
}
