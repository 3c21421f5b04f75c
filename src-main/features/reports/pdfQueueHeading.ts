import type { Kysely } from 'kysely';
import type { QueueExportInput, QueueExportPdfLabels } from '../../../src-shared/contract/queueExport';
import type { DB } from '../../db/schema';
import { localDateTime } from './csv';
import { labelled } from './pdf';
import { pdfFontPath } from './pdfFont';
import type { QueueExportPdfSpec } from './queueExport';
import { zoneOffsets } from '../../../src-shared/domain/time';

// What a queue PDF prints around its table, worded in main from the export's input: the
// filters in the user's words (the labels the renderer sent, an engineer's name from the
// users table), the generation time in desk time, the page footer; and the font's path,
// which only main can resolve in a packaged app.

/** For an export that came without PDF words (the renderer always sends them; tests and the bench may not). */
const DEFAULT_WORDS: QueueExportPdfLabels = { search: '搜索', generatedAt: '生成时间', pageOf: '第 {page} 页，共 {pages} 页', separator: '、' };

export async function queuePdfSpec(db: Kysely<DB>, input: QueueExportInput, timeZone: string, now: number): Promise<QueueExportPdfSpec> {
  const { labels } = input;
  const words = labels.pdf ?? DEFAULT_WORDS;
  const list = (values: string[]) => values.join(words.separator);
  const filters: QueueExportPdfSpec['filters'] = [];
  if (input.status?.length) filters.push({ label: labels.columns.status, value: list(input.status.map((s) => labels.status[s] ?? s)) });
  if (input.type?.length) filters.push({ label: labels.columns.type, value: list(input.type.map((s) => labels.type[s] ?? s)) });
  if (input.priority?.length) filters.push({ label: labels.columns.priority, value: list(input.priority.map((s) => labels.priority[s] ?? s)) });
  if (input.assignee === 'none') filters.push({ label: labels.columns.assignee, value: labels.unassigned });
  else if (input.assignee !== undefined) {
    const user = await db.selectFrom('users').select('display_name').where('id', '=', input.assignee).executeTakeFirst();
    filters.push({ label: labels.columns.assignee, value: user?.display_name ?? `#${input.assignee}` });
  }
  if (input.text) filters.push({ label: words.search, value: input.text });
  return {
    filters,
    generatedAt: labelled(words.generatedAt, localDateTime(now, zoneOffsets(timeZone))),
    pageOf: words.pageOf,
    fontPath: pdfFontPath(),
  };
}
