import { z } from 'zod';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from '../domain/tickets';
import { channel } from './channel';

export interface TicketListItem {
  id: number;
  number: string;
  subject: string;
  status: TicketStatus;
  type: TicketType;
  priority: TicketPriority;
  channel: TicketChannel;
  customerName: string;
  assigneeName: string | null;
  requestedBy: string | null;
  createdAt: number;
}

export interface TicketEvent {
  at: number;
  kind: string;
  actorName: string | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  note: string | null;
}

export interface TicketDetail extends TicketListItem {
  description: string;
  customer: { id: number; customerNo: string; name: string; phone: string | null };
  contact: { id: number; name: string; phone: string | null } | null;
  product: { id: number; name: string; model: string } | null;
  createdByName: string;
  updatedAt: number;
  events: TicketEvent[];
}

export interface TicketPage {
  items: TicketListItem[];
  /** Opaque keyset cursor for the next page; null on the last page. */
  nextCursor: string | null;
}

const id = z.number().int().positive();
const phone = z.string().trim().max(40).regex(/^[0-9+\-() ]*$/, { error: 'phone' });
/** A calendar date (the customer's requested-by day), not an instant. */
export const isoDateSchema = z.iso.date();

const newParty = z.object({ name: z.string().trim().min(1).max(100), phone: phone.optional() }).strict();

export const createTicketInput = z
  .object({
    customer: z.union([z.object({ id }).strict(), newParty]),
    contact: z.union([z.object({ id }).strict(), newParty]).optional(),
    productId: id.optional(),
    type: z.enum(TICKET_TYPES),
    priority: z.enum(TICKET_PRIORITIES).default('normal'),
    channel: z.enum(TICKET_CHANNELS),
    subject: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).default(''),
    requestedBy: isoDateSchema.optional(),
  })
  .strict();

export const listTicketsInput = z
  .object({
    status: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length).optional(),
    type: z.array(z.enum(TICKET_TYPES)).max(TICKET_TYPES.length).optional(),
    priority: z.array(z.enum(TICKET_PRIORITIES)).max(TICKET_PRIORITIES.length).optional(),
    /** An engineer's id, or 'none' for requests nobody owns yet. */
    assignee: z.union([id, z.literal('none')]).optional(),
    text: z.string().trim().max(100).optional(),
    sort: z.enum(TICKET_SORTS).default('created_desc'),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const tickets = {
  create: channel<TicketDetail>()({ input: createTicketInput, access: 'tickets.create' }),
  list: channel<TicketPage>()({ input: listTicketsInput, access: 'tickets.read' }),
  get: channel<TicketDetail>()({ input: z.object({ id }).strict(), access: 'tickets.read' }),
};
