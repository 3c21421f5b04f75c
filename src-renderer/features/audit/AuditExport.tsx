import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../../src-shared/contract';
import { AUDIT_EXPORT_COLUMNS, type AuditExportColumn } from '../../../src-shared/contract/audit';
import { api } from '../../api';
import { FileExportMenu } from '../imports/FileExportMenu';
import { useRefreshAudit } from './hooks';

/** The file's column headers, in the UI language. */
export function auditExportHeaders(t: TFunction): Record<AuditExportColumn, string> {
  return Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((c) => [c, t(`audit.column.${c}`)])) as Record<AuditExportColumn, string>;
}

/**
 * 导出 on the audit trail: the entries the current filters find, newest first, as XLSX or
 * CSV, saved under the name the job gives (audit-<desk time>.csv).
 */
export function AuditExportMenu({ filter }: { filter: AuditFilter }) {
  const { t } = useTranslation();
  const refresh = useRefreshAudit();
  return (
    <FileExportMenu
      start={(format) => api.exports.audit({ ...filter, format, headers: auditExportHeaders(t) })}
      keys="audit.export"
      testId="audit-export"
      // The trail now holds the export's own entry.
      onWritten={() => void refresh()}
    />
  );
}
