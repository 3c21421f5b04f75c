import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** 校验完整性: walks the hash chain (audit.verify). */
export function VerifyButton({ pending, onClick }: { pending: boolean; onClick(): void }) {
  const { t } = useTranslation();
  return (
    <Button variant="default" onClick={onClick} loading={pending} data-testid="audit-verify">
      {t('audit.verify.button')}
    </Button>
  );
}

/** Whether the trail is as it was written: green with the count, or red naming the first broken entry. */
export function VerifyResult({
  data,
  error,
  onClose,
  canRestore,
}: {
  data: { checked: number; brokenAt: number | null } | undefined;
  error: unknown;
  onClose(): void;
  /** The person may restore backups (backup.manage): the alert links the page. */
  canRestore: boolean;
}) {
  const { t } = useTranslation();
  if (error) return <ErrorAlert error={error} testId="audit-verify-error" />;
  if (!data) return null;
  if (data.brokenAt === null) {
    return (
      <Alert color="teal" variant="light" withCloseButton onClose={onClose} closeButtonLabel={t('audit.verify.close')} data-testid="audit-verify-intact" data-checked={data.checked}>
        {t('audit.verify.intact', { count: data.checked })}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" role="alert" title={t('audit.verify.brokenTitle', { id: data.brokenAt })} data-testid="audit-verify-broken" data-broken-at={data.brokenAt}>
      <Stack gap={6}>
        <Text size="sm">{t('audit.verify.brokenBody', { id: data.brokenAt, checked: data.checked })}</Text>
        {canRestore ? (
          <Anchor component={Link} to="/backup" size="sm" data-testid="audit-verify-open-backup">
            {t('audit.verify.openBackup')}
          </Anchor>
        ) : null}
      </Stack>
    </Alert>
  );
}
