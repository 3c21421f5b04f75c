import type { ChannelName, SessionUser } from '../../../src-shared/contract';
import type { CoreDeps } from '../../core/context';
import type { CallObserver } from '../../core/dispatch';
import { auditedId, auditedInput, CHANNEL_AUDIT } from './channels';
import { recordAudit } from './record';

/** The table behind each audited entity that has rows by id: its fields are compared before and after. */
const TABLES: Partial<Record<string, string>> = {
  ticket: 'tickets',
  customer: 'customers',
  contact: 'contacts',
  purchase_order: 'purchase_orders',
  asset: 'assets',
  product: 'products',
  part: 'parts',
  assignment_rule: 'assignment_rules',
  agreement: 'agreements',
  calendar: 'calendars',
  escalation_rule: 'escalation_rules',
  user: 'users',
  import_template: 'import_templates',
};

/** Bookkeeping every change moves: not worth an entry's space. */
const NOISE = new Set(['version', 'updated_at']);

type Row = Record<string, unknown>;

/** The fields that differ, before and after, as the trail keeps values (auditedInput: personal text by length). */
function changedFields(before: Row | undefined, after: Row | undefined): { before: Row; after: Row } | null {
  if (!after && !before) return null;
  const b: Row = {};
  const a: Row = {};
  for (const key of Object.keys(after ?? before ?? {})) {
    if (NOISE.has(key) || before?.[key] === after?.[key]) continue;
    b[key] = before?.[key] ?? null;
    a[key] = after?.[key] ?? null;
  }
  return Object.keys(a).length > 0 ? { before: auditedInput(b) as Row, after: auditedInput(a) as Row } : null;
}

/**
 * Records successful calls the way channels.ts says: writes with who, when, which record,
 * the input and the record's fields before and after; views of personal data with who
 * looked at whose. A call that failed leaves no entry.
 */
export function auditCalls(deps: CoreDeps): CallObserver {
  const row = (entity: string, id: number | null): Row | undefined => {
    const table = TABLES[entity];
    return table && id !== null ? (deps.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined) : undefined;
  };
  return {
    before(channel, input) {
      const rule = CHANNEL_AUDIT[channel as ChannelName];
      return rule !== undefined && typeof rule === 'object' && 'write' in rule ? row(rule.write, auditedId(rule.write, input, undefined)) : undefined;
    },
    async after(channel, input, output, user: SessionUser | null, before) {
      const rule = CHANNEL_AUDIT[channel as ChannelName];
      if (rule === undefined || rule === 'read' || rule === 'self') return;
      const entity = 'view' in rule ? rule.view : rule.write;
      const entityId = auditedId(entity, input, output);
      // First-run setup has no session yet when it starts: it is the administrator it creates.
      const made = (output as { user?: { id?: unknown } } | null)?.user?.id;
      const userId = user?.id ?? (typeof made === 'number' ? made : null);
      if ('view' in rule) {
        await recordAudit(deps.db, deps.clock.now(), { userId, action: `${rule.view}.view`, entity: rule.view, entityId });
        return;
      }
      const fields = changedFields(before as Row | undefined, row(rule.write, entityId));
      await recordAudit(deps.db, deps.clock.now(), { userId, action: channel, entity: rule.write, entityId, details: { input: auditedInput(input), ...fields } });
    },
  };
}
