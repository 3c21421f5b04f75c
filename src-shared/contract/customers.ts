import { z } from 'zod';
import type { ProvinceCode } from '../domain/regions';
import type { TicketStatus, TicketType } from '../domain/tickets';
import type { WarrantyState } from '../domain/warranty';
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
  /** The customer's own service agreement (null: the desk's default applies). */
  agreement: { id: number; name: string } | null;
  contacts: { id: number; name: string; phone: string | null; email: string | null }[];
  assets: CustomerAsset[];
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

/** What the 360 timeline can be narrowed to; every history entry of the customer's requests is one of these. */
export const TIMELINE_KINDS = ['request', 'reply', 'note', 'visit', 'followUp', 'complaint', 'other'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineItem {
  /** The history entry's id. */
  id: number;
  at: number;
  kind: TimelineKind;
  /** The request history's own kind (created, reply, logWork, recordFollowUp…), for its wording. */
  eventKind: string;
  ticket: { id: number; number: string; subject: string; type: TicketType };
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
