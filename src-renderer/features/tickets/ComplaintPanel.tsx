import { Badge, Button, Group, Kbd, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintView, TicketDetail } from '../../../src-shared/contract';
import { OPEN_STATUSES } from '../../../src-shared/domain/lifecycle';
import type { ComplaintSeverity } from '../../../src-shared/domain/tickets';
import { toApiError } from '../../api';
import { errorMessage, fieldErrors, isStaleVersion } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { useSession } from '../auth/hooks';
import { useComplaintAction } from './hooks';

const SEVERITY_COLORS: Record<ComplaintSeverity, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };
const TEXT_MAX = 5000;

export function SeverityBadge({ severity }: { severity: ComplaintSeverity }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant={severity === 'critical' ? 'filled' : 'light'} data-severity={severity} data-testid="complaint-severity">
      {t(`complaint.severityLevel.${severity}`)}
    </Badge>
  );
}

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** Root cause and corrective action, sent with the version seen when the form opened. */
function AnalysisForm({ ticket, complaint, onDone }: { ticket: TicketDetail; complaint: ComplaintView; onDone(): void }) {
  const { t } = useTranslation();
  const mutation = useComplaintAction(ticket.id);
  const [seenVersion, setSeenVersion] = useState(ticket.version);
  const [rootCause, setRootCause] = useState(complaint.rootCause);
  const [correctiveAction, setCorrectiveAction] = useState(complaint.correctiveAction);
  const fields = mutation.error ? fieldErrors(t, mutation.error, (p) => (p === 'rootCause' || p === 'correctiveAction' ? p : null)) : {};
  const general = mutation.error && Object.keys(fields).length === 0 ? errorMessage(t, mutation.error) : null;

  function save() {
    if (mutation.isPending) return;
    mutation.mutate(
      { kind: 'updateComplaint', input: { id: ticket.id, version: seenVersion, rootCause, correctiveAction } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('complaint.saved') });
          onDone();
        },
        onError: (error) => {
          // What was typed stays; sending again over the reloaded request is deliberate.
          if (isStaleVersion(error)) {
            const current = toApiError(error).details?.currentVersion;
            if (typeof current === 'number') setSeenVersion(current);
          }
        },
      },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  }

  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate data-testid="complaint-form">
      <Stack gap="sm">
        {general ? (
          <Text c="red" size="sm" role="alert" data-testid="complaint-error">
            {general}
          </Text>
        ) : null}
        <Textarea
          label={t('complaint.rootCause')}
          name="rootCause"
          autosize
          minRows={2}
          maxRows={6}
          maxLength={TEXT_MAX}
          value={rootCause}
          onChange={(e) => setRootCause(e.currentTarget.value)}
          error={fields.rootCause}
          autoFocus
          data-testid="complaint-root-cause-input"
        />
        <Textarea
          label={t('complaint.correctiveAction')}
          name="correctiveAction"
          autosize
          minRows={2}
          maxRows={6}
          maxLength={TEXT_MAX}
          value={correctiveAction}
          onChange={(e) => setCorrectiveAction(e.currentTarget.value)}
          error={fields.correctiveAction}
          data-testid="complaint-corrective-action-input"
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> {t('complaint.save')}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={onDone}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" size="xs" loading={mutation.isPending} data-testid="complaint-save">
              {t('complaint.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A complaint's own handling: severity and whom it is about, the service manager's
 * acknowledgement (needed before it is resolved), root cause and corrective action (needed
 * before it closes).
 */
export function ComplaintPanel({ ticket }: { ticket: TicketDetail }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const acknowledge = useComplaintAction(ticket.id);
  const [editing, setEditing] = useState(false);
  const complaint = ticket.complaint;
  if (!complaint) return null;

  const permissions = session.data?.permissions ?? [];
  const canAcknowledge = permissions.includes('tickets.manage') && complaint.acknowledged === null && OPEN_STATUSES.includes(ticket.status);
  const canAnalyse = permissions.includes('tickets.followUp');
  const notRecorded = t('complaint.notRecorded');
  const party = t(`complaint.partyKind.${complaint.party}`);

  function onAcknowledge() {
    acknowledge.mutate(
      { kind: 'acknowledgeComplaint', input: { id: ticket.id, version: ticket.version } },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('complaint.acknowledgedDone') }),
        // CONFLICT / INVALID_TRANSITION reload the request (the hook); say why nothing changed.
        onError: (error) => notifications.show({ color: 'orange', message: errorMessage(t, error) }),
      },
    );
  }

  return (
    <Paper
      withBorder
      p="md"
      style={{ borderLeft: '4px solid var(--mantine-color-pink-filled)' }}
      data-testid="complaint-panel"
      data-acknowledged={complaint.acknowledged ? 'yes' : 'no'}
    >
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={4}>{t('complaint.title')}</Title>
          <SeverityBadge severity={complaint.severity} />
        </Group>
        <Group gap="xs">
          {canAcknowledge ? (
            <Button size="xs" color="pink" onClick={onAcknowledge} loading={acknowledge.isPending} data-testid="complaint-acknowledge">
              {t('complaint.acknowledge')}
            </Button>
          ) : null}
          {canAnalyse && !editing ? (
            <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="complaint-edit">
              {t('complaint.editAnalysis')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mb="sm">
        <Item label={t('complaint.severity')}>{t(`complaint.severityLevel.${complaint.severity}`)}</Item>
        <Item label={t('complaint.party')} testId="complaint-party">
          {complaint.partyUser ? t('complaint.partyWithName', { party, name: complaint.partyUser.name }) : party}
        </Item>
        <Item label={t('complaint.acknowledgement')} testId="complaint-acknowledgement">
          {complaint.acknowledged ? (
            t('complaint.acknowledgedBy', { name: complaint.acknowledged.by, at: formatDateTime(complaint.acknowledged.at, i18n.language) })
          ) : (
            <Badge color="orange" variant="light">
              {t('complaint.notAcknowledged')}
            </Badge>
          )}
        </Item>
      </SimpleGrid>
      {editing ? (
        <AnalysisForm ticket={ticket} complaint={complaint} onDone={() => setEditing(false)} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Item label={t('complaint.rootCause')} testId="complaint-root-cause">
            {complaint.rootCause || (
              <Text span size="sm" c="dimmed">
                {notRecorded}
              </Text>
            )}
          </Item>
          <Item label={t('complaint.correctiveAction')} testId="complaint-corrective-action">
            {complaint.correctiveAction || (
              <Text span size="sm" c="dimmed">
                {notRecorded}
              </Text>
            )}
          </Item>
        </SimpleGrid>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t(complaint.acknowledged ? 'complaint.closeHint' : 'complaint.acknowledgeHint')}
      </Text>
    </Paper>
  );
}
