import type { z } from 'zod';
import type { SessionUser } from '../../../src-shared/contract';
import type { DashboardBacklog, DashboardFilters, DashboardOptions, DashboardRebuild, DashboardView, dashboardInput } from '../../../src-shared/contract/dashboard';
import { AGE_BUCKETS, BACKLOG_STATUSES, addDays, dayNumber, previousPeriod, trendBucket, type BacklogStatus } from '../../../src-shared/domain/dashboard';
import { DEFAULT_TIME_ZONE, isoDay } from '../../../src-shared/domain/time';
import type { CoreDeps } from '../../core/context';
import { recordAudit } from '../audit/record';
import { getSettings } from '../settings/queries';
import { startTask } from '../../workers/spawn';
import { rollupTimeZone } from './days';
import { kpis, sumRange, trend } from './figures';
import { backlogByDay, dashboardOptions, sumsByDay } from './queries';
import type { RebuildResult } from './rebuild';

type DashboardInput = z.output<typeof dashboardInput>;

const zeroBacklog = () => Object.fromEntries(BACKLOG_STATUSES.map((s) => [s, 0])) as Record<BacklogStatus, number>;

/**
 * The filters a viewer's data scope fixes: a team-scoped manager sees their team's
 * requests, an own-scoped one their own. (The queue's scope condition, applied to the
 * drill-down too, then holds exactly the same requests.)
 */
export function scopedFilters(viewer: Pick<SessionUser, 'id' | 'dataScope' | 'teamId'>, filters: DashboardFilters): { filters: DashboardFilters; fixed: (keyof DashboardFilters)[] } {
  if (viewer.dataScope === 'team' && viewer.teamId !== null) return { filters: { ...filters, teamId: viewer.teamId }, fixed: ['teamId'] };
  if (viewer.dataScope === 'team' || viewer.dataScope === 'own') return { filters: { ...filters, engineerId: viewer.id }, fixed: ['engineerId'] };
  return { filters, fixed: [] };
}

export function createDashboardService(deps: CoreDeps) {
  const { db, clock } = deps;

  async function timeZone(): Promise<string> {
    return (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
  }

  /** The rebuild in progress: a second request waits for it instead of starting another. */
  let rebuilding: Promise<RebuildResult> | null = null;

  /** Days cut for the desk's zone and every rollup recomputed, in a worker thread. */
  function rebuildInWorker(zone: string): Promise<RebuildResult> {
    rebuilding ??= (async () => {
      try {
        const done = await startTask(deps.sqlite, { kind: 'dashboardRebuild', spec: { timeZone: zone, now: clock.now() } }, () => {}).result;
        if (done.kind !== 'dashboardRebuild') throw new Error(`unexpected task result ${done.kind}`);
        return done.result;
      } finally {
        rebuilding = null;
      }
    })();
    return rebuilding;
  }

  /** After the desk's time zone changed, days are cut again and the rollups rebuilt. */
  async function ensureDays(zone: string): Promise<void> {
    if ((await rollupTimeZone(db)) !== zone) await rebuildInWorker(zone);
  }

  function backlogOf(byDay: Awaited<ReturnType<typeof backlogByDay>>, today: string): DashboardBacklog {
    const todayNo = dayNumber(today);
    const byStatus = zeroBacklog();
    const byAge = AGE_BUCKETS.map((b) => ({
      bucket: b.key,
      from: b.max === null ? null : addDays(today, -b.max),
      to: addDays(today, -b.min),
      counts: zeroBacklog(),
      total: 0,
    }));
    for (const [day, counts] of byDay) {
      const age = Math.max(0, todayNo - day);
      const bucket = byAge[AGE_BUCKETS.findIndex((b) => age >= b.min && (b.max === null || age <= b.max))]!;
      for (const s of BACKLOG_STATUSES) {
        byStatus[s] += counts[s];
        bucket.counts[s] += counts[s];
        bucket.total += counts[s];
      }
    }
    return { total: BACKLOG_STATUSES.reduce((n, s) => n + byStatus[s], 0), byStatus, byAge };
  }

  async function get(input: DashboardInput, viewer: SessionUser): Promise<DashboardView> {
    const zone = await timeZone();
    await ensureDays(zone);
    const { from, to, ...asked } = input;
    const { filters, fixed } = scopedFilters(viewer, asked);
    const today = isoDay(clock.now(), zone);
    const previous = previousPeriod(from, to);
    const bucket = trendBucket(from, to);
    const [byDay, backlog] = await Promise.all([sumsByDay(db, dayNumber(previous.from), dayNumber(to), filters), backlogByDay(db, filters)]);
    return {
      from,
      to,
      previousFrom: previous.from,
      previousTo: previous.to,
      today,
      bucket,
      filters,
      fixed,
      kpis: kpis(sumRange(byDay, from, to), sumRange(byDay, previous.from, previous.to)),
      trend: trend(byDay, from, to, bucket),
      previousTrend: trend(byDay, previous.from, previous.to, bucket),
      backlog: backlogOf(backlog, today),
    };
  }

  async function options(): Promise<DashboardOptions> {
    const zone = await timeZone();
    return { ...(await dashboardOptions(db)), today: isoDay(clock.now(), zone) };
  }

  /** Recomputes every rollup from the requests in one transaction, audited with what it found. */
  async function rebuild(actor: SessionUser): Promise<DashboardRebuild> {
    const result = await rebuildInWorker(await timeZone());
    await recordAudit(db, clock.now(), { userId: actor.id, action: 'dashboard.rebuild', entity: 'dashboard', entityId: null, details: { ...result } });
    return result;
  }

  return { get, options, rebuild };
}
