import type { Kysely } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_lifecycle';
import * as m0003 from './0003_assignment_rules';
import * as m0004 from './0004_complaints';
import * as m0005 from './0005_attachments';
import * as m0006 from './0006_regions';
import * as m0007 from './0007_sla';
import * as m0008 from './0008_customer_records';
import * as m0009 from './0009_customer_profiles';
import * as m0010 from './0010_accounts';
import * as m0011 from './0011_audit_chain';
import * as m0012 from './0012_privacy';
import * as m0013 from './0013_dashboard_rollups';
import * as m0014 from './0014_report_schedules';

export interface Migration {
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

// Listed statically so the bundle carries every migration; order is application order.
export const MIGRATIONS: readonly Migration[] = [
  { name: '0001_initial', up: m0001.up },
  { name: '0002_lifecycle', up: m0002.up },
  { name: '0003_assignment_rules', up: m0003.up },
  { name: '0004_complaints', up: m0004.up },
  { name: '0005_attachments', up: m0005.up },
  { name: '0006_regions', up: m0006.up },
  { name: '0007_sla', up: m0007.up },
  { name: '0008_customer_records', up: m0008.up },
  { name: '0009_customer_profiles', up: m0009.up },
  { name: '0010_accounts', up: m0010.up },
  { name: '0011_audit_chain', up: m0011.up },
  { name: '0012_privacy', up: m0012.up },
  { name: '0013_dashboard_rollups', up: m0013.up },
  { name: '0014_report_schedules', up: m0014.up },
];
