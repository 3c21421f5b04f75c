import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api';
import { errorMessage } from '../../i18n/errors';
import { AuthLayout } from '../../ui/AuthLayout';
import { useSignIn } from './hooks';

export function SignInPage({ companyName }: { companyName: string | null }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate(
      { username, password },
      {
        onError: () => {
          setPassword('');
          passwordRef.current?.focus();
        },
      },
    );
  }

  let message: string | null = null;
  if (signIn.error) {
    const e = toApiError(signIn.error);
    // UNAUTHENTICATED from sign-in means a wrong username or password, never "sign in first".
    message = e.code === 'UNAUTHENTICATED' ? t('auth.badCredentials') : errorMessage(t, e);
  }

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate data-testid="sign-in-form">
        <Stack>
          <div>
            {companyName ? (
              <Text c="dimmed" size="sm" data-testid="company-name">
                {companyName}
              </Text>
            ) : null}
            <Title order={2}>{t('auth.title')}</Title>
          </div>
          {message ? (
            <Text c="red" size="sm" role="alert" data-testid="sign-in-error">
              {message}
            </Text>
          ) : null}
          <TextInput
            label={t('auth.username')}
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          <PasswordInput
            ref={passwordRef}
            label={t('auth.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending} data-testid="sign-in-submit">
            {t('auth.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
