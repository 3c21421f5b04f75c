import { Button, Group, Loader, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../src-shared/contract';
import { ConfirmRemoveModal } from '../../ui/ConfirmRemoveModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { saveErrors } from '../../ui/formErrors';
import { teamFieldErrors } from './accounts';
import { useRemoveTeam, useSaveTeam, useTeams } from './hooks';

const TEAM_NAME_MAX = 50;

function TeamForm({ team, onSaved, onCancel }: { team: Team | null; onSaved(team: Team): void; onCancel(): void }) {
  const { t } = useTranslation();
  const save = useSaveTeam();
  const [name, setName] = useState(team?.name ?? '');
  const [local, setLocal] = useState<string | null>(null);
  const { server, general } = saveErrors(t, save.error, teamFieldErrors);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const trimmed = name.trim();
    setLocal(trimmed ? null : t('validation.required'));
    save.reset();
    if (!trimmed) return;
    save.mutate({ ...(team ? { id: team.id } : {}), name: trimmed }, { onSuccess: onSaved });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="team-form">
      <Stack gap="sm">
        <FormError message={general} testId="team-form-error" />
        <TextInput
          label={t('users.teamName')}
          name="name"
          required
          maxLength={TEAM_NAME_MAX}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={local ?? server.name}
          data-autofocus
          data-testid="team-form-name"
        />
        <FormActions saveLabel={t('users.save')} pending={save.isPending} onCancel={onCancel} testId="team-form-submit" />
      </Stack>
    </form>
  );
}

/** 团队: names and active member counts; add, rename, and remove a team without active members. */
export function TeamsPanel() {
  const { t } = useTranslation();
  const teams = useTeams();
  const remove = useRemoveTeam();
  // undefined: closed; null: a new team; a Team: renaming it.
  const [editing, setEditing] = useState<Team | null | undefined>(undefined);
  const [removing, setRemoving] = useState<Team | null>(null);

  function onSaved(team: Team) {
    setEditing(undefined);
    notifications.show({ color: 'teal', message: t('users.teamSaved', { name: team.name }) });
  }

  function confirmRemove() {
    if (!removing) return;
    const { id, name } = removing;
    remove.mutate(id, {
      onSuccess: () => {
        setRemoving(null);
        notifications.show({ color: 'teal', message: t('users.teamRemoved', { name }) });
      },
    });
  }

  return (
    <Stack gap="sm" data-testid="teams-panel">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('users.teamsHint')}
        </Text>
        <Button onClick={() => setEditing(null)} data-testid="team-add">
          {t('users.teamAdd')}
        </Button>
      </Group>
      <ErrorAlert error={teams.error} />
      {teams.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {teams.data && teams.data.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="teams-empty">
          {t('users.teamsEmpty')}
        </Text>
      ) : null}
      {teams.data && teams.data.length > 0 ? (
        <Table withTableBorder highlightOnHover data-testid="teams-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.teamName')}</Table.Th>
              <Table.Th w={140}>{t('users.teamMembers')}</Table.Th>
              <Table.Th w={200}>{t('users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data.map((team) => (
              <Table.Tr key={team.id} data-testid="team-row" data-team={team.name}>
                <Table.Td data-testid="team-row-name">{team.name}</Table.Td>
                <Table.Td data-testid="team-row-members">{team.members}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button variant="subtle" size="compact-sm" onClick={() => setEditing(team)} data-testid="team-row-rename">
                      {t('users.teamRename')}
                    </Button>
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      onClick={() => {
                        remove.reset();
                        setRemoving(team);
                      }}
                      data-testid="team-row-remove"
                    >
                      {t('users.teamRemove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? t('users.teamRenameTitle') : t('users.teamAdd')} trapFocus>
        {editing !== undefined ? <TeamForm key={editing?.id ?? 'new'} team={editing} onSaved={onSaved} onCancel={() => setEditing(undefined)} /> : null}
      </Modal>
      <ConfirmRemoveModal
        opened={removing !== null}
        title={t('users.teamRemoveTitle')}
        message={removing ? t('users.teamRemoveMessage', { name: removing.name }) : ''}
        confirmLabel={t('users.teamRemove')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
        testId="team-remove"
      />
    </Stack>
  );
}
