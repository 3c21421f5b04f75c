import { z } from 'zod';
import type { TicketStatus, TicketType } from '../domain/tickets';
import type { WarrantyState } from '../domain/warranty';
import { CONTACT_CHANNELS, CUSTOMER_KINDS, CUSTOMER_LIFECYCLES, CUSTOMER_TIERS, isEmail, type ContactChannel, type CustomerLifecycle, type CustomerTier } from '../domain/customers';
import { PROVINCE_CODES, type ProvinceCode } from '../domain/regions';
import { channel } from './channel';
import { phoneField } from './phone';

export interface CustomerSummary {
  id: number;
  customerNo: string;
  name: string;
  kind: 'company' | 'individual';
  phone: string | null;
  province: ProvinceCode | null;
  contacts: { id: number; name: string; phone: string | null }[];
}

export interface ProductOption {
  id: number;
  name: string;
  model: string;
  productLine: string;
}

/** What an agent sees beside the intake form once a customer is chosen. */
export interface CustomerServiceSummary {
  customerId: number;
  openRequests: number;
  requestsLast12Months: number;
  /** The customer's own service agreement (null: the desk's default applies). */
  agreement: { id: number; name: string } | null;
  /** The customer's latest requests, newest first. */
  recent: { id: number; number: string; subject: string; status: TicketStatus; type: TicketType; createdAt: number }[];
}

export { WARRANTY_EXPIRING_DAYS, WARRANTY_STATES, type WarrantyState } from '../domain/warranty';

/** A product installed at the customer (installed base). */
export interface CustomerAsset {
  id: number;
  product: { id: number; name: string; model: string; productLine: string } | null;
  serialNo: string | null;
  /** Calendar days, YYYY-MM-DD. */
  installDate: string | null;
  location: string | null;
  warrantyStart: string | null;
  warrantyEnd: string | null;
  warranty: WarrantyState;
  /** The service agreement of the warranty (null: the desk's warranty default). */
  agreement: { id: number; name: string } | null;
}

/** The customer 360 page's head: who they are and how their service stands. */
export interface Customer360 {
  id: number;
  customerNo: string;
  name: string;
  kind: 'company' | 'individual';
  phone: string | null;
  province: ProvinceCode | null;
  createdAt: number;
  tier: CustomerTier;
  /** From the latest request or purchase and the desk's thresholds. */
  lifecycle: CustomerLifecycle;
  lastActivityAt: number;
  email: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
  note: string | null;
  tags: string[];
  /** The account manager. */
  owner: { id: number; name: string } | null;
  /** Set when this record was merged into another: the page shows where it went. */
  mergedInto: { id: number; customerNo: string; name: string } | null;
  /** Set when the customer's personal data was erased on request (privacy.erase). */
  erasedAt: number | null;
  /** The customer's own service agreement (null: the desk's default applies). */
  agreement: { id: number; name: string } | null;
  contacts: CustomerContact[];
  assets: CustomerAsset[];
  /** Purchase orders, newest first. */
  orders: PurchaseOrder[];
  kpis: {
    openRequests: number;
    requestsLast12Months: number;
    /** Mean hours from entry to resolution of the requests resolved in the last 12 months. */
    meanResolutionHours: number | null;
    /** The latest contact on any of the customer's requests: entered, replied, visited or followed up. */
    lastContactAt: number | null;
    /** Mean follow-up satisfaction (1–5) over the last 12 months, and how many it averages. */
    csatAverage: number | null;
    followUps: number;
    /** Complaints since the customer's first request (a customer's complaint history counts whole). */
    complaints: number;
  };
}

export interface CustomerContact {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  role: string | null;
  preferredChannel: ContactChannel | null;
}

export interface PurchaseOrder {
  id: number;
  orderNo: string;
  /** YYYY-MM-DD. */
  orderedOn: string;
  /** 'erp': imported; 'manual': entered at the desk. */
  source: 'erp' | 'manual';
  currency: string;
  note: string | null;
  /** Sum of the lines, minor units. */
  total: number;
  lines: { id: number; product: { id: number; name: string; model: string } | null; description: string; quantity: number; unitPrice: number }[];
}

/** One row of the customer list. */
export interface CustomerListItem {
  id: number;
  customerNo: string;
  name: string;
  kind: 'company' | 'individual';
  tier: CustomerTier;
  lifecycle: CustomerLifecycle;
  lastActivityAt: number;
  phone: string | null;
  province: ProvinceCode | null;
  city: string | null;
  owner: { id: number; name: string } | null;
  tags: string[];
}

export interface CustomerPage {
  items: CustomerListItem[];
  nextCursor: string | null;
}

/** What the 360 timeline can be narrowed to: the history of the customer's requests, and their purchases. */
export const TIMELINE_KINDS = ['request', 'reply', 'note', 'visit', 'followUp', 'complaint', 'purchase', 'other'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineItem {
  /** The history entry's id (a purchase's: its order id). */
  id: number;
  at: number;
  kind: TimelineKind;
  /** The request history's own kind (created, reply, logWork, recordFollowUp…), for its wording; 'purchase' for an order. */
  eventKind: string;
  /** The request the entry belongs to; null for a purchase. */
  ticket: { id: number; number: string; subject: string; type: TicketType } | null;
  /** The purchase order, for a purchase. */
  order: { id: number; orderNo: string; total: number; currency: string } | null;
  actorName: string | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  note: string | null;
  details: Record<string, unknown> | null;
}

export interface TimelinePage {
  items: TimelineItem[];
  /** Opaque cursor for the next (older) page; null on the last. */
  nextCursor: string | null;
}

/** An existing customer that may be the one being entered again, and why. */
export interface PossibleDuplicate extends CustomerSummary {
  /** 'name': the same name once width, case, spaces and the legal form are set aside; 'phone': the customer's or a contact's number. */
  reasons: ('name' | 'phone')[];
}

const day = z.iso.date().nullable();
const id = z.number().int().positive();
const email = z
  .string()
  .trim()
  .max(254)
  // Defaulted before the check and the transform, so an absent email is stored as none.
  .default('')
  .refine((t) => t === '' || isEmail(t), { message: 'email' })
  .transform((t) => (t === '' ? null : t.toLowerCase()));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .default('')
    .transform((t) => (t === '' ? null : t));

export const saveCustomerInput = z
  .object({
    id: id.optional(),
    kind: z.enum(CUSTOMER_KINDS),
    name: z.string().trim().min(1).max(100),
    phone: phoneField.default(''),
    email,
    tier: z.enum(CUSTOMER_TIERS).default('normal'),
    province: z.enum(PROVINCE_CODES).nullable().default(null),
    city: optionalText(50),
    district: optionalText(50),
    street: optionalText(200),
    tags: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
    ownerId: id.nullable().default(null),
    note: optionalText(2000),
  })
  .strict();

export const saveContactInput = z
  .object({
    id: id.optional(),
    customerId: id,
    name: z.string().trim().min(1).max(100),
    phone: phoneField.default(''),
    email,
    role: optionalText(50),
    preferredChannel: z.enum(CONTACT_CHANNELS).nullable().default(null),
  })
  .strict();

export const saveOrderInput = z
  .object({
    id: id.optional(),
    customerId: id,
    orderNo: z.string().trim().min(1).max(50),
    orderedOn: z.iso.date(),
    note: optionalText(500),
    lines: z
      .array(
        z
          .object({
            productId: id.nullable().default(null),
            description: z.string().trim().max(200).default(''),
            quantity: z.number().int().min(1).max(1_000_000),
            /** Minor units (fen). */
            unitPrice: z.number().int().min(0).max(100_000_000_000),
          })
          .strict()
          .refine((l) => l.productId !== null || l.description !== '', { message: 'required', path: ['description'] }),
      )
      .min(1)
      .max(200),
  })
  .strict();

export const saveAssetInput = z
  .object({
    id: z.number().int().positive().optional(),
    customerId: z.number().int().positive(),
    productId: z.number().int().positive().nullable(),
    serialNo: z.string().trim().max(100).default(''),
    installDate: day.default(null),
    location: z.string().trim().max(200).default(''),
    warrantyStart: day.default(null),
    warrantyEnd: day.default(null),
    /** The warranty's own service agreement (null: the desk's warranty default). */
    agreementId: z.number().int().positive().nullable().default(null),
  })
  .strict()
  .refine((a) => a.warrantyStart === null || a.warrantyEnd === null || a.warrantyEnd >= a.warrantyStart, { message: 'beforeStart', path: ['warrantyEnd'] })
  .refine((a) => a.warrantyStart === null || a.warrantyEnd !== null, { message: 'required', path: ['warrantyEnd'] });

export const customers = {
  /** The customer list: newest first, narrowed by text (name, number, phone), tier, lifecycle, owner or tag. */
  list: channel<CustomerPage>()({
    input: z
      .object({
        text: z.string().trim().max(100).default(''),
        tier: z.enum(CUSTOMER_TIERS).optional(),
        lifecycle: z.enum(CUSTOMER_LIFECYCLES).optional(),
        ownerId: id.optional(),
        tag: z.string().trim().min(1).max(30).optional(),
        cursor: z.string().max(100).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    access: 'customers.read',
  }),
  /** Creates (no id) or edits a customer's profile. */
  save: channel<{ id: number; customerNo: string }>()({ input: saveCustomerInput, access: 'customers.manage' }),
  /** Every tag in use, for pickers and the list's filter. */
  tags: channel<string[]>()({ input: z.object({}).strict(), access: 'customers.read' }),
  saveContact: channel<CustomerContact>()({ input: saveContactInput, access: 'customers.manage' }),
  /** Refused with CONFLICT while a request names the contact. */
  removeContact: channel<null>()({ input: z.object({ id }).strict(), access: 'customers.manage' }),
  /**
   * Moves everything of `fromId` (requests, contacts, installed products, orders, tags) to
   * `intoId`, fills the gaps in its profile, and keeps `fromId` as a pointer, with an audit entry.
   */
  merge: channel<{ intoId: number; moved: { requests: number; contacts: number; assets: number; orders: number } }>()({
    input: z
      .object({ fromId: id, intoId: id })
      .strict()
      .refine((m) => m.fromId !== m.intoId, { message: 'sameCustomer', path: ['intoId'] }),
    access: 'customers.merge',
  }),
  saveOrder: channel<PurchaseOrder>()({ input: saveOrderInput, access: 'customers.manage' }),
  removeOrder: channel<null>()({ input: z.object({ id }).strict(), access: 'customers.manage' }),
  serviceSummary: channel<CustomerServiceSummary>()({
    input: z.object({ customerId: z.number().int().positive() }).strict(),
    access: 'customers.read',
  }),
  /** Type-ahead for the request form: by name, customer number or phone. */
  lookup: channel<CustomerSummary[]>()({
    input: z.object({ text: z.string().trim().max(100).default(''), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    access: 'customers.read',
  }),
  products: channel<ProductOption[]>()({ input: z.object({}).strict(), access: 'customers.read' }),
  /** The customer 360 page: profile, contacts, installed base, agreement and KPIs. */
  get: channel<Customer360>()({
    input: z.object({ customerId: z.number().int().positive() }).strict(),
    access: 'customers.read',
  }),
  /** Everything that happened on the customer's requests, newest first, optionally narrowed. */
  timeline: channel<TimelinePage>()({
    input: z
      .object({
        customerId: z.number().int().positive(),
        kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).optional(),
        cursor: z.string().max(100).optional(),
        limit: z.number().int().min(1).max(100).default(50),
      })
      .strict(),
    access: 'customers.read',
  }),
  /** Adds (no id) or edits a catalog product; models are unique. */
  saveProduct: channel<ProductOption>()({
    input: z
      .object({
        id: z.number().int().positive().optional(),
        productLine: z.string().trim().min(1).max(100),
        model: z.string().trim().min(1).max(100),
        name: z.string().trim().min(1).max(200),
      })
      .strict(),
    access: 'products.manage',
  }),
  /** Adds (no id) or edits a product installed at a customer, with its warranty. */
  saveAsset: channel<CustomerAsset>()({ input: saveAssetInput, access: 'customers.manage' }),
  removeAsset: channel<null>()({ input: z.object({ id: z.number().int().positive() }).strict(), access: 'customers.manage' }),
  /** Before a new customer is created: existing ones with the same name or phone. */
  possibleDuplicates: channel<PossibleDuplicate[]>()({
    input: z.object({ name: z.string().trim().min(1).max(100), phone: phoneField.optional() }).strict(),
    access: 'customers.read',
  }),
};
