import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportTableData, ReportWords } from '../../../src-shared/contract/reports';
import { formatReportCell, type ReportCell, type ReportColumnShape, type ReportTableShape } from '../../../src-shared/domain/reports';

const numeric = (c: ReportColumnShape) => c.type === 'integer' || c.type === 'number' || c.type === 'percent' || c.type === 'money';

/** One of a report's tables: its header, rows and totals row, numbers right-aligned, as the files show them. */
export function ReportTable({ shape, data, words, dateTime }: { shape: ReportTableShape; data: ReportTableData; words: ReportWords; dateTime(ms: number): string }) {
  const { t } = useTranslation();
  const firstFigure = shape.columns.findIndex(numeric);
  const cell = (c: ReportColumnShape, v: ReportCell, i: number, group: boolean) => {
    // A group with no value (no category, no product line) is named, not left blank.
    if ((v === null || v === '') && group && (c.type === 'text' || c.type === 'code') && i < firstFigure) return words.none;
    return formatReportCell(c, v, words, dateTime);
  };
  return (
    <div data-testid={`report-table-${shape.key}`}>
      <Title order={4} mb="xs">
        {words.tables[shape.key]}
      </Title>
      <Table.ScrollContainer minWidth={Math.min(1200, shape.columns.length * 110)}>
        <Table striped withTableBorder highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {shape.columns.map((c) => (
                <Table.Th key={c.key} style={{ textAlign: numeric(c) ? 'right' : 'left', whiteSpace: 'nowrap' }}>
                  {words.columns[c.key]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((row, r) => (
              <Table.Tr key={r}>
                {shape.columns.map((c, i) => (
                  <Table.Td key={c.key} style={{ textAlign: numeric(c) ? 'right' : 'left' }}>
                    {cell(c, row[i] ?? null, i, true)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {data.rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={shape.columns.length}>
                  <Text size="sm" c="dimmed">
                    {t('reports.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
          {data.totals ? (
            <Table.Tfoot>
              <Table.Tr data-testid={`report-totals-${shape.key}`}>
                {shape.columns.map((c, i) => (
                  <Table.Th key={c.key} style={{ textAlign: numeric(c) ? 'right' : 'left' }}>
                    {i === 0 ? words.total : cell(c, data.totals![i] ?? null, i, false)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          ) : null}
        </Table>
      </Table.ScrollContainer>
      {data.totalRows > data.rows.length ? (
        <Text size="sm" c="dimmed" mt={4} data-testid={`report-cut-${shape.key}`}>
          {t('reports.listCut', { shown: data.rows.length, total: data.totalRows })}
        </Text>
      ) : null}
    </div>
  );
}
