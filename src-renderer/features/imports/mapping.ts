import type { ImportMapping, RejectedRow } from '../../../src-shared/contract';
import { IMPORT_FIELDS, type ImportField, type ImportEntity } from '../../../src-shared/domain/importFields';

// The mapping screen's pure half: which column feeds which field (suggested from the
// headers), which source words become which app values, and the ImportMapping sent to main.

/** The entities in the order the wizard offers them (the commonest first). */
export const WIZARD_ENTITIES: readonly ImportEntity[] = ['customers', 'contacts', 'products', 'assets', 'orders', 'requests'];

/** A header or label compared case-, width- and space-blind ("Customer Name" = "customername" = "ＣＵＳＴＯＭＥＲ ＮＡＭＥ"). */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-*]+/g, '');
}

/** Field → the header chosen for it (null: not imported). */
export type ColumnChoice = Record<string, string | null>;

/**
 * Suggests a header for each field: one equal to the field's name first, then one equal to
 * any of its labels (zh-CN and en-US), each header for one field only. Fields without a
 * match are left null for the user to choose.
 */
export function suggestColumns(fields: readonly ImportField[], headers: readonly string[], labels: (field: string) => readonly string[]): ColumnChoice {
  const byKey = new Map<string, string>();
  for (const header of headers) {
    const key = normalizeHeader(header);
    if (key && !byKey.has(key)) byKey.set(key, header);
  }
  const taken = new Set<string>();
  const out: ColumnChoice = {};
  const take = (field: string, candidates: readonly string[]) => {
    for (const candidate of candidates) {
      const header = byKey.get(normalizeHeader(candidate));
      if (header !== undefined && !taken.has(header)) {
        taken.add(header);
        out[field] = header;
        return;
      }
    }
  };
  for (const f of fields) out[f.name] = null;
  for (const f of fields) take(f.name, [f.name]);
  for (const f of fields) if (out[f.name] === null) take(f.name, labels(f.name));
  return out;
}

/** The required fields that have no column yet. */
export function missingRequired(entity: ImportEntity, columns: ColumnChoice): string[] {
  return IMPORT_FIELDS[entity].filter((f) => f.required && !columns[f.name]).map((f) => f.name);
}

/** The distinct non-empty values (trimmed) of one column in the sample rows, in order of appearance. */
export function distinctValues(headers: readonly string[], sample: readonly (readonly string[])[], header: string, limit = 50): string[] {
  const index = headers.indexOf(header);
  if (index < 0) return [];
  const seen = new Set<string>();
  for (const row of sample) {
    const value = (row[index] ?? '').trim();
    if (value && !seen.has(value)) {
      seen.add(value);
      if (seen.size >= limit) break;
    }
  }
  return [...seen];
}

/** One source word and the app value it becomes (null: not chosen yet). */
export interface ValueRow {
  source: string;
  target: string | null;
}

/** The app value a source word plainly names: the value itself or one of its labels, compared as headers are. */
export function guessValue(source: string, values: readonly string[], labels: (value: string) => readonly string[]): string | null {
  const key = normalizeHeader(source);
  if (!key) return null;
  for (const v of values) if (normalizeHeader(v) === key) return v;
  for (const v of values) if (labels(v).some((l) => normalizeHeader(l) === key)) return v;
  return null;
}

/**
 * Rows for the value editor: the rows already there (kept as they are), then each new source
 * word with its guessed value. Words already listed are not repeated.
 */
export function withSources(rows: readonly ValueRow[], sources: readonly string[], values: readonly string[], labels: (value: string) => readonly string[]): ValueRow[] {
  const out = [...rows];
  const present = new Set(rows.map((r) => r.source));
  for (const raw of sources) {
    const source = raw.trim();
    if (!source || present.has(source)) continue;
    present.add(source);
    out.push({ source, target: guessValue(source, values, labels) });
  }
  return out;
}

/** The enum fields of an entity that have a column. */
export function mappedEnumFields(entity: ImportEntity, columns: ColumnChoice): ImportField[] {
  return IMPORT_FIELDS[entity].filter((f) => f.kind === 'enum' && Boolean(columns[f.name]));
}

/** What the wizard sends: the chosen columns, and the value maps of mapped enum fields (chosen rows only). */
export function buildMapping(entity: ImportEntity, columns: ColumnChoice, values: Record<string, readonly ValueRow[]>, dayFirst: boolean): ImportMapping {
  const out: ImportMapping = { columns: {}, values: {}, dayFirst };
  for (const f of IMPORT_FIELDS[entity]) {
    const header = columns[f.name];
    if (!header) continue;
    out.columns[f.name] = header;
    if (f.kind !== 'enum') continue;
    const chosen: Record<string, string> = {};
    for (const row of values[f.name] ?? []) {
      if (row.target && row.source.trim() && f.values?.includes(row.target)) chosen[row.source.trim()] = row.target;
    }
    if (Object.keys(chosen).length > 0) out.values[f.name] = chosen;
  }
  return out;
}

/**
 * A saved template applied to this file: its columns where this file has the header (the
 * rest listed as missing), its value maps merged over the rows in hand.
 */
export function applyTemplate(
  entity: ImportEntity,
  mapping: ImportMapping,
  headers: readonly string[],
  current: Record<string, readonly ValueRow[]>,
): { columns: ColumnChoice; values: Record<string, ValueRow[]>; dayFirst: boolean; missingHeaders: string[] } {
  const present = new Set(headers);
  const columns: ColumnChoice = {};
  const missingHeaders: string[] = [];
  for (const f of IMPORT_FIELDS[entity]) {
    const header = mapping.columns[f.name];
    columns[f.name] = header !== undefined && present.has(header) ? header : null;
    if (header !== undefined && !present.has(header)) missingHeaders.push(header);
  }
  const values: Record<string, ValueRow[]> = {};
  for (const f of IMPORT_FIELDS[entity]) {
    if (f.kind !== 'enum') continue;
    const saved = mapping.values[f.name] ?? {};
    const rows = (current[f.name] ?? []).map((r) => (Object.hasOwn(saved, r.source) ? { source: r.source, target: saved[r.source] ?? null } : { ...r }));
    const listed = new Set(rows.map((r) => r.source));
    for (const [source, target] of Object.entries(saved)) if (!listed.has(source)) rows.push({ source, target });
    values[f.name] = rows;
  }
  return { columns, values, dayFirst: mapping.dayFirst, missingHeaders };
}

/** Rejected rows whose value the user can map on the spot: an enum field's unknownValue. */
export function isMappableRejection(entity: ImportEntity | null, row: RejectedRow): boolean {
  if (!entity || row.reason !== 'unknownValue' || !row.field || row.value === null || !row.value.trim()) return false;
  return IMPORT_FIELDS[entity].some((f) => f.name === row.field && f.kind === 'enum');
}

/** The unknown values the dry run reported, per enum field, each once. */
export function unknownValues(entity: ImportEntity | null, rows: readonly RejectedRow[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const row of rows) {
    if (!isMappableRejection(entity, row)) continue;
    const list = (out[row.field as string] ??= []);
    const value = (row.value as string).trim();
    if (!list.includes(value)) list.push(value);
  }
  return out;
}

/**
 * The value editor's rows after the columns changed: a field keeps its rows while its
 * column stays; a field given a (new) column starts from the distinct values of that
 * column in the sample, each with its guessed app value.
 */
export function seedValues(
  entity: ImportEntity,
  table: { headers: readonly string[]; sample: readonly (readonly string[])[] },
  columns: ColumnChoice,
  previous: { columns: ColumnChoice; values: Record<string, readonly ValueRow[]> },
  labels: (field: string, value: string) => readonly string[],
): Record<string, ValueRow[]> {
  const out: Record<string, ValueRow[]> = {};
  for (const f of mappedEnumFields(entity, columns)) {
    const header = columns[f.name] as string;
    const kept = previous.columns[f.name] === header ? previous.values[f.name] : undefined;
    out[f.name] = kept
      ? [...kept]
      : withSources([], distinctValues(table.headers, table.sample, header), f.values ?? [], (v) => labels(f.name, v));
  }
  return out;
}
