import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';

/** A translated error from the api client (or anything thrown), or nothing. */
export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid={testId}>
      {errorMessage(t, error)}
    </Alert>
  );
}
