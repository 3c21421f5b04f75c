import { Alert, Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, queryKeys } from '../../api';

/**
 * The database failed its check at start: say so on every page, with where the backups
 * are and the way to the restore page (for administrators; others tell one). The check runs
 * in the background for up to a minute on a large desk, so the status is read again each minute.
 */
export function DatabaseProblemAlert({ linkToRestore }: { linkToRestore: boolean }) {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: queryKeys.system.status, queryFn: () => api.system.status(), staleTime: Infinity, refetchInterval: 60_000 });
  const problem = status.data?.databaseProblem;
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
