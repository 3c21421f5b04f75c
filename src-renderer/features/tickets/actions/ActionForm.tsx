import { Button, Group, Kbd, Stack, Text } from '@mantine/core';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../src-shared/contract';
import type { TicketAction } from '../../../../src-shared/domain/lifecycle';
import { errorMessage, fieldErrors } from '../../../i18n/errors';
import type { TicketActionCall } from '../hooks';

/** What every action form gets from the action bar. */
export interface ActionFormProps {
  ticket: TicketDetail;
  /** Sends the action; the bar closes the modal when it succeeds. */
  submit(call: TicketActionCall): void;
  pending: boolean;
  error: unknown;
  onCancel(): void;
}

/**
 * The server's field problems (by input path → form field) and, when none maps to a field
 * of this form, the whole error as one sentence.
 */
export function useActionErrors(error: unknown, fieldOf: (path: string) => string | null) {
  const { t } = useTranslation();
  const fields: Record<string, string> = error ? fieldErrors(t, error, fieldOf) : {};
  const general = error && Object.keys(fields).length === 0 ? errorMessage(t, error) : null;
  return { fields, general };
}

/** Same path → same field, for the flat inputs most actions take. */
export function samePath(...names: string[]) {
  return (path: string) => (names.includes(path) ? path : null);
}

/** A modal form: the general error on top, Cancel / OK below; Ctrl+Enter submits from anywhere in it. */
export function ActionFormFrame({
  action,
  onSubmit,
  pending,
  general,
  onCancel,
  children,
}: {
  /** A lifecycle action, or a change beside the lifecycle that uses the same frame. */
  action: TicketAction | 'setAgreement';
  onSubmit(): void;
  pending: boolean;
  general: string | null;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!pending) onSubmit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!pending) onSubmit();
    }
  }

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="action-form" data-action={action}>
      <Stack gap="sm">
        {general ? (
          <Text c="red" size="sm" role="alert" data-testid="action-error">
            {general}
          </Text>
        ) : null}
        {children}
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> {t('actionForm.submit')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={pending} data-testid="action-submit">
              {t('actionForm.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
