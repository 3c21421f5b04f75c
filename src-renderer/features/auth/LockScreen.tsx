import { Anchor, Box, Button, Center, FocusTrap, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../src-shared/contract';
import { PASSWORD_MAX } from '../../../src-shared/domain/password';
import { errorMessage } from '../../i18n/errors';
import { useSignOut, useUnlockSession } from './hooks';
import { passwordFieldMessage } from './password';

/**
 * The idle lock (自动锁定): covers the whole window, over the app that stays mounted below it,
 * so nothing typed is lost; the user's password unlocks it, or they sign out.
 */
export function LockScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const unlock = useUnlockSession();
  const signOut = useSignOut();
  const [password, setPassword] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  const fieldMessage = passwordFieldMessage(t, unlock.error, 'password');
  const message = unlock.error ? (fieldMessage ?? errorMessage(t, unlock.error)) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (unlock.isPending || !password) return;
    unlock.mutate(password, {
      onError: () => {
        setPassword('');
        inputRef.current?.focus();
      },
    });
  }

  return (
    <Box
      pos="fixed"
      inset={0}
      style={{ zIndex: 1000, backdropFilter: 'blur(12px)' }}
      bg="color-mix(in srgb, var(--mantine-color-body) 80%, transparent)"
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-screen-title"
      data-testid="lock-screen"
    >
      <Center h="100%" p="md">
        <FocusTrap active>
          <Paper withBorder shadow="md" p="xl" radius="md" w="100%" maw={400}>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <div>
                  <Title order={3} id="lock-screen-title">
                    {t('lock.title')}
                  </Title>
                  <Text fw={600} mt="xs" data-testid="lock-screen-user">
                    {user.displayName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('lock.hint')}
                  </Text>
                </div>
                <PasswordInput
                  ref={inputRef}
                  label={t('lock.password')}
                  name="password"
                  autoComplete="current-password"
                  maxLength={PASSWORD_MAX}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={message}
                  data-autofocus
                  data-testid="lock-screen-password"
                />
                <Button type="submit" loading={unlock.isPending} data-testid="lock-screen-unlock">
                  {t('lock.unlock')}
                </Button>
                <Anchor component="button" type="button" size="sm" onClick={() => signOut.mutate()} data-testid="lock-screen-sign-out">
                  {t('lock.signOut')}
                </Anchor>
              </Stack>
            </form>
          </Paper>
        </FocusTrap>
      </Center>
    </Box>
  );
}
