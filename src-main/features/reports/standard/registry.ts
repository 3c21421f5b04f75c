import type { ReportId } from '../../../../src-shared/domain/reports';
import type { ReportDefinition } from './common';
import { complaintsReport } from './complaints';
import { engineersReport } from './engineers';
import { followUpsReport } from './followUps';
import { partsReport } from './parts';
import { requestsReport } from './requests';
import { slaReport } from './sla';

/** Every standard report's query, by id (their shapes: src-shared/domain/reports.ts REPORTS). */
export const REPORT_QUERIES: Record<ReportId, ReportDefinition> = {
  requests: requestsReport,
  sla: slaReport,
  engineers: engineersReport,
  parts: partsReport,
  complaints: complaintsReport,
  followUps: followUpsReport,
};
