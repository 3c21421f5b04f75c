// What an audit entry's details say, in a line or two: for an account or team change the
// fields that changed (字段: 旧 → 新), for a generic write the input's key fields, for
// anything else its plain values. The full JSON stays one click away.

/** One changed field: what it was and what it became (undefined: it had no value on that side). */
export interface FieldChange {
  kind: 'change';
  field: string;
  before: unknown;
  after: unknown;
}

/** One plain field of the input or the details. */
export interface FieldValue {
  kind: 'value';
  field: string;
  value: unknown;
}

export type DetailLine = FieldChange | FieldValue;

export interface DetailSummary {
  lines: DetailLine[];
  /** Fields left out of the summary (shown in the full JSON). */
  more: number;
}

/** Lines shown before "+N more". */
export const SUMMARY_LINES = 4;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isScalar = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function limit(lines: DetailLine[], extra = 0): DetailSummary {
  return { lines: lines.slice(0, SUMMARY_LINES), more: Math.max(0, lines.length - SUMMARY_LINES) + extra };
}

/** The input keys the trail takes an entry's record from (main's auditedId): they repeat the object's number. */
const OWN_ID_KEYS = ['id', 'ticketId', 'customerId', 'userId'];

/**
 * The summary of an entry's details. `entityId` is the record the entry is about: an
 * input field that repeats it is left out.
 */
export function summarizeDetails(details: Record<string, unknown> | null, entityId: number | null = null): DetailSummary {
  if (!details) return { lines: [], more: 0 };
  const { before, after } = details;
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    const changes: DetailLine[] = fields
      .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
      .map((field) => ({ kind: 'change', field, before: b[field], after: a[field] }));
    const rest = Object.keys(details).filter((k) => k !== 'before' && k !== 'after' && k !== 'changed');
    return limit(changes, rest.length);
  }
  const source = isRecord(details.input) && Object.keys(details).length === 1 ? details.input : details;
  const entries = Object.entries(source).filter(([k, v]) => v !== undefined && !(OWN_ID_KEYS.includes(k) && v === entityId));
  // Plain values first: they say most in a line; lists and objects are counted as "more".
  const plain = entries.filter(([, v]) => isScalar(v));
  const nested = entries.length - plain.length;
  return limit(
    plain.map(([field, value]) => ({ kind: 'value', field, value })),
    nested,
  );
}

/** Main keeps text about people as its length only ({ written: n }): the trail cannot be erased. */
export function personalTextLength(value: unknown): number | null {
  return isRecord(value) && Object.keys(value).length === 1 && typeof value.written === 'number' ? value.written : null;
}

const LONGEST = 60;

/** A value as one short line: text as is (cut at 60 characters), other values as JSON; '—' for none. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}

/** The page of the record an entry is about, where the desk has one. */
export function entityRoute(entity: string, entityId: number | null): string | null {
  if (entityId === null) return null;
  if (entity === 'ticket') return `/tickets/${entityId}`;
  if (entity === 'customer') return `/customers/${entityId}`;
  return null;
}

/** Object types with a label in the catalogs under audit.entity (others show as recorded). */
export const AUDIT_ENTITIES = [
  'ticket',
  'customer',
  'contact',
  'purchase_order',
  'product',
  'asset',
  'user',
  'team',
  'settings',
  'desk',
  'assignment_rule',
  'part',
  'calendar',
  'agreement',
  'escalation_rule',
  'sla_check',
  'import_run',
  'import_job',
  'import_template',
  'export_job',
  'tickets',
  'backup',
  'audit_log',
  'report',
] as const;
