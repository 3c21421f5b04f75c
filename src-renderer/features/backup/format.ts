import type { TFunction } from 'i18next';
import { BACKUP_COUNTED_TABLES, type BackupInfo } from '../../../src-shared/contract';

/** 1.2 MB, 850 KB, 3.4 GB: sizes in decimal units, as file managers show them. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** An instant on the desk's clocks (its time zone, not this machine's): backups are scheduled in it. */
export function formatDeskTime(epochMs: number, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(key, f);
  }
  return f.format(epochMs);
}

/** 客户 3 · 服务请求 120 · 用户 4 …: the counted tables the backup holds, in a fixed order. */
export function countsText(t: TFunction, counts: BackupInfo['counts'], locale: string): string {
  if (!counts) return t('backup.countsUnknown');
  const number = new Intl.NumberFormat(locale);
  return BACKUP_COUNTED_TABLES.filter((table) => counts[table] !== undefined)
    .map((table) => `${t(`backup.table.${table}`)} ${number.format(counts[table]!)}`)
    .join(' · ');
}

/** Progress of a job as a whole percentage (0 until the total is known). */
export function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
}
