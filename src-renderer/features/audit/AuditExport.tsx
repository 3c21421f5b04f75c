import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../../src-shared/contract';
import { AUDIT_EXPORT_COLUMNS, type AuditExportColumn, type AuditExportWords } from '../../../src-shared/contract/audit';
import { api } from '../../api';
import { FileExportMenu } from '../imports/FileExportMenu';
import { AUDITED_ACTIONS } from './actions';
import { AUDIT_ENTITIES } from './details';
import { useRefreshAudit } from './hooks';
import { actionLabel, entityLabel } from './labels';

/** The file's words in the UI language: actions and object types the catalogs know, and who "nobody" is. */
export function auditExportWords(t: TFunction, exists: (key: string) => boolean): AuditExportWords {
  const known = <K extends string>(codes: readonly K[], label: (code: K) => string) =>
    Object.fromEntries(codes.filter((c) => label(c) !== c).map((c) => [c, label(c)]));
  return {
    actions: known(AUDITED_ACTIONS, (a) => actionLabel(t, exists, a)),
    entities: known(AUDIT_ENTITIES, (e) => entityLabel(t, exists, e)),
    system: t('audit.system'),
    unknownPerson: t('audit.unknownPerson'),
  };
}

/** The file's column headers, in the UI language. */
export function auditExportHeaders(t: TFunction): Record<AuditExportColumn, string> {
  return Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((c) => [c, t(`audit.column.${c}`)])) as Record<AuditExportColumn, string>;
}

/**
 * 导出 on the audit trail: the entries the current filters find, newest first, as XLSX or
 * CSV, saved under the name the job gives (audit-<desk time>.csv).
 */
export function AuditExportMenu({ filter }: { filter: AuditFilter }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshAudit();
  return (
    <FileExportMenu
      start={(format) => api.exports.audit({ ...filter, format, headers: auditExportHeaders(t), words: auditExportWords(t, (key) => i18n.exists(key)) })}
      keys="audit.export"
      testId="audit-export"
      // The trail now holds the export's own entry.
      onWritten={() => void refresh()}
    />
  );
}
