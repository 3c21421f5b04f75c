import type { ImportMapping } from '../../../src-shared/contract/imports';
import { cleanText, parseDateTime, parseDay, parseInteger, parseMoney, parseProvince, splitAddress, splitTags } from '../../../src-shared/domain/cleaning';
import { isEmail } from '../../../src-shared/domain/customers';
import { IMPORT_FIELDS, type ImportEntity, type ImportField } from '../../../src-shared/domain/importFields';
import { normalizePhone } from '../../../src-shared/domain/phone';
import { fieldError } from '../../../src-shared/errors';

// One source row → the entity's fields, cleaned and checked by kind: the same rules for a
// dry run and a real one, so the dry run's report is what the import will do.

export type Address = ReturnType<typeof splitAddress>;
export type FieldValue = string | number | string[] | Address | null;
export type Values = Record<string, FieldValue>;

export interface Problem {
  field: string | null;
  reason: string;
  value: string | null;
}

export type Cleaned = { ok: true; values: Values } | { ok: false; problem: Problem };

/** Which column each mapped field reads, by position; a header the file lacks is refused up front. */
export function columnsOf(entity: ImportEntity, headers: readonly string[], mapping: ImportMapping): Map<string, number> {
  const columns = new Map<string, number>();
  const byHeader = new Map(headers.map((h, i) => [h, i] as const));
  for (const [field, header] of Object.entries(mapping.columns)) {
    if (!IMPORT_FIELDS[entity].some((f) => f.name === field)) throw fieldError(`mapping.columns.${field}`, 'unknownField');
    if (header === '') continue;
    const index = byHeader.get(header);
    if (index === undefined) throw fieldError(`mapping.columns.${field}`, 'unknownColumn');
    columns.set(field, index);
  }
  for (const f of IMPORT_FIELDS[entity]) {
    // A customer's address may come whole, or in parts; anything else required must be mapped.
    if (f.required && !columns.has(f.name)) throw fieldError(`mapping.columns.${f.name}`, 'required');
  }
  return columns;
}

/** The value map's word for `raw`: exact first, then ignoring case and width. */
function mapped(values: Record<string, string> | undefined, raw: string): string | undefined {
  if (!values) return undefined;
  if (Object.hasOwn(values, raw)) return values[raw];
  const probe = raw.toLowerCase();
  for (const [from, to] of Object.entries(values)) if (cleanText(from).toLowerCase() === probe) return to;
  return undefined;
}

function cleanField(field: ImportField, raw: string, mapping: ImportMapping, timeZone: string): { ok: true; value: FieldValue } | { ok: false; reason: string } {
  const text = cleanText(raw);
  if (text === '') return field.required ? { ok: false, reason: 'required' } : { ok: true, value: null };
  if (field.max !== undefined && text.length > field.max) return { ok: false, reason: 'tooLong' };
  switch (field.kind) {
    case 'key':
    case 'ref':
    case 'text':
      return { ok: true, value: text };
    case 'phone': {
      const phone = normalizePhone(text);
      return phone.ok ? { ok: true, value: phone.phone } : { ok: false, reason: phone.reason };
    }
    case 'email':
      return isEmail(text) ? { ok: true, value: text.toLowerCase() } : { ok: false, reason: 'email' };
    case 'date': {
      const day = parseDay(text, mapping.dayFirst);
      return day ? { ok: true, value: day } : { ok: false, reason: 'date' };
    }
    case 'datetime': {
      const at = parseDateTime(text, mapping.dayFirst, timeZone);
      return at === null ? { ok: false, reason: 'date' } : { ok: true, value: at };
    }
    case 'enum': {
      // The user's value map first, then the desk's own words, then the code itself.
      const word = mapped(mapping.values[field.name], text) ?? field.words?.[text] ?? text;
      const known = field.values?.find((v) => v.toLowerCase() === word.toLowerCase());
      return known ? { ok: true, value: known } : { ok: false, reason: 'unknownValue' };
    }
    case 'int': {
      const n = parseInteger(text);
      // The limits of an order entered by hand (contract/customers.ts saveOrderInput).
      return n !== null && n > 0 && n <= 1_000_000 ? { ok: true, value: n } : { ok: false, reason: 'number' };
    }
    case 'money': {
      const fen = parseMoney(text);
      return fen === null || fen > 100_000_000_000 ? { ok: false, reason: 'number' } : { ok: true, value: fen };
    }
    case 'tags':
      return { ok: true, value: splitTags(text).map((t) => t.slice(0, 30)).slice(0, 20) };
    case 'province': {
      const code = parseProvince(text);
      return code ? { ok: true, value: code } : { ok: false, reason: 'invalid' };
    }
    case 'address':
      return { ok: true, value: splitAddress(text) };
  }
}

/** Cleans one row; the first problem rejects it (a row is imported whole or not at all). */
export function cleanRow(entity: ImportEntity, cells: readonly string[], columns: Map<string, number>, mapping: ImportMapping, timeZone: string): Cleaned {
  const values: Values = {};
  for (const field of IMPORT_FIELDS[entity]) {
    const index = columns.get(field.name);
    const raw = index === undefined ? '' : (cells[index] ?? '');
    if (index === undefined && !field.required) {
      values[field.name] = null;
      continue;
    }
    const result = cleanField(field, raw, mapping, timeZone);
    if (!result.ok) return { ok: false, problem: { field: field.name, reason: result.reason, value: raw === '' ? null : raw.slice(0, 200) } };
    values[field.name] = result.value;
  }
  return { ok: true, values };
}

/** Identity mapping for files that carry the fields' own names (an export package). */
export function identityMapping(entity: ImportEntity, headers: readonly string[]): ImportMapping {
  const columns: Record<string, string> = {};
  for (const f of IMPORT_FIELDS[entity]) if (headers.includes(f.name)) columns[f.name] = f.name;
  return { columns, values: {}, dayFirst: false };
}
