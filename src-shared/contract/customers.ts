import { z } from 'zod';
import type { ProvinceCode } from '../domain/regions';
import type { TicketStatus, TicketType } from '../domain/tickets';
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

/** An existing customer that may be the one being entered again, and why. */
export interface PossibleDuplicate extends CustomerSummary {
  /** 'name': the same name once width, case, spaces and the legal form are set aside; 'phone': the customer's or a contact's number. */
  reasons: ('name' | 'phone')[];
}

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
  /** Before a new customer is created: existing ones with the same name or phone. */
  possibleDuplicates: channel<PossibleDuplicate[]>()({
    input: z.object({ name: z.string().trim().min(1).max(100), phone: phoneField.optional() }).strict(),
    access: 'customers.read',
  }),
};
