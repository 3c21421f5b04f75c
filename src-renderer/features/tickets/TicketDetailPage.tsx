import { Alert, Anchor, Badge, Group, Loader, Paper, Rating, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FollowUpView, TicketDetail, WorkLogView } from '../../../src-shared/contract';
import { MAX_ATTEMPTS, type WorkOutcome } from '../../../src-shared/domain/lifecycle';
import { formatDateTime, formatDay } from '../../i18n/format';
import { formatMoney } from '../../i18n/money';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { productLabel } from '../customers/assets';
import { provinceName } from '../customers/provinces';
import { WarrantyBadge } from '../customers/WarrantyBadge';
import { SlaPanel } from '../sla/SlaPanel';
import { TicketActionBar } from './actions/TicketActionBar';
import { AttachmentsSection } from './AttachmentsSection';
import { PriorityBadge, StatusBadge, TypeBadge } from './badges';
import { ComplaintPanel } from './ComplaintPanel';
import { useTicket } from './hooks';
import { NoteComposer } from './NoteComposer';
import { PriorityControl } from './PriorityControl';
import { EventEntry } from './TicketEvents';
import { problemCategoryName } from './vocabulary';
import { splitMinutes } from './workTime';

const OUTCOME_COLORS: Record<WorkOutcome, string> = { resolved: 'teal', unresolved: 'red', in_progress: 'blue' };

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function WorkLogsSection({ logs }: { logs: WorkLogView[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <div data-testid="work-logs">
      <Title order={4} mb="sm">
        {t('detail.workLogs')}
      </Title>
      {logs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('detail.noWorkLogs')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder verticalSpacing="xs" striped>
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th>{t('detail.workLog.when')}</Table.Th>
                <Table.Th>{t('detail.workLog.engineer')}</Table.Th>
                <Table.Th>{t('detail.workLog.hours')}</Table.Th>
                <Table.Th>{t('detail.workLog.parts')}</Table.Th>
                <Table.Th>{t('detail.workLog.fees')}</Table.Th>
                <Table.Th>{t('detail.workLog.findings')}</Table.Th>
                <Table.Th>{t('detail.workLog.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {logs.map((log) => {
                const money = (fen: number) => formatMoney(fen, log.currency, locale);
                const total = log.labourFee + log.travelFee + log.partsFee;
                return (
                  <Table.Tr key={log.id} data-testid="work-log-row" data-outcome={log.outcome}>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(log.startedAt, locale)}</Text>
                      <Text size="xs" c="dimmed">
                        → {formatDateTime(log.endedAt, locale)}
                      </Text>
                      <Badge size="xs" variant="default" mt={2}>
                        {t(`lifecycle.workKind.${log.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{log.engineerName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {t('detail.workLog.duration', splitMinutes(log.workMinutes))}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {log.parts.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('detail.workLog.noParts')}
                        </Text>
                      ) : (
                        log.parts.map((p, i) => (
                          <Text size="sm" key={`${p.partNo}-${i}`}>
                            {t('detail.workLog.partLine', { name: p.name, quantity: p.quantity })}
                            <Text span size="xs" c="dimmed">
                              {` ${p.partNo} · ${money(p.unitPrice)}`}
                            </Text>
                          </Text>
                        ))
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" color={log.chargeable ? 'orange' : 'gray'} variant="light" miw="max-content" data-testid="work-log-charging">
                        {t(log.chargeable ? 'detail.workLog.chargeable' : 'detail.workLog.covered')}
                      </Badge>
                      <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'nowrap' }}>
                        {t('detail.workLog.labourFee', { amount: money(log.labourFee) })}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('detail.workLog.travelFee', { amount: money(log.travelFee) })}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('detail.workLog.partsFee', { amount: money(log.partsFee) })}
                      </Text>
                      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid="work-log-total">
                        {t('detail.workLog.total', { amount: money(total) })}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {log.findings}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={OUTCOME_COLORS[log.outcome]} variant="light" miw="max-content" data-testid="work-log-outcome">
                        {t(`lifecycle.outcome.${log.outcome}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </div>
  );
}

function FollowUpsSection({ followUps }: { followUps: FollowUpView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="follow-ups">
      <Title order={4} mb="sm">
        {t('detail.followUps')}
      </Title>
      {followUps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('detail.noFollowUps')}
        </Text>
      ) : (
        <Stack gap="xs">
          {followUps.map((f, i) => (
            <Paper key={`${f.at}-${i}`} withBorder p="sm" data-testid="follow-up" data-satisfaction={f.satisfaction}>
              <Group gap="sm">
                <Rating value={f.satisfaction} readOnly size="sm" aria-label={t('actionForm.stars', { count: f.satisfaction })} />
                <Badge color={f.satisfied ? 'teal' : 'red'} variant="light">
                  {t(f.satisfied ? 'detail.followUp.satisfied' : 'detail.followUp.notSatisfied')}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatDateTime(f.at, i18n.language)} · {t('detail.followUp.by', { name: f.agentName })}
                </Text>
              </Group>
              <Text size="sm" mt={4} c={f.comment ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {f.comment || t('detail.followUp.noComment')}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </div>
  );
}

/** Why the request is locked or on hold, in red or grey above everything else. */
function StateAlerts({ d }: { d: TicketDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {d.status === 'locked' ? (
        <Alert color="red" variant="light" data-testid="lock-alert">
          {t('detail.lockedAlert', { reason: d.lockReason ? t(`lifecycle.lockReason.${d.lockReason}`) : t('ticket.status.locked') })}
        </Alert>
      ) : null}
      {d.status === 'on_hold' && d.holdReason ? (
        <Alert color="gray" variant="light" data-testid="hold-alert">
          {t('detail.holdAlert', { reason: t(`lifecycle.holdReason.${d.holdReason}`) })}
        </Alert>
      ) : null}
      {d.mergedInto ? (
        <Alert color="violet" variant="light" data-testid="merged-alert">
          {t('detail.mergedAlert')}{' '}
          <Anchor component={Link} to={`/tickets/${d.mergedInto.id}`} ff="monospace" data-testid="merged-into-link">
            {d.mergedInto.number}
          </Anchor>
        </Alert>
      ) : null}
      {d.duplicates.length > 0 ? (
        <Alert color="violet" variant="light" data-testid="duplicates">
          {t('detail.duplicates')}{' '}
          {d.duplicates.map((dup, i) => (
            <span key={dup.id}>
              {i > 0 ? t('app.listSeparator') : null}
              <Anchor component={Link} to={`/tickets/${dup.id}`} ff="monospace" data-testid="duplicate-link">
                {dup.number}
              </Anchor>
            </span>
          ))}
        </Alert>
      ) : null}
    </>
  );
}

export function TicketDetailPage() {
  const { id } = useParams();
  // Another request (a merge link) starts afresh: no half-typed note or open form carries over.
  return <TicketDetailView key={id} id={Number(id)} />;
}

function TicketDetailView({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const ticket = useTicket(id);
  const locale = i18n.language;

  const back = (
    <Anchor component={Link} to="/tickets" size="sm" data-testid="back-to-queue">
      ← {t('detail.back')}
    </Anchor>
  );

  if (ticket.isPending) {
    return (
      <Stack>
        {back}
        <Loader size="sm" aria-label={t('app.loading')} />
      </Stack>
    );
  }
  if (ticket.isError) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={ticket.error} />
      </Stack>
    );
  }

  const d = ticket.data;
  const notSet = t('app.notSet');
  const province = provinceName(d.customer.province, locale);
  return (
    <Stack gap="md" maw={1100} data-testid="ticket-detail">
      {back}
      <div>
        <Group gap="xs">
          <Text ff="monospace" c="dimmed" data-testid="ticket-number">
            {d.number}
          </Text>
          <StatusBadge status={d.status} />
          <PriorityBadge priority={d.priority} />
          <TypeBadge type={d.type} />
          <Anchor component={Link} to={`/tickets/${d.id}/dispatch-sheet`} size="sm" ml="auto" data-testid="dispatch-sheet-link">
            {t('workbench.dispatchSheet')}
          </Anchor>
        </Group>
        <Title order={2} mt={4} data-testid="ticket-subject">
          {d.subject}
        </Title>
      </div>
      <StateAlerts d={d} />
      <TicketActionBar ticket={d} />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Field label={t('ticket.field.customer')}>
            <Anchor component={Link} to={`/customers/${d.customer.id}`} size="sm" data-testid="customer-link">
              {d.customer.name}
            </Anchor>
            <Text span size="xs" c="dimmed">
              {` ${d.customer.customerNo}`}
              {province ? <span data-testid="customer-province">{` · ${province}`}</span> : null}
              {d.customer.phone ? ` · ${d.customer.phone}` : ''}
            </Text>
          </Field>
          <Field label={t('ticket.field.contact')}>{d.contact ? (d.contact.phone ? `${d.contact.name} · ${d.contact.phone}` : d.contact.name) : notSet}</Field>
          <Field label={t('ticket.field.product')}>
            {d.product ? productLabel(d.product) : notSet}
            {d.warranty ? (
              // The customer's unit of this product, from the installed base: is the visit covered?
              <Group gap={6} mt={2} data-testid="ticket-warranty">
                <WarrantyBadge state={d.warranty.state} />
                <Text span size="xs" c="dimmed">
                  {[
                    d.warranty.serialNo ? t('ticket.warranty.serialNo', { serialNo: d.warranty.serialNo }) : null,
                    d.warranty.warrantyEnd ? t('ticket.warranty.until', { date: formatDay(d.warranty.warrantyEnd, i18n.language) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Group>
            ) : null}
          </Field>
          <Field label={t('ticket.field.channel')}>
            <Badge variant="default">{t(`ticket.channel.${d.channel}`)}</Badge>
          </Field>
          <Field label={t('ticket.field.priority')}>
            <PriorityControl ticket={d} />
          </Field>
          <Field label={t('ticket.field.requestedBy')}>{d.requestedBy ? formatDay(d.requestedBy, locale) : notSet}</Field>
          <Field label={t('ticket.field.assignee')}>
            <span data-testid="assignee">{d.assignee?.name ?? d.assigneeName ?? t('queue.unassignedCell')}</span>
          </Field>
          <Field label={t('detail.problemCategory')}>
            <span data-testid="problem-category">{d.problemCategory ? problemCategoryName(d.problemCategory, locale) : notSet}</span>
          </Field>
          <Field label={t('detail.attempts')}>
            <span data-testid="attempts">{t('detail.attemptsValue', { count: d.attempts, max: MAX_ATTEMPTS })}</span>
          </Field>
          {d.holdReason ? <Field label={t('detail.holdReason')}>{t(`lifecycle.holdReason.${d.holdReason}`)}</Field> : null}
          <Field label={t('ticket.field.createdBy')}>{t('detail.createdByAt', { name: d.createdByName, at: formatDateTime(d.createdAt, locale) })}</Field>
        </SimpleGrid>
      </Paper>
      <SlaPanel ticket={d} />
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" mb={4}>
          {t('ticket.field.description')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={d.description ? undefined : 'dimmed'}>
          {d.description || t('detail.noDescription')}
        </Text>
        <Text size="xs" c="dimmed" mt="sm" mb={4}>
          {t('detail.analysis')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={d.analysis ? undefined : 'dimmed'} data-testid="analysis">
          {d.analysis || t('detail.noAnalysis')}
        </Text>
      </Paper>
      <ComplaintPanel ticket={d} />
      <WorkLogsSection logs={d.workLogs} />
      <FollowUpsSection followUps={d.followUps} />
      <AttachmentsSection ticket={d} />
      <div>
        <Title order={4} mb="sm">
          {t('detail.history')}
        </Title>
        <NoteComposer ticketId={d.id} />
        <Timeline mt="md" active={d.events.length - 1} bulletSize={14} lineWidth={2}>
          {d.events.map((e, i) => (
            <EventEntry key={`${e.at}-${i}`} event={e} />
          ))}
        </Timeline>
      </div>
    </Stack>
  );
}
