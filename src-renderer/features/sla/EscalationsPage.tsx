import { Badge, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView, EscalationRule } from '../../../src-shared/contract';
import { ApiError } from '../../api';
import { ConfirmRemoveModal } from '../../ui/ConfirmRemoveModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { PriorityBadge } from '../tickets/badges';
import { EscalationForm } from './EscalationForm';
import { useAgreements, useEscalations, useRemoveEscalation } from './hooks';

/** Asks before a rule is deleted; what it already did to requests stays done. */
function RemoveEscalationModal({ rule, onClose }: { rule: EscalationRule | null; onClose(): void }) {
  const { t } = useTranslation();
  const remove = useRemoveEscalation();

  function close() {
    remove.reset();
    onClose();
  }

  function confirm() {
    if (!rule) return;
    remove.mutate(rule.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('slaAdmin.escalations.removed', { name: rule.name }) });
        close();
      },
    });
  }

  return (
    <ConfirmRemoveModal
      opened={rule !== null}
      title={t('slaAdmin.escalations.removeTitle')}
      message={t('slaAdmin.escalations.removeConfirm', { name: rule?.name ?? '' })}
      confirmLabel={t('slaAdmin.remove')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={confirm}
      onClose={close}
      testId="escalation-remove"
    />
  );
}

const ACTION_COLORS = { raise_priority: 'orange', reassign: 'blue', lock: 'red' } as const;

function EscalationRow({
  rule: r,
  agreements,
  onEdit,
  onRemove,
}: {
  rule: EscalationRule;
  agreements: readonly AgreementView[];
  onEdit(): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const any = t('slaAdmin.any');
  const agreementName = r.agreementId === null ? any : (agreements.find((a) => a.id === r.agreementId)?.name ?? `#${r.agreementId}`);
  return (
    <Table.Tr data-testid="escalation-row" data-active={r.active}>
      <Table.Td ff="monospace">{r.position}</Table.Td>
      <Table.Td>{r.name}</Table.Td>
      <Table.Td>{t(`slaAdmin.target.${r.onTarget}`)}</Table.Td>
      <Table.Td c={r.priority === null ? 'dimmed' : undefined}>{r.priority === null ? any : <PriorityBadge priority={r.priority} />}</Table.Td>
      <Table.Td c={r.agreementId === null ? 'dimmed' : undefined}>{agreementName}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={ACTION_COLORS[r.action]} data-testid="escalation-action-badge">
          {t(`slaAdmin.action.${r.action}`)}
        </Badge>
        {r.action === 'reassign' ? (
          <Text size="xs" c="dimmed" mt={2}>
            {r.engineers.map((e) => e.displayName).join(t('app.listSeparator'))}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Badge color={r.active ? 'teal' : 'gray'} variant="light">
          {t(r.active ? 'slaAdmin.active' : 'slaAdmin.inactive')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button variant="subtle" size="compact-sm" onClick={onEdit} data-testid="escalation-edit">
            {t('slaAdmin.edit')}
          </Button>
          <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove} data-testid="escalation-remove">
            {t('slaAdmin.remove')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** 升级规则: what happens when a request's SLA target is breached, tried in order; administrators only. */
export function EscalationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.data?.permissions.includes('sla.manage') ?? false;
  const rules = useEscalations(canManage);
  const agreements = useAgreements(canManage);
  // undefined: closed; null: a new rule; a rule: editing it.
  const [editing, setEditing] = useState<EscalationRule | null | undefined>(undefined);
  const [removing, setRemoving] = useState<EscalationRule | null>(null);

  if (!canManage) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'sla.manage needed' })} />;

  const items = [...(rules.data ?? [])].sort((a, b) => a.position - b.position || a.id - b.id);
  const nextPosition = Math.min(10_000, items.reduce((max, r) => Math.max(max, r.position), 0) + 10);

  function onSaved(rule: EscalationRule) {
    setEditing(undefined);
    notifications.show({ color: 'teal', message: t('slaAdmin.escalations.saved', { name: rule.name }) });
  }

  return (
    <Stack gap="md" maw={1200} data-testid="escalations-page">
      <Group justify="space-between">
        <Title order={2}>{t('slaAdmin.escalations.title')}</Title>
        <Button onClick={() => setEditing(null)} data-testid="escalation-add">
          {t('slaAdmin.escalations.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('slaAdmin.escalations.explanation')}
      </Text>
      <ErrorAlert error={rules.error} />
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder striped highlightOnHover data-testid="escalations-table">
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th w={70}>{t('slaAdmin.escalations.position')}</Table.Th>
              <Table.Th>{t('slaAdmin.escalations.name')}</Table.Th>
              <Table.Th>{t('slaAdmin.escalations.target')}</Table.Th>
              <Table.Th>{t('slaAdmin.escalations.priority')}</Table.Th>
              <Table.Th>{t('slaAdmin.escalations.agreement')}</Table.Th>
              <Table.Th>{t('slaAdmin.escalations.action')}</Table.Th>
              <Table.Th>{t('slaAdmin.status')}</Table.Th>
              <Table.Th w={150} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <EscalationRow key={r.id} rule={r} agreements={agreements.data ?? []} onEdit={() => setEditing(r)} onRemove={() => setRemoving(r)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rules.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {rules.isSuccess && items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="escalations-empty">
          {t('slaAdmin.escalations.empty')}
        </Text>
      ) : null}
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('slaAdmin.escalations.editTitle') : t('slaAdmin.escalations.add')}
        size="lg"
        trapFocus
      >
        {editing !== undefined ? (
          <EscalationForm key={editing?.id ?? 'new'} rule={editing} nextPosition={nextPosition} onSaved={onSaved} onCancel={() => setEditing(undefined)} />
        ) : null}
      </Modal>
      <RemoveEscalationModal rule={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
