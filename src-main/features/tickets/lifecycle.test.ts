import { beforeEach, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../../src-shared/contract';
import type { Core } from '../../core/createCore';
import { addUser, call, fakeClock, setupDesk, signInAs, testCore, type FakeClock } from '../../core/testing';
import { runRequestedDateCheck } from './jobs';

let core: Core;
let clock: FakeClock;
let engineerId: number;
let partId: number;
const HOUR = 3_600_000;

beforeEach(async () => {
  // 2026-11-24 10:00 in Shanghai.
  ({ core, clock } = await testCore(fakeClock(Date.UTC(2026, 10, 24, 2, 0))));
  await setupDesk(core);
  for (const [role, name] of [['agent', 'agent1'], ['engineer', 'wang'], ['engineer', 'li'], ['supervisor', 'boss']] as const) {
    await addUser(core, role, name);
    await signInAs(core, name);
  }
  engineerId = (await call(core, 'users.assignees', {}, 'admin')).find((u) => u.displayName === 'wang')!.id;
  partId = (await call(core, 'parts.save', { partNo: 'CAP-35UF', name: '压缩机启动电容 35μF', unitPrice: 4500 }, 'admin')).id;
});

async function newRequest(extra: Record<string, unknown> = {}): Promise<TicketDetail> {
  return call(core, 'tickets.create', { customer: { name: '华东精密机械' }, type: 'repair', channel: 'phone', subject: '空调漏水', ...extra } as never, 'agent1');
}

function work(t: TicketDetail, outcome: 'resolved' | 'unresolved' | 'in_progress', extra: Record<string, unknown> = {}) {
  const start = clock.now();
  return {
    id: t.id,
    version: t.version,
    kind: 'onsite' as const,
    startedAt: start,
    endedAt: start + 2 * HOUR,
    workMinutes: 90,
    parts: [{ partId, quantity: 2 }],
    labourFee: 20000,
    travelFee: 5000,
    chargeable: false,
    findings: '冷凝水管堵塞，已疏通',
    outcome,
    ...extra,
  };
}

function count(table: string): number {
  return (core.deps.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('the closed loop', () => {
  it('goes assign → work → follow-up unsatisfied → second attempt → locked → manager reassigns → resolved → closed', async () => {
    let t = await newRequest();
    expect(t.allowedActions).toEqual(['assign', 'hold', 'merge']);
    t = await call(core, 'tickets.assign', { id: t.id, version: t.version, engineerId }, 'agent1');
    expect(t).toMatchObject({ status: 'assigned', assignee: { id: engineerId }, version: 2 });

    // The engineer sees their own actions only.
    const asEngineer = await call(core, 'tickets.get', { id: t.id }, 'wang');
    expect(asEngineer.allowedActions).toEqual(['hold', 'logWork']);
    t = await call(core, 'tickets.logWork', work(t, 'resolved'), 'wang');
    expect(t).toMatchObject({ status: 'resolved', attempts: 0 });
    expect(t.workLogs).toEqual([
      expect.objectContaining({ workMinutes: 90, labourFee: 20000, travelFee: 5000, partsFee: 9000, chargeable: false, outcome: 'resolved', parts: [expect.objectContaining({ partNo: 'CAP-35UF', quantity: 2, unitPrice: 4500 })] }),
    ]);

    t = await call(core, 'tickets.recordFollowUp', { id: t.id, version: t.version, satisfaction: 2, satisfied: false, comment: '还在漏水' }, 'agent1');
    expect(t).toMatchObject({ status: 'pending_assignment', attempts: 1 });
    expect(t.followUps).toEqual([expect.objectContaining({ satisfaction: 2, satisfied: false, comment: '还在漏水' })]);

    t = await call(core, 'tickets.assign', { id: t.id, version: t.version, engineerId }, 'agent1');
    t = await call(core, 'tickets.logWork', work(t, 'unresolved', { parts: [] }), 'wang');
    expect(t).toMatchObject({ status: 'locked', attempts: 2, lockReason: 'attempts_exhausted' });
    expect((await call(core, 'tickets.get', { id: t.id }, 'agent1')).allowedActions).toEqual([]);
    expect((await call(core, 'tickets.get', { id: t.id }, 'boss')).allowedActions).toEqual(['unlock']);

    const byAgent = await core.dispatch('tickets.unlock', { id: t.id, version: t.version, mode: 'reassign', engineerId }, 'agent1');
    expect(byAgent).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    t = await call(core, 'tickets.unlock', { id: t.id, version: t.version, mode: 'reassign', engineerId, note: '换件处理' }, 'boss');
    expect(t).toMatchObject({ status: 'assigned', lockReason: null });
    t = await call(core, 'tickets.logWork', work(t, 'resolved', { parts: [] }), 'wang');
    t = await call(core, 'tickets.startFollowUp', { id: t.id, version: t.version }, 'agent1');
    expect(t.status).toBe('follow_up');
    t = await call(core, 'tickets.recordFollowUp', { id: t.id, version: t.version, satisfaction: 5, satisfied: true }, 'agent1');
    expect(t.status).toBe('closed');

    // Every transition is in the history with who, from and to.
    expect(t.events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.actorName])).toEqual([
      ['created', null, 'pending_assignment', 'agent1'],
      ['slaComputed', null, null, null],
      ['assign', 'pending_assignment', 'assigned', 'agent1'],
      ['logWork', 'assigned', 'resolved', 'wang'],
      ['recordFollowUp', 'resolved', 'pending_assignment', 'agent1'],
      ['assign', 'pending_assignment', 'assigned', 'agent1'],
      ['logWork', 'assigned', 'locked', 'wang'],
      ['unlock', 'locked', 'assigned', 'boss'],
      ['logWork', 'assigned', 'resolved', 'wang'],
      ['startFollowUp', 'resolved', 'follow_up', 'agent1'],
      ['recordFollowUp', 'follow_up', 'closed', 'agent1'],
    ]);
  });

  it('refuses invalid transitions naming the allowed actions, and changes nothing', async () => {
    const t = await newRequest();
    const result = await core.dispatch('tickets.recordFollowUp', { id: t.id, version: t.version, satisfaction: 5, satisfied: true }, 'agent1');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', details: { status: 'pending_assignment', allowed: ['assign', 'hold', 'close', 'merge'] } } });
    expect(await call(core, 'tickets.get', { id: t.id }, 'agent1')).toMatchObject({ status: 'pending_assignment', version: 1 });
    expect(count('follow_ups')).toBe(0);
  });

  it('answers a stale version with CONFLICT, never a silent overwrite', async () => {
    const t = await newRequest();
    await call(core, 'tickets.assign', { id: t.id, version: t.version, engineerId }, 'agent1');
    const second = await core.dispatch('tickets.hold', { id: t.id, version: t.version, reason: 'waiting_parts' }, 'boss');
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { currentVersion: 2 } } });
    expect((await call(core, 'tickets.get', { id: t.id }, 'boss')).status).toBe('assigned');
  });

  it("keeps engineers off other engineers' requests", async () => {
    let t = await newRequest();
    t = await call(core, 'tickets.assign', { id: t.id, version: t.version, engineerId }, 'agent1');
    const byLi = await core.dispatch('tickets.logWork', work(t, 'resolved'), 'li');
    expect(byLi).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'notYours' } } });
  });

  it('rejects unknown parts, negative fees, hours longer than the visit and ends before starts; nothing saved', async () => {
    let t = await newRequest();
    t = await call(core, 'tickets.assign', { id: t.id, version: t.version, engineerId }, 'agent1');
    const bad: [Record<string, unknown>, string][] = [
      [{ parts: [{ partId: 4242, quantity: 1 }] }, 'parts.0.partId'],
      [{ labourFee: -1 }, 'labourFee'],
      [{ workMinutes: 600 }, 'workMinutes'],
      [{ endedAt: clock.now() - HOUR }, 'endedAt'],
      [{ parts: [{ partId, quantity: 0 }] }, 'parts.0.quantity'],
      [{ findings: '' }, 'findings'],
    ];
    for (const [extra, path] of bad) {
      const result = await core.dispatch('tickets.logWork', work(t, 'resolved', extra), 'wang');
      expect(result, path).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: expect.arrayContaining([expect.objectContaining({ path })]) } } });
    }
    expect([count('work_logs'), count('work_log_parts')]).toEqual([0, 0]);
    expect((await call(core, 'tickets.get', { id: t.id }, 'wang')).status).toBe('assigned');
  });

  it('puts requests on hold with a reason and resumes them to where they were', async () => {
    let t = await newRequest({ initialStatus: 'on_hold', holdReason: 'waiting_customer' });
    expect(t).toMatchObject({ status: 'on_hold', holdReason: 'waiting_customer' });
    t = await call(core, 'tickets.resume', { id: t.id, version: t.version }, 'agent1');
    expect(t).toMatchObject({ status: 'pending_assignment', holdReason: null });
    t = await call(core, 'tickets.assign', { id: t.id, version: t.version, engineerId }, 'agent1');
    t = await call(core, 'tickets.hold', { id: t.id, version: t.version, reason: 'waiting_parts', note: '等压缩机到货' }, 'wang');
    t = await call(core, 'tickets.resume', { id: t.id, version: t.version }, 'wang');
    expect(t).toMatchObject({ status: 'assigned', assignee: { id: engineerId } });
    const missingReason = await core.dispatch('tickets.create', { customer: { name: 'X' }, type: 'repair', channel: 'phone', subject: 'x', initialStatus: 'on_hold' }, 'agent1');
    expect(missingReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'holdReason' }] } } });
  });

  it('reopens closed requests only within the window', async () => {
    let t = await newRequest();
    t = await call(core, 'tickets.close', { id: t.id, version: t.version, note: '重复工单' }, 'boss');
    expect(t.allowedActions).toEqual(['reopen']);
    clock.advance(31 * 24 * HOUR);
    const late = await core.dispatch('tickets.reopen', { id: t.id, version: t.version, note: '客户再次来电' }, 'agent1');
    expect(late).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'reopenWindowPassed' } } });
    clock.advance(-2 * 24 * HOUR);
    t = await call(core, 'tickets.reopen', { id: t.id, version: t.version, note: '客户再次来电' }, 'agent1');
    expect(t.status).toBe('reopened');
  });

  it('uses the reopen window the administrator sets', async () => {
    expect(await call(core, 'settings.get', {}, 'agent1')).toMatchObject({ reopenWindowDays: 30, companyName: '华东精密机械', timeZone: 'Asia/Shanghai' });
    expect(await core.dispatch('settings.update', { reopenWindowDays: 7 }, 'boss')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.dispatch('settings.update', { reopenWindowDays: -1 }, 'admin')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'settings.update', { reopenWindowDays: 7 }, 'admin')).toMatchObject({ reopenWindowDays: 7 });
    let t = await newRequest();
    t = await call(core, 'tickets.close', { id: t.id, version: t.version, note: '重复' }, 'boss');
    clock.advance(8 * 24 * HOUR);
    expect(await core.dispatch('tickets.reopen', { id: t.id, version: t.version, note: '再次来电' }, 'agent1')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'reopenWindowPassed' } },
    });
  });

  it('counts occurrences of (product, problem category) on entry', async () => {
    const categories = await call(core, 'tickets.problemCategories', {}, 'agent1');
    const leak = categories.find((c) => c.code === 'noise_leak')!;
    await newRequest({ problemCategoryId: leak.id, analysis: '冷凝水排水不畅' });
    await newRequest({ problemCategoryId: leak.id });
    const t = await newRequest({ problemCategoryId: leak.id });
    expect(t.problemCategory).toMatchObject({ code: 'noise_leak', nameZh: '异响 / 渗漏' });
    expect(core.deps.sqlite.prepare('SELECT product_id, problem_category_id, count FROM problem_occurrences').all()).toEqual([
      { product_id: 0, problem_category_id: leak.id, count: 3 },
    ]);
  });
});

describe('the requested-date rule', () => {
  it('locks unassigned requests and counts an attempt on unworked ones once the day has passed, once', async () => {
    const unassigned = await newRequest({ requestedBy: '2026-11-24' });
    let unworked = await newRequest({ requestedBy: '2026-11-24' });
    unworked = await call(core, 'tickets.assign', { id: unworked.id, version: unworked.version, engineerId }, 'agent1');
    let worked = await newRequest({ requestedBy: '2026-11-24' });
    worked = await call(core, 'tickets.assign', { id: worked.id, version: worked.version, engineerId }, 'agent1');
    await call(core, 'tickets.logWork', work(worked, 'in_progress'), 'wang');
    const later = await newRequest({ requestedBy: '2026-11-25' });

    // 23:59 on the 24th in Shanghai: the requested day has not passed yet.
    clock.set(Date.UTC(2026, 10, 24, 15, 59));
    expect(await runRequestedDateCheck(core.deps, clock.now())).toEqual([]);
    // 00:01 on the 25th.
    clock.set(Date.UTC(2026, 10, 24, 16, 1));
    expect((await runRequestedDateCheck(core.deps, clock.now())).sort()).toEqual([unassigned.id, unworked.id].sort());
    expect(await runRequestedDateCheck(core.deps, clock.now())).toEqual([]);

    expect(await call(core, 'tickets.get', { id: unassigned.id }, 'boss')).toMatchObject({ status: 'locked', lockReason: 'not_assigned_by_requested_date', attempts: 0 });
    expect(await call(core, 'tickets.get', { id: unworked.id }, 'boss')).toMatchObject({ status: 'locked', lockReason: 'not_worked_by_requested_date', attempts: 1 });
    expect((await call(core, 'tickets.get', { id: worked.id }, 'boss')).status).toBe('assigned');
    expect((await call(core, 'tickets.get', { id: later.id }, 'boss')).status).toBe('pending_assignment');

    // The manager extends the date: the request waits for assignment again.
    const locked = await call(core, 'tickets.get', { id: unassigned.id }, 'boss');
    const extended = await call(core, 'tickets.unlock', { id: locked.id, version: locked.version, mode: 'extend', requestedBy: '2026-11-28' }, 'boss');
    expect(extended).toMatchObject({ status: 'pending_assignment', requestedBy: '2026-11-28' });
  });
});

describe('saved views', () => {
  it('counts and lists each view for the caller', async () => {
    const mine = await newRequest({ requestedBy: '2026-11-24' });
    await call(core, 'tickets.assign', { id: mine.id, version: mine.version, engineerId }, 'agent1');
    await newRequest({ requestedBy: '2026-11-30' });
    const complaint = await newRequest({ type: 'complaint', subject: '工程师迟到', complaint: { severity: 'medium', party: 'process' } });
    const held = await newRequest({ initialStatus: 'on_hold', holdReason: 'waiting_parts' });

    expect(await call(core, 'tickets.viewCounts', {}, 'wang')).toEqual({
      mine: 1,
      unassigned: 2,
      locked: 0,
      due: 1,
      awaiting_follow_up: 0,
      complaints: 1,
      on_hold: 1,
      // The SLA clocks of the three open requests run (the held one stands still), but no
      // check has warned about any of them yet; none breached.
      breaching: 0,
      breached: 0,
    });
    expect((await call(core, 'tickets.viewCounts', {}, 'li')).mine).toBe(0);

    const ids = async (input: Record<string, unknown>, session = 'wang') => (await call(core, 'tickets.list', input as never, session)).items.map((t) => t.id);
    expect(await ids({ view: 'mine' })).toEqual([mine.id]);
    expect(await ids({ view: 'mine' }, 'li')).toEqual([]);
    expect(await ids({ view: 'due' })).toEqual([mine.id]);
    expect(await ids({ view: 'complaints' })).toEqual([complaint.id]);
    expect(await ids({ view: 'on_hold' })).toEqual([held.id]);
    // Filters narrow a view; filters that contradict it find nothing.
    expect(await ids({ view: 'unassigned', type: ['complaint'] })).toEqual([complaint.id]);
    expect(await ids({ view: 'on_hold', status: ['closed'] })).toEqual([]);
    expect(await ids({ view: 'complaints', type: ['repair'] })).toEqual([]);
    expect(await ids({ view: 'unassigned', text: '迟到' })).toEqual([complaint.id]);
  });
});

describe('notes, priority and bulk actions', () => {
  it('keeps replies and internal notes on the timeline without making open forms stale', async () => {
    const t = await newRequest();
    const after = await call(core, 'tickets.addNote', { id: t.id, kind: 'reply', body: '已安排工程师明天上门' }, 'agent1');
    await call(core, 'tickets.addNote', { id: t.id, kind: 'internal', body: '客户是重点客户' }, 'wang');
    expect(after.version).toBe(t.version);
    const detail = await call(core, 'tickets.get', { id: t.id }, 'agent1');
    expect(detail.events.slice(2).map((e) => [e.kind, e.note, e.actorName])).toEqual([
      ['reply', '已安排工程师明天上门', 'agent1'],
      ['note', '客户是重点客户', 'wang'],
    ]);
    expect(await core.dispatch('tickets.addNote', { id: t.id, kind: 'reply', body: '   ' }, 'agent1')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('changes priority with a version check and a history entry, only while open', async () => {
    let t = await newRequest();
    t = await call(core, 'tickets.setPriority', { id: t.id, version: t.version, priority: 'urgent' }, 'agent1');
    expect(t).toMatchObject({ priority: 'urgent', version: 2 });
    expect(t.events.at(-1)).toMatchObject({ kind: 'priority' });
    expect(await core.dispatch('tickets.setPriority', { id: t.id, version: 1, priority: 'low' }, 'agent1')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.dispatch('tickets.setPriority', { id: t.id, version: t.version, priority: 'low' }, 'wang')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    t = await call(core, 'tickets.close', { id: t.id, version: t.version, note: '重复' }, 'boss');
    expect(await core.dispatch('tickets.setPriority', { id: t.id, version: t.version, priority: 'low' }, 'agent1')).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });

  it('applies a bulk action request by request and reports the ones that failed', async () => {
    const a = await newRequest();
    const b = await newRequest();
    const c = await newRequest();
    const closed = await call(core, 'tickets.close', { id: c.id, version: c.version, note: '重复' }, 'boss');
    const result = await call(
      core,
      'tickets.bulk',
      {
        items: [
          { id: a.id, version: a.version },
          { id: b.id, version: b.version + 5 },
          { id: closed.id, version: closed.version },
        ],
        action: { kind: 'assign', engineerId },
      },
      'agent1',
    );
    expect(result.done).toEqual([a.id]);
    expect(result.failed.map((f) => [f.id, f.code])).toEqual([
      [b.id, 'CONFLICT'],
      [closed.id, 'INVALID_TRANSITION'],
    ]);
    expect((await call(core, 'tickets.get', { id: a.id }, 'agent1')).status).toBe('assigned');
    expect((await call(core, 'tickets.get', { id: b.id }, 'agent1')).status).toBe('pending_assignment');
    const held = await call(core, 'tickets.bulk', { items: [{ id: b.id, version: b.version }], action: { kind: 'hold', reason: 'waiting_customer' } }, 'agent1');
    expect(held).toEqual({ done: [b.id], failed: [] });
  });
});

describe('complaints', () => {
  const complaint = { severity: 'high', party: 'engineer' } as const;

  it('need their details at intake and a manager’s acknowledgement before they resolve', async () => {
    expect(await core.dispatch('tickets.create', { customer: { name: 'X' }, type: 'complaint', channel: 'phone', subject: '工程师迟到' }, 'agent1')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'complaint', code: 'complaintDetails' }] } },
    });
    expect(await core.dispatch('tickets.create', { customer: { name: 'X' }, type: 'repair', channel: 'phone', subject: 'x', complaint }, 'agent1')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    let t = await newRequest({ type: 'complaint', subject: '工程师上门迟到两小时', complaint: { ...complaint, partyUserId: engineerId } });
    expect(t.complaint).toMatchObject({ severity: 'high', party: 'engineer', partyUser: { id: engineerId, name: 'wang' }, acknowledged: null });

    t = await call(core, 'tickets.assign', { id: t.id, version: t.version, engineerId }, 'agent1');
    const early = await core.dispatch('tickets.logWork', work(t, 'resolved', { parts: [] }), 'wang');
    expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', details: { reason: 'complaintNotAcknowledged' } } });
    expect(await core.dispatch('tickets.acknowledgeComplaint', { id: t.id, version: t.version }, 'agent1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    t = await call(core, 'tickets.acknowledgeComplaint', { id: t.id, version: t.version }, 'boss');
    expect(t.complaint?.acknowledged).toMatchObject({ by: 'boss' });
    t = await call(core, 'tickets.logWork', work(t, 'resolved', { parts: [] }), 'wang');
    expect(t.status).toBe('resolved');

    // Closing needs the root cause and the corrective action.
    const noCause = await core.dispatch('tickets.recordFollowUp', { id: t.id, version: t.version, satisfaction: 4, satisfied: true }, 'agent1');
    expect(noCause).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', details: { reason: 'complaintIncomplete' } } });
    t = await call(core, 'tickets.updateComplaint', { id: t.id, version: t.version, rootCause: '派工时未考虑路程', correctiveAction: '派工规则加入路程时间' }, 'agent1');
    t = await call(core, 'tickets.recordFollowUp', { id: t.id, version: t.version, satisfaction: 4, satisfied: true }, 'agent1');
    expect(t).toMatchObject({ status: 'closed', complaint: { rootCause: '派工时未考虑路程', correctiveAction: '派工规则加入路程时间' } });
  });

  it('handling is refused on requests that are not complaints', async () => {
    const t = await newRequest();
    expect(await core.dispatch('tickets.acknowledgeComplaint', { id: t.id, version: t.version }, 'boss')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', details: { reason: 'notComplaint' } },
    });
  });
});

describe('merging duplicates', () => {
  it('closes the duplicate into the request that carries on, keeping both histories', async () => {
    const keep = await newRequest();
    let dup = await newRequest({ subject: '空调漏水（重复来电）' });
    dup = await call(core, 'tickets.addNote', { id: dup.id, kind: 'internal', body: '客户第二次来电' }, 'agent1');
    dup = await call(core, 'tickets.merge', { id: dup.id, version: dup.version, intoId: keep.id, note: '同一故障' }, 'agent1');
    expect(dup).toMatchObject({ status: 'closed', mergedInto: { id: keep.id, number: keep.number } });
    expect(dup.events.map((e) => e.kind)).toEqual(['created', 'slaComputed', 'note', 'merge']);
    const kept = await call(core, 'tickets.get', { id: keep.id }, 'agent1');
    expect(kept).toMatchObject({ status: 'pending_assignment', duplicates: [{ id: dup.id, number: dup.number }] });
    expect(kept.events.at(-1)).toMatchObject({ kind: 'mergedIn', details: { duplicateId: dup.id } });

    const other = await newRequest();
    expect(await core.dispatch('tickets.merge', { id: other.id, version: other.version, intoId: dup.id }, 'agent1')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'intoId', code: 'closed' }] } },
    });
    expect(await core.dispatch('tickets.merge', { id: other.id, version: other.version, intoId: other.id }, 'agent1')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call(core, 'tickets.get', { id: other.id }, 'agent1')).status).toBe('pending_assignment');
  });
});

describe("the engineer's workbench", () => {
  it('lists their unfinished requests by requested date and sums this week’s hours', async () => {
    const later = await newRequest({ requestedBy: '2026-11-30' });
    const sooner = await newRequest({ requestedBy: '2026-11-25' });
    const undated = await newRequest();
    for (const t of [later, sooner, undated]) await call(core, 'tickets.assign', { id: t.id, version: t.version, engineerId }, 'agent1');
    const t = await call(core, 'tickets.get', { id: undated.id }, 'wang');
    await call(core, 'tickets.logWork', work(t, 'in_progress', { parts: [] }), 'wang');

    const bench = await call(core, 'tickets.workbench', {}, 'wang');
    expect(bench.requests.map((r) => r.id)).toEqual([sooner.id, later.id, undated.id]);
    // Tuesday 2026-11-24 10:00 in Shanghai: the week began Monday 00:00 there.
    expect(bench.weekStart).toBe(Date.UTC(2026, 10, 22, 16, 0));
    expect(bench).toMatchObject({ minutesThisWeek: 90, visitsThisWeek: 1 });
    expect((await call(core, 'tickets.workbench', {}, 'li')).requests).toEqual([]);
  });

  it('gathers what the dispatch sheet prints', async () => {
    const old = await newRequest({ subject: '去年的报修' });
    const t = await newRequest({ customer: { id: old.customer.id }, contact: { name: '王经理', phone: '13812345678' } });
    const sheet = await call(core, 'tickets.dispatchSheet', { id: t.id }, 'wang');
    expect(sheet).toMatchObject({ companyName: '华东精密机械', ticket: { id: t.id, contact: { name: '王经理' } } });
    expect(sheet.history.map((h) => h.id)).toEqual([old.id]);
  });
});

describe('attachments', () => {
  it('stores files once by content, lists them and hands the bytes back', async () => {
    const t = await newRequest();
    const photo = Buffer.from('fake-jpeg-bytes 漏水照片');
    let d = await call(core, 'tickets.attach', { id: t.id, fileName: '漏水.jpg', mimeType: 'image/jpeg', contentBase64: photo.toString('base64') }, 'agent1');
    d = await call(core, 'tickets.attach', { id: t.id, fileName: 'copy.jpg', mimeType: 'image/jpeg', contentBase64: photo.toString('base64') }, 'wang');
    expect(d.attachments.map((a) => [a.fileName, a.size, a.uploadedBy])).toEqual([
      ['漏水.jpg', photo.length, 'agent1'],
      ['copy.jpg', photo.length, 'wang'],
    ]);
    expect(d.events.at(-1)).toMatchObject({ kind: 'attachment', note: 'copy.jpg' });
    const back = await call(core, 'tickets.attachment', { attachmentId: d.attachments[0]!.id }, 'agent1');
    expect(Buffer.from(back.contentBase64, 'base64').equals(photo)).toBe(true);
    const { readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const stored = readdirSync(join(core.deps.dataDir, 'attachments'), { recursive: true }).filter((f) => String(f).length > 10);
    expect(stored).toHaveLength(1);
  });

  it('refuses oversized, empty or badly named files and changes nothing', async () => {
    const t = await newRequest();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64');
    for (const input of [
      { fileName: 'big.bin', contentBase64: big },
      { fileName: 'empty.txt', contentBase64: '' },
      { fileName: '../../etc/passwd', contentBase64: 'aGk=' },
      { fileName: 'x.txt', contentBase64: 'not base64!' },
    ]) {
      expect(await core.dispatch('tickets.attach', { id: t.id, ...input }, 'agent1'), input.fileName).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await core.dispatch('tickets.attach', { id: 424242, fileName: 'a.txt', contentBase64: 'aGk=' }, 'agent1')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call(core, 'tickets.get', { id: t.id }, 'agent1')).attachments).toEqual([]);
    expect(count('attachments')).toBe(0);
  });
});

describe("the customer's service summary beside intake", () => {
  it('counts open and recent requests and lists the latest', async () => {
    const first = await newRequest();
    const second = await newRequest({ customer: { id: first.customer.id } });
    await call(core, 'tickets.close', { id: first.id, version: first.version, note: '已电话解决' }, 'boss');
    clock.advance(400 * 24 * HOUR);
    const third = await newRequest({ customer: { id: first.customer.id } });
    const summary = await call(core, 'customers.serviceSummary', { customerId: first.customer.id }, 'agent1');
    expect(summary).toMatchObject({ openRequests: 2, requestsLast12Months: 1 });
    expect(summary.recent.map((r) => r.id)).toEqual([third.id, second.id, first.id]);
    expect(await core.dispatch('customers.serviceSummary', { customerId: 4242 }, 'agent1')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
