import { Badge, Button, Group, Loader, Modal, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../src-shared/contract';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import { ApiError } from '../../api';
import { errorMessage } from '../../i18n/errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { useDeskSettings } from '../settings/hooks';
import { useNow } from '../sla/clockHooks';
import { AccountForm, ResetPasswordForm } from './AccountForm';
import { accountStatus, type AccountStatus } from './accounts';
import { formatDeskDateTime } from '../../i18n/format';
import { useAccounts, useSetAccountDisabled, useTeams } from './hooks';
import { PermissionMatrix } from './PermissionMatrix';
import { TeamsPanel } from './TeamsPanel';

const STATUS_COLORS: Record<AccountStatus, string> = { active: 'teal', disabled: 'gray', locked: 'red', mustChange: 'orange' };
const STATUS_KEYS: Record<Exclude<AccountStatus, 'locked'>, string> = {
  active: 'users.statusActive',
  disabled: 'users.statusDisabled',
  mustChange: 'users.statusMustChange',
};

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset' | 'toggle'; account: Account };

/** The yes/no before disabling (the person is signed out at once) or enabling an account. */
function ToggleDisabledModal({ account, onClose }: { account: Account | null; onClose(): void }) {
  const { t } = useTranslation();
  const toggle = useSetAccountDisabled();
  const disabling = account ? !account.disabled : true;
  function confirm() {
    if (!account) return;
    toggle.mutate(
      { id: account.id, disabled: disabling },
      {
        onSuccess: (saved) => {
          onClose();
          notifications.show({ color: 'teal', message: t(saved.disabled ? 'users.disabledDone' : 'users.enabledDone', { name: saved.displayName }) });
        },
      },
    );
  }
  return (
    <Modal opened={account !== null} onClose={onClose} title={disabling ? t('users.disableTitle') : t('users.enableTitle')} trapFocus>
      <Stack gap="sm" data-testid="account-toggle-dialog">
        <Text size="sm">{account ? t(disabling ? 'users.disableMessage' : 'users.enableMessage', { name: account.displayName }) : null}</Text>
        {toggle.error ? (
          <Text c="red" size="sm" role="alert">
            {errorMessage(t, toggle.error)}
          </Text>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('app.cancel')}
          </Button>
          <Button color={disabling ? 'red' : 'teal'} onClick={confirm} loading={toggle.isPending} data-testid="account-toggle-confirm">
            {disabling ? t('users.disable') : t('users.enable')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AccountsTable({ accounts, selfId, onDialog }: { accounts: readonly Account[]; selfId: number; onDialog(dialog: Dialog): void }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const timeZone = useDeskSettings().data?.timeZone ?? DEFAULT_TIME_ZONE;
  const when = (ms: number) => formatDeskDateTime(ms, i18n.language, timeZone);
  return (
    <Table withTableBorder highlightOnHover data-testid="accounts-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('users.name')}</Table.Th>
          <Table.Th>{t('users.username')}</Table.Th>
          <Table.Th>{t('users.role')}</Table.Th>
          <Table.Th>{t('users.team')}</Table.Th>
          <Table.Th>{t('users.dataScope')}</Table.Th>
          <Table.Th>{t('users.status')}</Table.Th>
          <Table.Th>{t('users.lastSignIn')}</Table.Th>
          <Table.Th>{t('users.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {accounts.map((a) => {
          const status = accountStatus(a, now);
          const own = a.id === selfId;
          return (
            <Table.Tr key={a.id} data-testid="account-row" data-username={a.username} data-status={status}>
              <Table.Td data-testid="account-row-name">
                {a.displayName}
                {own ? (
                  <Text span c="dimmed" size="sm" ml={4}>
                    {t('users.you')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ff="monospace">{a.username}</Table.Td>
              <Table.Td data-testid="account-row-role">{t(`role.${a.role}`)}</Table.Td>
              <Table.Td data-testid="account-row-team">{a.teamName ?? t('app.notSet')}</Table.Td>
              <Table.Td data-testid="account-row-scope" data-scope={a.dataScope} title={t(`users.scopeHint.${a.dataScope}`)}>
                {t(`users.scope.${a.dataScope}`)}
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[status]} variant="light" data-testid="account-row-status">
                  {status === 'locked' ? t('users.statusLocked', { time: when(a.lockedUntil ?? now) }) : t(STATUS_KEYS[status])}
                </Badge>
              </Table.Td>
              <Table.Td data-testid="account-row-last-sign-in">{a.lastSignInAt === null ? t('users.never') : when(a.lastSignInAt)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button variant="subtle" size="compact-sm" onClick={() => onDialog({ kind: 'edit', account: a })} data-testid="account-edit">
                    {t('users.edit')}
                  </Button>
                  {/* One's own password is changed from the user menu (修改密码); a reset would sign oneself out. */}
                  {own ? null : (
                    <Button variant="subtle" size="compact-sm" onClick={() => onDialog({ kind: 'reset', account: a })} data-testid="account-reset-password">
                      {t('users.resetPassword')}
                    </Button>
                  )}
                  {own ? null : (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      color={a.disabled ? 'teal' : 'red'}
                      onClick={() => onDialog({ kind: 'toggle', account: a })}
                      data-testid="account-toggle"
                    >
                      {a.disabled ? t('users.enable') : t('users.disable')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/**
 * 账户与权限 (#/users, administrators: users.manage): accounts with their role, team and
 * status, created with a first password the person changes at first sign-in; teams; the
 * permission matrix.
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.data?.permissions.includes('users.manage') ?? false;
  const accounts = useAccounts(canManage);
  const teams = useTeams(canManage);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  if (!canManage || !session.data) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'users.manage needed' })} />;
  const selfId = session.data.id;
  const close = () => setDialog(null);
  const editing = dialog?.kind === 'edit' ? dialog.account : null;
  const resetting = dialog?.kind === 'reset' ? dialog.account : null;

  return (
    <Stack gap="md" maw={1200} data-testid="users-page">
      <Title order={2}>{t('users.title')}</Title>
      <Tabs defaultValue="accounts" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="accounts" data-testid="users-tab-accounts">
            {t('users.tabAccounts')}
          </Tabs.Tab>
          <Tabs.Tab value="teams" data-testid="users-tab-teams">
            {t('users.tabTeams')}
          </Tabs.Tab>
          <Tabs.Tab value="permissions" data-testid="users-tab-permissions">
            {t('users.tabPermissions')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="accounts" pt="md">
          <Stack gap="sm">
            <Group justify="flex-end">
              <Button onClick={() => setDialog({ kind: 'create' })} data-testid="account-add">
                {t('users.add')}
              </Button>
            </Group>
            <ErrorAlert error={accounts.error} />
            {accounts.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
            {accounts.data ? <AccountsTable accounts={accounts.data} selfId={selfId} onDialog={setDialog} /> : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="teams" pt="md">
          <TeamsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="permissions" pt="md">
          <PermissionMatrix />
        </Tabs.Panel>
      </Tabs>
      <Modal opened={dialog?.kind === 'create' || editing !== null} onClose={close} title={editing ? t('users.editTitle') : t('users.add')} trapFocus>
        {dialog?.kind === 'create' || editing ? (
          <AccountForm
            key={editing?.id ?? 'new'}
            account={editing}
            teams={teams.data ?? []}
            selfId={selfId}
            onCancel={close}
            onSaved={(saved) => {
              close();
              notifications.show({ color: 'teal', message: t(editing ? 'users.saved' : 'users.created', { name: saved.displayName }) });
            }}
          />
        ) : null}
      </Modal>
      <Modal opened={resetting !== null} onClose={close} title={resetting ? t('users.resetTitle', { name: resetting.displayName }) : ''} trapFocus>
        {resetting ? (
          <ResetPasswordForm
            account={resetting}
            onCancel={close}
            onDone={(saved) => {
              close();
              notifications.show({ color: 'teal', message: t('users.resetDone', { name: saved.displayName }) });
            }}
          />
        ) : null}
      </Modal>
      {/* Keyed by the account: each opening starts without the last one's error. */}
      <ToggleDisabledModal key={dialog?.kind === 'toggle' ? dialog.account.id : 'none'} account={dialog?.kind === 'toggle' ? dialog.account : null} onClose={close} />
    </Stack>
  );
}
