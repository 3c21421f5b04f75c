import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../src-shared/contract';
import { PASSWORD_MAX } from '../../../src-shared/domain/password';
import { FormError } from '../../ui/FormError';
import { saveErrors } from '../../ui/formErrors';
import { useChangePassword } from './hooks';
import { newPasswordProblem, passwordCodeMessage, passwordFieldMessage, passwordLengthText } from './password';

type Field = 'current' | 'next' | 'confirm';

/**
 * The signed-in user's own password change: the current one, the new one twice. Used by the
 * forced change at first sign-in and by 修改密码 in the user menu.
 */
export function ChangePasswordForm({ user, onDone, onCancel }: { user: SessionUser; onDone(): void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  const { server, general } = saveErrors(t, change.error, (tr, error) => {
    const out: Partial<Record<Field, string>> = {};
    const currentMessage = passwordFieldMessage(tr, error, 'currentPassword');
    const nextMessage = passwordFieldMessage(tr, error, 'newPassword');
    if (currentMessage) out.current = currentMessage;
    if (nextMessage) out.next = nextMessage;
    return out;
  });
  const errors = { ...server, ...local };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (change.isPending) return;
    const problems: Partial<Record<Field, string>> = {};
    if (!current) problems.current = t('validation.required');
    const problem = newPasswordProblem(next, [user.username, user.displayName]);
    if (problem) problems.next = passwordCodeMessage(t, problem);
    else if (next === current) problems.next = t('validation.samePassword');
    if (!problems.next && confirm !== next) problems.confirm = t('validation.passwordMismatch');
    setLocal(problems);
    change.reset();
    if (Object.keys(problems).length > 0) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: onDone,
        onError: () => setCurrent(''),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="change-password-form">
      <Stack gap="sm">
        <FormError message={general} testId="change-password-error" />
        <PasswordInput
          label={t('changePassword.current')}
          name="currentPassword"
          autoComplete="current-password"
          required
          maxLength={PASSWORD_MAX}
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.current}
          data-autofocus
          data-testid="change-password-current"
        />
        <PasswordInput
          label={t('changePassword.new')}
          description={passwordLengthText(t, next)}
          name="newPassword"
          autoComplete="new-password"
          required
          maxLength={PASSWORD_MAX}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={errors.next}
          data-testid="change-password-new"
        />
        <PasswordInput
          label={t('changePassword.confirm')}
          name="confirmPassword"
          autoComplete="new-password"
          required
          maxLength={PASSWORD_MAX}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={errors.confirm}
          data-testid="change-password-confirm"
        />
        <Group justify="flex-end" gap="xs" mt="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
            {t('changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
