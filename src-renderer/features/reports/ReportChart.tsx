import { BarChart, LineChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import type { ReportWords } from '../../../src-shared/contract/reports';
import { chartData, type ReportCell, type ReportChartShape, type ReportShape } from '../../../src-shared/domain/reports';

const COLORS = ['blue.6', 'orange.6', 'teal.6', 'grape.6'];

/** A report's chart, drawn from its table's rows as the PDF draws it (shares in %, money in yuan). */
export function ReportChart({ shape, chart, rows, words }: { shape: ReportShape; chart: ReportChartShape; rows: readonly (readonly ReportCell[])[]; words: ReportWords }) {
  const d = chartData(shape, chart, rows, words);
  const data = d.labels.map((label, i) => ({ label: label || words.none, ...Object.fromEntries(d.series.map((s) => [s.key, s.values[i] ?? 0])) }));
  const series = d.series.map((s, i) => ({ name: s.key, label: words.columns[s.key] ?? s.key, color: COLORS[i % COLORS.length]! }));
  const Chart = d.kind === 'line' ? LineChart : BarChart;
  // Counts have no fractions on their axis.
  const table = shape.tables.find((x) => x.key === chart.table)!;
  const whole = chart.series.every((key) => table.columns.find((c) => c.key === key)?.type === 'integer');
  return (
    <Paper withBorder p="sm" data-testid={`report-chart-${chart.key}`}>
      <Text size="sm" fw={500} mb="xs">
        {words.charts[chart.key]}
      </Text>
      <Chart h={240} data={data} dataKey="label" series={series} withLegend={series.length > 1} tickLine="y" yAxisProps={{ allowDecimals: !whole }} />
    </Paper>
  );
}
