import { Alert, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Team } from '../../../src-shared/contract';
import { PASSWORD_MAX } from '../../../src-shared/domain/password';
import { DATA_SCOPES, ROLES, type DataScope, type Role } from '../../../src-shared/domain/roles';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { saveErrors } from '../../ui/formErrors';
import { newPasswordProblem, passwordCodeMessage, passwordLengthText } from '../auth/password';
import { accountFieldErrors, formDataScope, type AccountField } from './accounts';
import { useCreateAccount, useResetPassword, useUpdateAccount } from './hooks';

const USERNAME = /^[A-Za-z0-9._-]{3,32}$/;
const DISPLAY_NAME_MAX = 50;

/** The role select: every role by its translated name. */
function RoleSelect({ value, onChange, disabled, description }: { value: Role; onChange(role: Role): void; disabled?: boolean; description?: string }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('users.role')}
      description={description}
      name="role"
      required
      disabled={disabled}
      data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as Role)}
      data-testid="account-form-role"
    />
  );
}

function TeamSelect({ teams, value, onChange, error }: { teams: readonly Team[]; value: number | null; onChange(id: number | null): void; error?: string }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('users.team')}
      name="teamId"
      data={[{ value: '', label: t('users.teamNone') }, ...teams.map((team) => ({ value: String(team.id), label: team.name }))]}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
      error={error}
      data-testid="account-form-team"
    />
  );
}

/** 数据范围: what the account's queries return, with a line saying what the chosen scope means. */
function DataScopeSelect({ value, onChange, error }: { value: DataScope; onChange(scope: DataScope): void; error?: string }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('users.dataScope')}
      description={t(`users.scopeHint.${value}`)}
      name="dataScope"
      required
      data={DATA_SCOPES.map((s) => ({ value: s, label: t(`users.scope.${s}`) }))}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as DataScope)}
      error={error}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data-testid="account-form-scope"
    />
  );
}

interface FormProps {
  /** null: a new account. */
  account: Account | null;
  teams: readonly Team[];
  /** The signed-in administrator's id: their own role cannot change. */
  selfId: number;
  onSaved(account: Account): void;
  onCancel(): void;
}

/** 新建账户 (account = null: username, name, role, team, data scope, first password) or 编辑账户 (name, role, team, data scope). */
export function AccountForm({ account, teams, selfId, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const save = account ? update : create;
  const [username, setUsername] = useState(account?.username ?? '');
  const [displayName, setDisplayName] = useState(account?.displayName ?? '');
  const [role, setRole] = useState<Role>(account?.role ?? 'agent');
  const [teamId, setTeamId] = useState<number | null>(account?.teamId ?? null);
  // null: not picked yet (a new account), so it follows the role and team as main's default would.
  const [pickedScope, setPickedScope] = useState<DataScope | null>(account?.dataScope ?? null);
  const dataScope = formDataScope(pickedScope, role, teamId);
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Partial<Record<AccountField, string>>>({});
  const own = account !== null && account.id === selfId;

  const { server, general } = saveErrors(t, save.error, accountFieldErrors);
  const errors = { ...server, ...local };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const name = displayName.trim();
    const problems: Partial<Record<AccountField, string>> = {};
    if (!name) problems.displayName = t('validation.required');
    if (!account) {
      if (!username.trim()) problems.username = t('validation.required');
      else if (!USERNAME.test(username.trim())) problems.username = t('validation.username');
      const problem = newPasswordProblem(password, [username, name]);
      if (problem) problems.password = passwordCodeMessage(t, problem);
    }
    if (dataScope === 'team' && teamId === null) problems.teamId = t('validation.teamScopeNeedsTeam');
    setLocal(problems);
    save.reset();
    if (Object.keys(problems).length > 0) return;
    if (account) update.mutate({ id: account.id, displayName: name, role, teamId, dataScope }, { onSuccess: onSaved });
    else create.mutate({ username: username.trim(), displayName: name, role, teamId, dataScope, password }, { onSuccess: onSaved });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="account-form">
      <Stack gap="sm">
        <FormError message={general} testId="account-form-error" />
        {account ? (
          <TextInput label={t('users.username')} name="username" value={account.username} readOnly variant="filled" ff="monospace" data-testid="account-form-username" />
        ) : (
          <TextInput
            label={t('users.username')}
            description={t('users.usernameHint')}
            name="username"
            autoComplete="off"
            required
            maxLength={32}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={errors.username}
            data-autofocus
            data-testid="account-form-username"
          />
        )}
        <TextInput
          label={t('users.name')}
          description={t('users.displayNameHint')}
          name="displayName"
          required
          maxLength={DISPLAY_NAME_MAX}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.displayName}
          data-autofocus={account ? true : undefined}
          data-testid="account-form-name"
        />
        <RoleSelect value={role} onChange={setRole} disabled={own} description={own ? t('users.ownRoleNote') : undefined} />
        <TeamSelect teams={teams} value={teamId} onChange={setTeamId} error={errors.teamId} />
        <DataScopeSelect value={dataScope} onChange={setPickedScope} error={errors.dataScope} />
        {account ? null : (
          <>
            <PasswordInput
              label={t('users.firstPassword')}
              description={passwordLengthText(t, password)}
              name="password"
              autoComplete="new-password"
              required
              maxLength={PASSWORD_MAX}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              data-testid="account-form-password"
            />
            <Alert variant="light" color="blue" p="xs" data-testid="account-form-must-change">
              <Text size="sm">{t('users.mustChangeNote')}</Text>
            </Alert>
          </>
        )}
        <FormActions saveLabel={account ? t('users.save') : t('users.create')} pending={save.isPending} onCancel={onCancel} testId="account-form-submit" />
      </Stack>
    </form>
  );
}

/** 重置密码: a new password the person must change at next sign-in. */
export function ResetPasswordForm({ account, onDone, onCancel }: { account: Account; onDone(account: Account): void; onCancel(): void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<string | null>(null);

  const { server, general } = saveErrors(t, reset.error, accountFieldErrors);
  const error = local ?? server.password;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reset.isPending) return;
    const problem = newPasswordProblem(password, [account.username, account.displayName]);
    setLocal(problem ? passwordCodeMessage(t, problem) : null);
    reset.reset();
    if (problem) return;
    reset.mutate({ id: account.id, password }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="reset-password-form">
      <Stack gap="sm">
        <FormError message={general} testId="reset-password-error" />
        <Text size="sm">{t('users.resetNote')}</Text>
        <PasswordInput
          label={t('users.newPassword')}
          description={passwordLengthText(t, password)}
          name="password"
          autoComplete="new-password"
          required
          maxLength={PASSWORD_MAX}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={error}
          data-autofocus
          data-testid="reset-password-input"
        />
        <FormActions saveLabel={t('users.resetPassword')} pending={reset.isPending} onCancel={onCancel} testId="reset-password-submit" />
      </Stack>
    </form>
  );
}
