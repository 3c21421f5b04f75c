import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Badge, Button, Group, Loader, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { DashboardFilters, DashboardKpi, DashboardView } from '../../../src-shared/contract/dashboard';
import { CUSTOMER_TIERS } from '../../../src-shared/domain/customers';
import { BACKLOG_STATUSES, KPI_KEYS, MAX_PERIOD_DAYS, PERIOD_PRESETS, dayNumber, type DrillMeasure, type KpiKey } from '../../../src-shared/domain/dashboard';
import { PROVINCES } from '../../../src-shared/domain/regions';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { drillPath, parseDashboardParams, toDashboardParams, type DashboardState } from './dashboardParams';
import { formatDelta, formatKpi, pointLabel } from './format';
import { useDashboard, useDashboardOptions, useRebuildDashboard } from './hooks';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUS_COLORS = ['gray.6', 'orange.6', 'blue.6', 'grape.6', 'red.6', 'teal.6', 'cyan.6'];

/** The browser's today, until the desk's (from dashboard.options) arrives. */
const browserToday = () => new Intl.DateTimeFormat('en-CA').format(Date.now());

/** What is wrong with a typed period: a catalog key under dashboard.errors, or null. */
function periodProblem(from: string, to: string): 'invalidDay' | 'periodOrder' | 'periodTooLong' | null {
  if (!DAY.test(from) || !DAY.test(to) || Number.isNaN(dayNumber(from)) || Number.isNaN(dayNumber(to))) return 'invalidDay';
  if (to < from) return 'periodOrder';
  if (dayNumber(to) - dayNumber(from) >= MAX_PERIOD_DAYS) return 'periodTooLong';
  return null;
}

/**
 * 运营看板 (#/dashboard): the service's figures for a period against the one before, their
 * trends and the backlog now, narrowed by team, engineer, product line, province, customer
 * tier and agreement. Every figure opens the queue on the requests behind it.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const options = useDashboardOptions();
  const today = options.data?.today ?? browserToday();
  const state = useMemo(() => parseDashboardParams(params, today), [params, today]);
  const problem = periodProblem(state.from, state.to);
  const view = useDashboard(state.from, state.to, state.filters, options.isSuccess && problem === null);
  const session = useSession();
  const [rebuilding, setRebuilding] = useState(false);
  const locale = i18n.language;

  /**
   * Changes start from the address as it is now: a second change can come before the first
   * re-rendered, and the router's own search params are those of the last render.
   */
  function update(change: (current: DashboardState) => Partial<DashboardState>) {
    const now = parseDashboardParams(new URLSearchParams(window.location.hash.split('?')[1] ?? ''), today);
    setParams(toDashboardParams({ ...now, ...change(now) }), { replace: true });
  }

  function setFilter<K extends keyof DashboardFilters>(key: K, value: DashboardFilters[K] | undefined) {
    update((current) => {
      const filters = { ...current.filters };
      if (value === undefined) delete filters[key];
      else filters[key] = value;
      return { filters };
    });
  }

  const data = view.data;
  const drill = (measure: DrillMeasure, count: number, range?: { from?: string; to: string }, status?: readonly string[]) =>
    void navigate(drillPath({ measure, from: range ? range.from : state.from, to: range?.to ?? state.to, ...(data?.filters ?? state.filters) }, count, status));

  const fixed = new Set(data?.fixed ?? []);
  // The figures shown are those of the address (not the previous ones kept while loading).
  const asked = (f: DashboardFilters) => JSON.stringify(Object.entries(f).filter(([k]) => !fixed.has(k as keyof DashboardFilters)).sort());
  const ready = Boolean(data && !view.isFetching && !view.isPlaceholderData && data.from === state.from && data.to === state.to && asked(data.filters) === asked(state.filters));
  // The filters in force: the URL's, and any the viewer's data scope fixes.
  const shown = data?.filters ?? state.filters;
  const idOptions = (rows: { id: number; name: string }[] | undefined) => (rows ?? []).map((r) => ({ value: String(r.id), label: r.name }));
  const province = locale.startsWith('zh') ? 'zh' : 'en';

  return (
    <Stack gap="md" data-testid="dashboard-page" data-ready={ready} data-query={params.toString()}>
      <Group justify="space-between">
        <Title order={2}>{t('dashboard.title')}</Title>
        {session.data?.permissions.includes('reports.read') && (
          <Button variant="subtle" size="xs" onClick={() => setRebuilding(true)} data-testid="dashboard-rebuild">
            {t('dashboard.rebuild.action')}
          </Button>
        )}
      </Group>

      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('dashboard.filters.period')}
            data={[...PERIOD_PRESETS, 'custom'].map((p) => ({ value: p, label: t(`dashboard.presets.${p}`) }))}
            value={state.preset}
            allowDeselect={false}
            onChange={(v) => v && update((current) => ({ preset: v as DashboardState['preset'], from: current.from, to: current.to }))}
            w={150}
            data-testid="dashboard-preset"
          />
          {state.preset === 'custom' && (
            <>
              <TextInput label={t('dashboard.filters.from')} placeholder="YYYY-MM-DD" defaultValue={state.from} w={130} onBlur={(e) => {
                  const from = e.currentTarget.value.trim();
                  update(() => ({ from }));
                }} data-testid="dashboard-from" />
              <TextInput label={t('dashboard.filters.to')} placeholder="YYYY-MM-DD" defaultValue={state.to} w={130} onBlur={(e) => {
                  const to = e.currentTarget.value.trim();
                  update(() => ({ to }));
                }} data-testid="dashboard-to" />
            </>
          )}
          <Select label={t('dashboard.filters.team')} placeholder={t('dashboard.filters.all')} clearable disabled={fixed.has('teamId')} data={idOptions(options.data?.teams)} value={shown.teamId !== undefined ? String(shown.teamId) : null} onChange={(v) => setFilter('teamId', v ? Number(v) : undefined)} w={150} data-testid="dashboard-team" />
          <Select label={t('dashboard.filters.engineer')} placeholder={t('dashboard.filters.all')} clearable searchable disabled={fixed.has('engineerId')} data={idOptions(options.data?.engineers)} value={shown.engineerId !== undefined ? String(shown.engineerId) : null} onChange={(v) => setFilter('engineerId', v ? Number(v) : undefined)} w={150} data-testid="dashboard-engineer" />
          <Select label={t('dashboard.filters.productLine')} placeholder={t('dashboard.filters.all')} clearable data={options.data?.productLines ?? []} value={state.filters.productLine ?? null} onChange={(v) => setFilter('productLine', v ?? undefined)} w={150} data-testid="dashboard-line" />
          <Select label={t('dashboard.filters.province')} placeholder={t('dashboard.filters.all')} clearable searchable data={PROVINCES.map((p) => ({ value: p.code, label: p[province] }))} value={state.filters.province ?? null} onChange={(v) => setFilter('province', (v as DashboardFilters['province']) ?? undefined)} w={130} data-testid="dashboard-province" />
          <Select label={t('dashboard.filters.tier')} placeholder={t('dashboard.filters.all')} clearable data={CUSTOMER_TIERS.map((tier) => ({ value: tier, label: t(`customers.tier.${tier}`) }))} value={state.filters.tier ?? null} onChange={(v) => setFilter('tier', (v as DashboardFilters['tier']) ?? undefined)} w={130} data-testid="dashboard-tier" />
          <Select label={t('dashboard.filters.agreement')} placeholder={t('dashboard.filters.all')} clearable data={idOptions(options.data?.agreements)} value={state.filters.agreementId !== undefined ? String(state.filters.agreementId) : null} onChange={(v) => setFilter('agreementId', v ? Number(v) : undefined)} w={150} data-testid="dashboard-agreement" />
          {view.isFetching && <Loader size="sm" />}
        </Group>
        {data && (
          <Text size="xs" c="dimmed" mt="xs" data-testid="dashboard-periods">
            {t('dashboard.periods', { from: data.from, to: data.to, previousFrom: data.previousFrom, previousTo: data.previousTo })}
          </Text>
        )}
      </Paper>

      {problem && <ErrorAlert error={new Error(t(`dashboard.errors.${problem}`))} testId="dashboard-period-error" />}
      <ErrorAlert error={view.error ?? options.error} />
      {!data && !view.error && !problem && <Loader />}

      {data && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
            {data.kpis.map((k) => (
              <KpiCard key={k.key} kpi={k} onDrill={(m, n) => drill(m, n)} />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            <NewVsClosed view={data} onDrill={(m, n, range) => drill(m, n, range)} />
            <KpiTrend view={data} />
          </SimpleGrid>
          <Backlog view={data} onDrill={(n, range, status) => drill('created', n, range, status)} />
        </>
      )}
      <RebuildModal opened={rebuilding} onClose={() => setRebuilding(false)} />
    </Stack>
  );
}

function KpiCard({ kpi, onDrill }: { kpi: DashboardKpi; onDrill(measure: DrillMeasure, count: number): void }) {
  const { t, i18n } = useTranslation();
  const delta = formatDelta(kpi.key, kpi.value, kpi.previous, t, i18n.language);
  const color = delta?.trend === 'better' ? 'teal' : delta?.trend === 'worse' ? 'red' : 'gray';
  return (
    <Paper withBorder p="sm" data-testid={`kpi-${kpi.key}`}>
      <Text size="xs" c="dimmed" fw={500}>
        {t(`dashboard.kpi.${kpi.key}`)}
      </Text>
      <Group gap="xs" align="baseline">
        <Anchor component="button" type="button" fz={24} fw={700} onClick={() => onDrill(kpi.drills[0]!.measure, kpi.drills[0]!.count)} data-testid={`kpi-${kpi.key}-value`}>
          {formatKpi(kpi.key, kpi.value, t, i18n.language)}
        </Anchor>
        {delta && (
          <Badge variant="light" color={color} size="sm" data-testid={`kpi-${kpi.key}-delta`}>
            {delta.text}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('dashboard.previous', { value: formatKpi(kpi.key, kpi.previous, t, i18n.language) })}
      </Text>
      <Group gap={6} mt={4}>
        {kpi.drills.map((d) => (
          <Anchor key={d.measure} component="button" type="button" size="xs" onClick={() => onDrill(d.measure, d.count)} data-testid={`drill-${kpi.key}-${d.measure}`}>
            {t(`dashboard.measure.${d.measure}`)} {d.count}
          </Anchor>
        ))}
      </Group>
    </Paper>
  );
}

/** New against closed requests per day (week, month), this period beside the previous one. */
function NewVsClosed({ view, onDrill }: { view: DashboardView; onDrill(measure: DrillMeasure, count: number, range: { from: string; to: string }): void }) {
  const { t } = useTranslation();
  const data = view.trend.map((p) => ({ label: pointLabel(p.from, p.to, view.bucket), new: p.values.new ?? 0, closed: p.values.closed ?? 0 }));
  return (
    <Paper withBorder p="sm" data-testid="chart-new-closed">
      <Text size="sm" fw={500} mb="xs">
        {t('dashboard.charts.newVsClosed')}
      </Text>
      <BarChart
        h={240}
        data={data}
        dataKey="label"
        withLegend
        series={[
          { name: 'new', label: t('dashboard.kpi.new'), color: 'blue.6' },
          { name: 'closed', label: t('dashboard.kpi.closed'), color: 'teal.6' },
        ]}
        barChartProps={{
          onClick: (state: { activeTooltipIndex?: number | string | null }) => {
            const i = Number(state?.activeTooltipIndex);
            const point = Number.isInteger(i) ? view.trend[i] : undefined;
            if (point) onDrill('created', point.values.new ?? 0, { from: point.from, to: point.to });
          },
        }}
      />
    </Paper>
  );
}

/** One figure's trend, this period against the previous one, point by point. */
function KpiTrend({ view }: { view: DashboardView }) {
  const { t, i18n } = useTranslation();
  const [key, setKey] = useState<KpiKey>('responseSla');
  const data = view.trend.map((p, i) => ({
    label: pointLabel(p.from, p.to, view.bucket),
    current: p.values[key],
    previous: view.previousTrend[i]?.values[key] ?? null,
  }));
  return (
    <Paper withBorder p="sm" data-testid="chart-kpi-trend">
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={500}>
          {t('dashboard.charts.trend')}
        </Text>
        <Select size="xs" w={180} allowDeselect={false} data={KPI_KEYS.map((k) => ({ value: k, label: t(`dashboard.kpi.${k}`) }))} value={key} onChange={(v) => v && setKey(v as KpiKey)} data-testid="dashboard-trend-kpi" />
      </Group>
      <LineChart
        h={240}
        data={data}
        dataKey="label"
        withLegend
        connectNulls
        valueFormatter={(v) => formatKpi(key, v, t, i18n.language)}
        series={[
          { name: 'current', label: t('dashboard.charts.thisPeriod'), color: 'blue.6' },
          { name: 'previous', label: t('dashboard.charts.previousPeriod'), color: 'gray.5' },
        ]}
      />
    </Paper>
  );
}

/** The open requests now, by state and age (desk days since entry); every count opens its list. */
function Backlog({ view, onDrill }: { view: DashboardView; onDrill(count: number, range: { from?: string; to: string }, status: readonly string[]): void }) {
  const { t } = useTranslation();
  const { backlog } = view;
  const data = backlog.byAge.map((b) => ({ label: t(`dashboard.age.${b.bucket}`), ...b.counts }));
  const rangeOf = (b: (typeof backlog.byAge)[number]) => ({ ...(b.from ? { from: b.from } : {}), to: b.to });
  return (
    <Paper withBorder p="sm" data-testid="dashboard-backlog">
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={500}>
          {t('dashboard.backlog.title')}
        </Text>
        <Anchor component="button" type="button" size="sm" onClick={() => onDrill(backlog.total, { to: view.today }, BACKLOG_STATUSES)} data-testid="backlog-total">
          {t('dashboard.backlog.total', { count: backlog.total })}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <BarChart
          h={240}
          data={data}
          dataKey="label"
          type="stacked"
          withLegend
          series={BACKLOG_STATUSES.map((s, i) => ({ name: s, label: t(`ticket.status.${s}`), color: STATUS_COLORS[i % STATUS_COLORS.length]! }))}
        />
        <Table striped withTableBorder fz="xs" data-testid="backlog-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.backlog.state')}</Table.Th>
              {backlog.byAge.map((b) => (
                <Table.Th key={b.bucket} ta="right">
                  {t(`dashboard.age.${b.bucket}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('dashboard.backlog.sum')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {BACKLOG_STATUSES.map((s) => (
              <Table.Tr key={s}>
                <Table.Td>{t(`ticket.status.${s}`)}</Table.Td>
                {backlog.byAge.map((b) => (
                  <Table.Td key={b.bucket} ta="right">
                    {b.counts[s] > 0 ? (
                      <Anchor component="button" type="button" fz="xs" onClick={() => onDrill(b.counts[s], rangeOf(b), [s])} data-testid={`backlog-${s}-${b.bucket}`}>
                        {b.counts[s]}
                      </Anchor>
                    ) : (
                      0
                    )}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={500}>
                  {backlog.byStatus[s]}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Paper>
  );
}

function RebuildModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const rebuild = useRebuildDashboard();
  return (
    <Modal opened={opened} onClose={onClose} title={t('dashboard.rebuild.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('dashboard.rebuild.explain')}</Text>
        <ErrorAlert error={rebuild.error} />
        {rebuild.data && (
          <Text size="sm" c="teal" data-testid="dashboard-rebuilt">
            {t('dashboard.rebuild.done', { tickets: rebuild.data.tickets, rows: rebuild.data.rows, seconds: (rebuild.data.ms / 1000).toFixed(1) })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('dashboard.rebuild.close')}
          </Button>
          <Button loading={rebuild.isPending} onClick={() => rebuild.mutate()} data-testid="dashboard-rebuild-confirm">
            {t('dashboard.rebuild.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
