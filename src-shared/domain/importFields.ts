import { CONTACT_CHANNELS, CUSTOMER_KINDS, CUSTOMER_TIERS } from './customers';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from './tickets';

// What the import wizard can bring in, entity by entity, and what each field must hold.
// The wizard maps a file's columns onto these fields; main cleans and checks every value
// by its kind; an export writes the same fields as its CSV headers, so it imports back.

/** In dependency order: a later entity refers to earlier ones by their keys. */
export const IMPORT_ENTITIES = ['products', 'customers', 'contacts', 'assets', 'orders', 'requests'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export type FieldKind =
  /** The record's id in the source system: a re-run finds it and creates nothing new. */
  | 'key'
  /** Another record's key (or, for customers, their customer number). */
  | 'ref'
  | 'text'
  | 'phone'
  | 'email'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'int'
  /** Yuan as written (1,234.50), stored in fen. */
  | 'money'
  /** Separated by , ， ; ； 、 or |. */
  | 'tags'
  /** A province by name (广东, 广东省) or code (GD). */
  | 'province'
  /** A whole address, split into province / city / district / street. */
  | 'address';

export interface ImportField {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** For 'enum': the values the app knows; others need a value mapping. */
  values?: readonly string[];
  /** For 'enum': the Chinese words users write for those values (GLOSSARY.md), read without a value map. */
  words?: Readonly<Record<string, string>>;
  /** For 'ref': the entity referred to. */
  ref?: ImportEntity;
  max?: number;
}

const key: ImportField = { name: 'key', kind: 'key', max: 100 };

// The desk's own words for coded values (as the zh-CN catalog shows them), and the common
// variants old spreadsheets use, so a file in Chinese imports without a value map.
const KIND_WORDS = { 企业: 'company', 公司: 'company', 单位: 'company', 个人: 'individual' };
const TIER_WORDS = { 战略: 'strategic', 战略客户: 'strategic', 重点: 'key', 重点客户: 'key', 普通: 'normal', 普通客户: 'normal', 潜在: 'potential', 潜在客户: 'potential' };
const CONTACT_CHANNEL_WORDS = { 电话: 'phone', 手机: 'phone', 微信: 'wechat', 邮件: 'email', 邮箱: 'email', 电子邮件: 'email', 短信: 'sms' };
const TYPE_WORDS = { 咨询: 'consultation', 报修: 'repair', 维修: 'repair', 安装: 'installation', 投诉: 'complaint', 其他: 'other' };
const PRIORITY_WORDS = { 低: 'low', 普通: 'normal', 一般: 'normal', 中: 'normal', 高: 'high', 紧急: 'urgent', 特急: 'urgent' };
const STATUS_WORDS = {
  待分配: 'pending_assignment',
  挂起: 'on_hold',
  已分配: 'assigned',
  处理中: 'assigned',
  锁定: 'locked',
  已处理: 'resolved',
  已解决: 'resolved',
  回访: 'follow_up',
  已关闭: 'closed',
  关闭: 'closed',
  已完成: 'closed',
  重新打开: 'reopened',
};
const CHANNEL_WORDS = { 电话: 'phone', 邮件: 'email', 邮箱: 'email', 到店: 'walk_in', 上门: 'walk_in', 网页: 'web', 网站: 'web', 微信: 'wechat' };

export const IMPORT_FIELDS: Record<ImportEntity, readonly ImportField[]> = {
  products: [
    { name: 'model', kind: 'key', required: true, max: 100 },
    { name: 'productLine', kind: 'text', required: true, max: 100 },
    { name: 'name', kind: 'text', required: true, max: 200 },
  ],
  customers: [
    key,
    { name: 'customerNo', kind: 'text', max: 30 },
    { name: 'name', kind: 'text', required: true, max: 100 },
    { name: 'kind', kind: 'enum', values: CUSTOMER_KINDS, words: KIND_WORDS },
    { name: 'tier', kind: 'enum', values: CUSTOMER_TIERS, words: TIER_WORDS },
    { name: 'phone', kind: 'phone' },
    { name: 'email', kind: 'email' },
    { name: 'province', kind: 'province' },
    { name: 'city', kind: 'text', max: 50 },
    { name: 'district', kind: 'text', max: 50 },
    { name: 'street', kind: 'text', max: 200 },
    { name: 'address', kind: 'address', max: 300 },
    { name: 'tags', kind: 'tags' },
    { name: 'owner', kind: 'text', max: 100 },
    { name: 'note', kind: 'text', max: 2000 },
    { name: 'createdAt', kind: 'datetime' },
  ],
  contacts: [
    key,
    { name: 'customer', kind: 'ref', ref: 'customers', required: true },
    { name: 'name', kind: 'text', required: true, max: 100 },
    { name: 'phone', kind: 'phone' },
    { name: 'email', kind: 'email' },
    { name: 'role', kind: 'text', max: 50 },
    { name: 'preferredChannel', kind: 'enum', values: CONTACT_CHANNELS, words: CONTACT_CHANNEL_WORDS },
  ],
  assets: [
    key,
    { name: 'customer', kind: 'ref', ref: 'customers', required: true },
    { name: 'model', kind: 'ref', ref: 'products' },
    { name: 'serialNo', kind: 'text', max: 100 },
    { name: 'installDate', kind: 'date' },
    { name: 'location', kind: 'text', max: 200 },
    { name: 'warrantyStart', kind: 'date' },
    { name: 'warrantyEnd', kind: 'date' },
  ],
  // One row per order line; rows with the same order number are one order.
  orders: [
    { name: 'orderNo', kind: 'key', required: true, max: 50 },
    { name: 'customer', kind: 'ref', ref: 'customers', required: true },
    { name: 'orderedOn', kind: 'date', required: true },
    { name: 'model', kind: 'ref', ref: 'products' },
    { name: 'description', kind: 'text', max: 200 },
    { name: 'quantity', kind: 'int', required: true },
    { name: 'unitPrice', kind: 'money', required: true },
    { name: 'currency', kind: 'text', max: 3 },
  ],
  requests: [
    key,
    { name: 'customer', kind: 'ref', ref: 'customers', required: true },
    { name: 'model', kind: 'ref', ref: 'products' },
    { name: 'type', kind: 'enum', values: TICKET_TYPES, words: TYPE_WORDS, required: true },
    { name: 'priority', kind: 'enum', values: TICKET_PRIORITIES, words: PRIORITY_WORDS },
    // Done in the old system (resolved, follow-up, closed) comes in closed; anything still
    // open there waits for assignment here. Absent: closed.
    { name: 'status', kind: 'enum', values: TICKET_STATUSES, words: STATUS_WORDS },
    { name: 'channel', kind: 'enum', values: TICKET_CHANNELS, words: CHANNEL_WORDS },
    { name: 'subject', kind: 'text', required: true, max: 200 },
    { name: 'description', kind: 'text', max: 5000 },
    { name: 'createdAt', kind: 'datetime', required: true },
    { name: 'closedAt', kind: 'datetime' },
  ],
};

export function importField(entity: ImportEntity, name: string): ImportField | undefined {
  return IMPORT_FIELDS[entity].find((f) => f.name === name);
}
