import { Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentRule } from '../../../src-shared/contract';
import { ApiError } from '../../api';
import { AvailabilityDot } from '../../ui/AvailabilityDot';
import { ConfirmRemoveModal } from '../../ui/ConfirmRemoveModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { regionName } from '../customers/provinces';
import { useProblemCategories } from '../tickets/hooks';
import { problemCategoryName } from '../tickets/vocabulary';
import { useAssignees } from '../users/hooks';
import { AvailabilitySwitch } from './AvailabilitySwitch';
import { useAssignmentRules, useRemoveRule } from './hooks';
import { RuleForm } from './RuleForm';

/** Asks before a rule is deleted; requests it already assigned keep their engineer. */
function RemoveRuleModal({ rule, onClose }: { rule: AssignmentRule | null; onClose(): void }) {
  const { t } = useTranslation();
  const remove = useRemoveRule();

  function close() {
    remove.reset();
    onClose();
  }

  function confirm() {
    if (!rule) return;
    remove.mutate(rule.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('assignment.removed', { name: rule.name }) });
        close();
      },
    });
  }

  return (
    <ConfirmRemoveModal
      opened={rule !== null}
      title={t('assignment.removeTitle')}
      message={t('assignment.removeConfirm', { name: rule?.name ?? '' })}
      confirmLabel={t('assignment.remove')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={confirm}
      onClose={close}
      testId="rule-remove"
    />
  );
}

/** Who is on duty: service managers mark engineers available (在岗) or away (暂离) here. */
function EngineerAvailability({ canSetOthers, selfId }: { canSetOthers: boolean; selfId: number | undefined }) {
  const { t } = useTranslation();
  const assignees = useAssignees();
  const people = assignees.data ?? [];
  return (
    <Paper withBorder p="md" data-testid="engineer-availability">
      <Title order={4}>{t('availability.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('availability.pageHint')}
      </Text>
      {assignees.isError ? <ErrorAlert error={assignees.error} /> : null}
      {assignees.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      <Stack gap="xs">
        {people.map((p) => (
          <Group key={p.id} gap="md" wrap="nowrap" data-testid="engineer-availability-row">
            <Text size="sm" w={160} truncate>
              {p.displayName}
            </Text>
            <AvailabilitySwitch user={p} self={false} disabled={!canSetOthers && p.id !== selfId} />
          </Group>
        ))}
        {assignees.isSuccess && people.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('assignment.form.noEngineers')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** 自动分配规则: tried in order; the first matching rule with an available engineer assigns a new request. */
export function AssignmentRulesPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const permissions = session.data?.permissions ?? [];
  const canManage = permissions.includes('assignment.manage');
  const rules = useAssignmentRules(canManage);
  const categories = useProblemCategories();
  // undefined: closed; null: a new rule; a rule: editing it.
  const [editing, setEditing] = useState<AssignmentRule | null | undefined>(undefined);
  const [removing, setRemoving] = useState<AssignmentRule | null>(null);

  if (!canManage) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'assignment.manage needed' })} />;

  const items = [...(rules.data ?? [])].sort((a, b) => a.position - b.position || a.id - b.id);
  const nextPosition = Math.min(10_000, items.reduce((max, r) => Math.max(max, r.position), 0) + 10);
  const any = t('assignment.any');

  function categoryLabel(id: number | null): string {
    if (id === null) return any;
    const category = categories.data?.find((c) => c.id === id);
    return category ? problemCategoryName(category, i18n.language) : `#${id}`;
  }

  function onSaved(rule: AssignmentRule) {
    setEditing(undefined);
    notifications.show({ color: 'teal', message: t('assignment.saved', { name: rule.name }) });
  }

  return (
    <Stack gap="md" maw={1200} data-testid="assignment-page">
      <Group justify="space-between">
        <Title order={2}>{t('assignment.title')}</Title>
        <Button onClick={() => setEditing(null)} data-testid="rule-add">
          {t('assignment.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" data-testid="assignment-explanation">
        {t('assignment.explanation')}
      </Text>
      {rules.isError ? <ErrorAlert error={rules.error} /> : null}
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder striped highlightOnHover data-testid="rules-table">
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th w={70}>{t('assignment.position')}</Table.Th>
              <Table.Th>{t('assignment.name')}</Table.Th>
              <Table.Th>{t('assignment.productLine')}</Table.Th>
              <Table.Th>{t('assignment.problemCategory')}</Table.Th>
              <Table.Th>{t('assignment.strategyLabel')}</Table.Th>
              <Table.Th>{t('assignment.engineers')}</Table.Th>
              <Table.Th>{t('assignment.status')}</Table.Th>
              <Table.Th>{t('assignment.region')}</Table.Th>
              <Table.Th w={150} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid="rule-row" data-active={r.active}>
                <Table.Td ff="monospace">{r.position}</Table.Td>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td c={r.productLine ? undefined : 'dimmed'}>{r.productLine ?? any}</Table.Td>
                <Table.Td c={r.problemCategoryId === null ? 'dimmed' : undefined}>{categoryLabel(r.problemCategoryId)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.strategy === 'least_load' ? 'blue' : 'grape'} data-testid="rule-strategy-badge">
                    {t(`assignment.strategy.${r.strategy}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="sm">
                    {r.engineers.map((e) => (
                      <Group key={e.id} gap={4} wrap="nowrap" data-testid="rule-engineer-chip" data-available={e.available}>
                        <AvailabilityDot available={e.available} />
                        <Text size="sm" c={e.available ? undefined : 'dimmed'}>
                          {e.displayName}
                        </Text>
                      </Group>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={r.active ? 'teal' : 'gray'} variant="light">
                    {t(r.active ? 'assignment.active' : 'assignment.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td c={r.region === null ? 'dimmed' : undefined} data-testid="rule-region" data-region={r.region ?? ''}>
                  {r.region === null ? t('assignment.anyRegion') : regionName(t, r.region)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button variant="subtle" size="compact-sm" onClick={() => setEditing(r)} data-testid="rule-edit">
                      {t('assignment.edit')}
                    </Button>
                    <Button variant="subtle" color="red" size="compact-sm" onClick={() => setRemoving(r)} data-testid="rule-remove">
                      {t('assignment.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rules.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {!rules.isPending && !rules.isError && items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="rules-empty">
          {t('assignment.empty')}
        </Text>
      ) : null}
      <EngineerAvailability canSetOthers={permissions.includes('users.availability')} selfId={session.data?.id} />
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('assignment.editTitle') : t('assignment.add')}
        size="lg"
        trapFocus
      >
        {editing !== undefined ? (
          <RuleForm key={editing?.id ?? 'new'} rule={editing} nextPosition={nextPosition} onSaved={onSaved} onCancel={() => setEditing(undefined)} />
        ) : null}
      </Modal>
      <RemoveRuleModal rule={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
