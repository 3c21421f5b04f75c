import { Badge, Button, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportJob, RejectedRow } from '../../../src-shared/contract';
import type { ImportEntity } from '../../../src-shared/domain/importFields';
import { entityLabel, fieldLabel, reasonText } from './labels';
import { isMappableRejection } from './mapping';

type EntityReport = ImportJob['reports'][number];

function Count({ label, value, testId, color }: { label: string; value: number; testId: string; color?: string }) {
  return (
    <Paper withBorder p="xs" data-testid={testId} data-value={value}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={color} data-testid="count-value">
        {value}
      </Text>
    </Paper>
  );
}

interface RejectedProps {
  entity: ImportEntity;
  rows: readonly RejectedRow[];
  total: number;
  /** Set on a dry run with a column mapping: an unknown value of an enum field can be mapped here. */
  onMapValue?: (field: string, value: string) => void;
}

function RejectedRows({ entity, rows, total, onMapValue }: RejectedProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" c="red" role="alert">
        {total > rows.length ? t('imports.report.rejectedFirst', { shown: rows.length, rows: total }) : t('imports.report.rejectedAll', { rows: total })}
      </Text>
      <ScrollArea.Autosize mah={420} type="auto">
        <Table withTableBorder striped data-testid="rejected-rows" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('imports.report.line')}</Table.Th>
              <Table.Th w={160}>{t('imports.report.field')}</Table.Th>
              <Table.Th>{t('imports.report.reason')}</Table.Th>
              <Table.Th>{t('imports.report.value')}</Table.Th>
              {onMapValue ? <Table.Th w={130} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <Table.Tr key={`${row.line}-${row.field ?? ''}-${i}`} data-testid="rejected-row" data-line={row.line} data-field={row.field ?? ''} data-reason={row.reason}>
                <Table.Td ff="monospace">{row.line}</Table.Td>
                <Table.Td>{row.field ? fieldLabel(t, entity, row.field) : '—'}</Table.Td>
                <Table.Td data-testid="rejected-reason">{reasonText(t, row.reason)}</Table.Td>
                <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {row.value ?? '—'}
                </Table.Td>
                {onMapValue ? (
                  <Table.Td>
                    {isMappableRejection(entity, row) ? (
                      <Button size="compact-xs" variant="light" onClick={() => onMapValue(row.field as string, (row.value as string).trim())} data-testid="map-value">
                        {t('imports.report.mapValue')}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

interface Props {
  job: ImportJob;
  dryRun: boolean;
  onMapValue?: (field: string, value: string) => void;
}

/** Per entity: rows, created (or would be), unchanged (imported before), rejected, and the rejected rows with reasons. */
export function ImportReportView({ job, dryRun, onMapValue }: Props) {
  const { t } = useTranslation();
  if (job.reports.length === 0) return null;
  return (
    <Stack gap="md" data-testid={dryRun ? 'dry-run-report' : 'import-report'}>
      {job.reports.map((report: EntityReport) => (
        <Stack key={report.entity} gap="xs" data-testid="entity-report" data-entity={report.entity}>
          {job.reports.length > 1 ? <Title order={5}>{entityLabel(t, report.entity)}</Title> : null}
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Count label={t('imports.report.rows')} value={report.rows} testId="count-rows" />
            <Count label={dryRun ? t('imports.report.wouldCreate') : t('imports.report.created')} value={report.created} testId="count-created" color="teal" />
            <Count label={t('imports.report.unchanged')} value={report.unchanged} testId="count-unchanged" />
            <Count label={t('imports.report.rejected')} value={report.rejected} testId="count-rejected" color={report.rejected > 0 ? 'red' : undefined} />
          </SimpleGrid>
          {report.rejected === 0 ? (
            <Badge color="teal" variant="light" data-testid="no-rejected">
              {t('imports.report.noneRejected')}
            </Badge>
          ) : null}
          {report.rejectedRows.length > 0 ? (
            <RejectedRows entity={report.entity} rows={report.rejectedRows} total={report.rejected} onMapValue={onMapValue} />
          ) : null}
        </Stack>
      ))}
    </Stack>
  );
}
