import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';

interface Props {
  opened: boolean;
  title: string;
  /** What will be removed, and what stays. */
  message: string;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm(): void;
  onClose(): void;
  /** Prefix of the dialog's test ids: `<testId>-dialog`, `<testId>-confirm`. */
  testId: string;
}

/** Asks before something is deleted; Cancel has the focus, so Enter does no harm. */
export function ConfirmRemoveModal({ opened, title, message, confirmLabel, pending, error, onConfirm, onClose, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} trapFocus>
      <Stack gap="sm" data-testid={`${testId}-dialog`}>
        <Text size="sm">{message}</Text>
        {error ? (
          <Text c="red" size="sm" role="alert">
            {errorMessage(t, error)}
          </Text>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('app.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={pending} data-testid={`${testId}-confirm`}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
