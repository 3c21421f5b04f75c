import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { ExportPanel } from './ExportPanel';
import { ImportHistory } from './ImportHistory';
import { ImportWizard } from './ImportWizard';

/**
 * 数据导入/导出 (#/data): the import wizard and its history for holders of data.import,
 * the export for holders of data.export (service managers and administrators hold both).
 */
export function DataPage() {
  const { t } = useTranslation();
  const session = useSession();
  const permissions = session.data?.permissions ?? [];
  const canImport = permissions.includes('data.import');
  const canExport = permissions.includes('data.export');
  if (!session.data) return null;
  if (!canImport && !canExport) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'data.import or data.export needed' })} />;
  return (
    <Stack gap="md" maw={1200} data-testid="data-page">
      <Stack gap={4}>
        <Title order={2}>{t('imports.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('imports.intro')}
        </Text>
      </Stack>
      {canImport ? <ImportWizard /> : null}
      {canExport ? <ExportPanel /> : null}
      {canImport ? <ImportHistory /> : null}
    </Stack>
  );
}
