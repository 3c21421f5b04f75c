import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSystemStatus } from '../system/hooks';

/**
 * The database failed its check at start: say so on every page, with where the backups
 * are and the way to the restore page (for administrators; others tell one).
 */
export function DatabaseProblemAlert({ linkToRestore }: { linkToRestore: boolean }) {
  const { t } = useTranslation();
  const problem = useSystemStatus().data?.databaseProblem;
  if (!problem) return null;
  return (
    <Alert color="red" variant="filled" title={t('backup.databaseProblem.title')} role="alert" mb="md" data-testid="database-problem">
      <Text size="sm">{t('backup.databaseProblem.body', { folder: problem.backupsFolder })}</Text>
      {linkToRestore ? (
        <Anchor href="#/backup" c="white" fw={700} size="sm" data-testid="database-problem-open">
          {t('backup.databaseProblem.open')}
        </Anchor>
      ) : null}
    </Alert>
  );
}
