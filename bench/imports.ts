import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ImportSpec } from '../src-main/features/imports/engine';
import { startTask } from '../src-main/workers/spawn';
import type { ImportEntity } from '../src-shared/domain/importFields';
import type { ImportMapping } from '../src-shared/contract';
import { createRng } from '../src-main/features/demo/random';
import { csvField } from '../src-main/features/exports/package';
import { round, type Figure } from './stats';

// Import throughput (issue 5): customers and contacts at ≥ 50k rows/s, historical requests
// at ≥ 20k rows/s with the search index maintained, into the bench's big database. Measures
// the engine the worker thread runs (runImport), from CSV bytes on disk to committed rows,
// cleaning, checks, key log and search terms included.

export const IMPORT_BUDGETS: Partial<Record<ImportEntity, number>> = { customers: 50_000, contacts: 50_000, requests: 20_000 };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const PLACES = ['杭州', '苏州', '宁波', '无锡', '佛山', '东莞', '青岛', '成都', '武汉', '长沙'];
const TRADES = ['精密机械', '电梯工程', '制冷设备', '物业管理', '数控机床', '环保科技', '暖通工程', '自动化'];
const PROVINCES = ['浙江省杭州市西湖区', '江苏省苏州市工业园区', '广东省佛山市顺德区', '四川省成都市武侯区', '湖北省武汉市洪山区'];
const FAULTS = ['空调漏水', '电梯异响', '主轴过热', '压缩机不启动', '控制面板报警 E3', '冷却塔噪音大', '门机故障', '温控失灵'];

function csv(header: string[], rows: Iterable<(string | number | null)[]>): string {
  let out = `${header.join(',')}\n`;
  for (const r of rows) out += `${r.map(csvField).join(',')}\n`;
  return out;
}

function* customerRows(n: number): Generator<(string | number)[]> {
  const rng = createRng(7);
  for (let i = 0; i < n; i++) {
    const place = PLACES[rng.int(0, PLACES.length - 1)]!;
    yield [
      `OLD-C${i}`,
      `${place}${TRADES[rng.int(0, TRADES.length - 1)]}有限公司${i}`,
      i % 3 === 0 ? `0571-${String(80000000 + i).slice(-8)}` : `139${String(10000000 + i).slice(-8)}`,
      i % 4 === 0 ? `service${i}@example.cn` : '',
      `${PROVINCES[rng.int(0, PROVINCES.length - 1)]}科技路${i % 500}号`,
      ['1', '2', '3', '4'][rng.int(0, 3)]!,
      i % 5 === 0 ? '老客户;华东' : '',
    ];
  }
}

function* contactRows(n: number, customers: number): Generator<(string | number)[]> {
  const rng = createRng(8);
  for (let i = 0; i < n; i++) {
    yield [`OLD-K${i}`, `OLD-C${rng.int(0, customers - 1)}`, `${SURNAMES[rng.int(0, SURNAMES.length - 1)]}工`, `138${String(10000000 + i).slice(-8)}`, '设备主管'];
  }
}

function* requestRows(n: number, customers: number): Generator<(string | number)[]> {
  const rng = createRng(9);
  const start = Date.UTC(2019, 0, 1);
  for (let i = 0; i < n; i++) {
    const created = start + rng.int(0, 6 * 365) * 86_400_000 + rng.int(0, 86_399) * 1000;
    const day = new Date(created + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const fault = FAULTS[rng.int(0, FAULTS.length - 1)]!;
    yield [`OLD-SR${i}`, `OLD-C${rng.int(0, customers - 1)}`, ['维修', '咨询', '安装'][rng.int(0, 2)]!, String(rng.int(1, 5)), fault, `客户来电反映${fault}，已安排工程师上门处理，更换配件后恢复正常。`, day];
  }
}

interface Case {
  entity: ImportEntity;
  rows: number;
  text: string;
  mapping: ImportMapping;
}

export function importCases(customers: number, contacts: number, requests: number): Case[] {
  return [
    {
      entity: 'customers',
      rows: customers,
      text: csv(['编号', '客户名称', '电话', '邮箱', '地址', '等级', '标签'], customerRows(customers)),
      mapping: {
        columns: { key: '编号', name: '客户名称', phone: '电话', email: '邮箱', address: '地址', tier: '等级', tags: '标签' },
        values: { tier: { '1': 'strategic', '2': 'key', '3': 'normal', '4': 'potential' } },
        dayFirst: true,
      },
    },
    {
      entity: 'contacts',
      rows: contacts,
      text: csv(['编号', '客户', '姓名', '手机', '职务'], contactRows(contacts, customers)),
      mapping: { columns: { key: '编号', customer: '客户', name: '姓名', phone: '手机', role: '职务' }, values: {}, dayFirst: true },
    },
    {
      entity: 'requests',
      rows: requests,
      text: csv(['单号', '客户', '类型', '优先级', '标题', '描述', '受理时间'], requestRows(requests, customers)),
      mapping: {
        columns: { key: '单号', customer: '客户', type: '类型', priority: '优先级', subject: '标题', description: '描述', createdAt: '受理时间' },
        values: { type: { 维修: 'repair', 咨询: 'consultation', 安装: 'installation' }, priority: { '1': 'low', '2': 'normal', '3': 'normal', '4': 'high', '5': 'urgent' } },
        dayFirst: true,
      },
    },
  ];
}

/**
 * Imports each case as the app does: in a worker thread (its own connection, V8 limits and
 * write gate) started from the desk's main connection `sqlite`. Timed from the worker's start
 * of the task to its result, so loading the worker (tsx compiling the sources here) is not
 * counted. Reports rows/s, CPU seconds of the whole process and its peak RSS; the caller
 * checks budgets.
 */
export async function benchImports(sqlite: Database.Database, userId: number, now: number, cases: Case[]): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-import-bench-'));
  const figures: Figure[] = [];
  const run = async (spec: ImportSpec) => {
    let peak = process.memoryUsage().rss;
    const task = startTask(sqlite, { kind: 'import', spec }, () => void (peak = Math.max(peak, process.memoryUsage().rss)));
    await task.ready;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const done = await task.result;
    const used = process.cpuUsage(cpu);
    if (done.kind !== 'import') throw new Error('not an import');
    return { report: done.result.reports[0]!, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peak };
  };
  try {
    for (const c of cases) {
      const filePath = path.join(dir, `${c.entity}.csv`);
      fs.writeFileSync(filePath, c.text);
      const spec: ImportSpec = { filePath, fileName: `${c.entity}.csv`, entity: c.entity, mapping: c.mapping, dryRun: false, userId, now };
      const first = await run(spec);
      if (first.report.created !== c.rows) throw new Error(`import.${c.entity}: created ${first.report.created} of ${c.rows} (${JSON.stringify(first.report.rejectedRows.slice(0, 3))})`);
      // Again: the same file finds every key and creates nothing (the idempotent re-run).
      const again = await run(spec);
      if (again.report.created !== 0 || again.report.unchanged !== c.rows) throw new Error(`import.${c.entity}: the re-run created ${again.report.created}`);
      figures.push({
        name: `import.${c.entity}`,
        rows: c.rows,
        seconds: round(first.seconds),
        rows_per_s: Math.round(c.rows / first.seconds),
        rows_per_cpu_s: Math.round(c.rows / first.cpuSeconds),
        rerun_rows_per_s: Math.round(c.rows / again.seconds),
        peak_rss_mb: Math.round(first.peak / 2 ** 20),
        budget_rows_per_s: IMPORT_BUDGETS[c.entity] ?? null,
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
