import { Anchor, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../src-shared/contract';
import { AuthLayout } from '../../ui/AuthLayout';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSignOut } from './hooks';

/**
 * All a session whose password an administrator set may see: the change (main refuses every
 * other channel with PASSWORD_CHANGE_REQUIRED until then). On success the app continues.
 */
export function ChangePasswordPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <AuthLayout width={460}>
      <Stack gap="md" data-testid="forced-password-change">
        <div>
          <Text c="dimmed" size="sm">
            {t('changePassword.who', { name: user.displayName, username: user.username })}
          </Text>
          <Title order={2}>{t('changePassword.forcedTitle')}</Title>
          <Text size="sm" mt="xs">
            {t('changePassword.forcedHint')}
          </Text>
        </div>
        <ChangePasswordForm user={user} onDone={() => notifications.show({ color: 'teal', message: t('changePassword.done') })} />
        <Anchor component="button" type="button" size="sm" onClick={() => signOut.mutate()} data-testid="forced-password-sign-out">
          {t('changePassword.signOut')}
        </Anchor>
      </Stack>
    </AuthLayout>
  );
}
