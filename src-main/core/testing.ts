import type { ChannelName, ChannelOf, InputOf, OutputOf } from '../../src-shared/contract';
import type { QueueExportLabels } from '../../src-shared/contract/queueExport';
import type { Role } from '../../src-shared/domain/roles';
import type { Result } from '../../src-shared/errors';
import { hashPassword } from '../features/users/password';
import { createUser } from '../features/users/service';
import { createCore, type Core } from './createCore';
import { consoleLogger, silentLogger, type Clock, type Platform } from './ports';

// Test support: a real core on an in-memory SQLite database with a clock tests move by hand.

export interface FakeClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function fakeClock(start = Date.UTC(2026, 10, 24, 2, 0, 0)): FakeClock {
  let t = start;
  return { now: () => t, set: (ms) => void (t = ms), advance: (ms) => void (t += ms) };
}

export const testPlatform: Platform = { kind: 'test', notify() {}, timeZone: () => 'Asia/Shanghai' };

/** `dbPath`: a file, for what needs a second connection (worker threads); in memory by default. */
export async function testCore(clock: FakeClock = fakeClock(), dbPath = ':memory:'): Promise<{ core: Core; clock: FakeClock }> {
  const core = await createCore({ dbPath, clock, platform: testPlatform, logger: process.env.SERVICELOOP_TEST_LOG ? consoleLogger() : silentLogger, version: 'test' });
  return { core, clock };
}

export const ADMIN = { username: 'admin', displayName: '管理员', password: 'correct horse battery' };

/** Runs first-run setup; the session 'admin' is signed in afterwards. */
export async function setupDesk(core: Core, demoData = false): Promise<void> {
  unwrap(
    await core.dispatch('system.setup', { companyName: '华东精密机械', locale: 'zh-CN', admin: ADMIN, demoData }, 'admin'),
  );
}

/** Adds an account of any role straight into the database (account management has no channel yet). */
export async function addUser(core: Core, role: Role, username: string, password = 'a long enough pass'): Promise<void> {
  await createUser(
    core.deps.db,
    { username, displayName: username, passwordHash: await hashPassword(password), role },
    core.deps.clock.now(),
  );
}

/** Signs `username` in on a session of the same name. */
export async function signInAs(core: Core, username: string, password = 'a long enough pass'): Promise<void> {
  unwrap(await core.dispatch('auth.signIn', { username, password }, username));
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  return result.data;
}

/** A typed dispatch for tests: throws on failure, returns the channel's output. */
export async function call<N extends ChannelName>(core: Core, name: N, input: InputOf<ChannelOf<N>>, session: string): Promise<OutputOf<ChannelOf<N>>> {
  return unwrap(await core.dispatch(name, input, session)) as OutputOf<ChannelOf<N>>;
}

/** The words the renderer sends for a queue export in Chinese (from its zh-CN catalog): for tests and the bench. */
export const QUEUE_LABELS_ZH: QueueExportLabels = {
  columns: {
    number: '编号',
    subject: '主题',
    customer: '客户',
    type: '类型',
    priority: '优先级',
    status: '状态',
    assignee: '服务工程师',
    channel: '受理渠道',
    requestedBy: '客户要求日期',
    createdAt: '创建时间',
    slaDueAt: '服务时效到期',
  },
  status: { pending_assignment: '待分配', on_hold: '挂起', assigned: '已分配', locked: '锁定', resolved: '已处理', follow_up: '回访', closed: '已关闭', reopened: '重新打开' },
  type: { consultation: '咨询', repair: '报修', installation: '安装', complaint: '投诉', other: '其他' },
  priority: { low: '低', normal: '普通', high: '高', urgent: '紧急' },
  channel: { phone: '电话', email: '邮件', walk_in: '到店', web: '网页', wechat: '微信' },
  unassigned: '未分配',
};
