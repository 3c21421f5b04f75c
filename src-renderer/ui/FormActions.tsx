import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A modal form's closing row: Cancel, then the submit button (busy while saving). */
export function FormActions({ saveLabel, pending, onCancel, testId }: { saveLabel: string; pending: boolean; onCancel(): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="xs" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('app.cancel')}
      </Button>
      <Button type="submit" loading={pending} data-testid={testId}>
        {saveLabel}
      </Button>
    </Group>
  );
}
