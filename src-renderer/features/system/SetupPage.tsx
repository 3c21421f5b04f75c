import { Button, Checkbox, Divider, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../src-shared/domain/locale';
import { isApiError } from '../../api';
import { fieldErrors } from '../../i18n/errors';
import { useLocale } from '../../i18n/useLocale';
import { AuthLayout } from '../../ui/AuthLayout';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSetup } from './hooks';

type Field = 'companyName' | 'locale' | 'username' | 'displayName' | 'password' | 'confirm';

function fieldOf(path: string): Field | null {
  switch (path) {
    case 'companyName':
    case 'locale':
      return path;
    case 'admin.username':
    case 'username':
      return 'username';
    case 'admin.displayName':
      return 'displayName';
    case 'admin.password':
      return 'password';
    default:
      return null;
  }
}

/** First run: company, language and the first administrator, who is then signed in. */
export function SetupPage() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  const setup = useSetup();
  const [companyName, setCompanyName] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [demoData, setDemoData] = useState(true);
  const [mismatch, setMismatch] = useState(false);

  const errors: Partial<Record<Field, string>> = setup.error ? fieldErrors(t, setup.error, fieldOf) : {};
  if (mismatch) errors.confirm = t('setup.passwordMismatch');
  const hasFieldErrors = Object.keys(errors).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setup.mutate(
      { companyName, locale, admin: { username, displayName, password }, demoData },
      {
        onSuccess: (result) => {
          setLocale(locale);
          notifications.show({ color: 'teal', message: t('setup.done', { count: result.demoTickets }) });
        },
      },
    );
  }

  return (
    <AuthLayout width={520}>
      <form onSubmit={submit} noValidate data-testid="setup-form">
        <Stack>
          <div>
            <Title order={2}>{t('setup.title')}</Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('setup.subtitle')}
            </Text>
          </div>
          {setup.error && !(isApiError(setup.error) && hasFieldErrors) ? <ErrorAlert error={setup.error} testId="setup-error" /> : null}
          <TextInput
            label={t('setup.companyName')}
            name="companyName"
            required
            data-autofocus
            autoFocus
            value={companyName}
            onChange={(e) => setCompanyName(e.currentTarget.value)}
            error={errors.companyName}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('setup.language')}
            </Text>
            <SegmentedControl
              value={locale}
              onChange={(v) => setLocale(v as Locale)}
              data={LOCALES.map((l) => ({ value: l, label: t(`locales.${l}`) }))}
              data-testid="setup-locale"
            />
          </Stack>
          <Divider label={t('setup.adminSection')} labelPosition="left" />
          <TextInput
            label={t('setup.username')}
            description={t('setup.usernameHint')}
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={errors.username}
          />
          <TextInput
            label={t('setup.displayName')}
            name="displayName"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={errors.displayName}
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            name="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
          />
          <PasswordInput
            label={t('setup.confirmPassword')}
            name="confirm"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
          />
          <Checkbox
            label={t('setup.demoData')}
            description={t('setup.demoDataHint')}
            name="demoData"
            checked={demoData}
            onChange={(e) => setDemoData(e.currentTarget.checked)}
          />
          <Button type="submit" loading={setup.isPending} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
