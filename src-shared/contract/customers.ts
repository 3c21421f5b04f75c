import { z } from 'zod';
import { channel } from './channel';

export interface CustomerSummary {
  id: number;
  customerNo: string;
  name: string;
  kind: 'company' | 'individual';
  phone: string | null;
  contacts: { id: number; name: string; phone: string | null }[];
}

export interface ProductOption {
  id: number;
  name: string;
  model: string;
  productLine: string;
}

export const customers = {
  /** Type-ahead for the request form: by name, customer number or phone. */
  lookup: channel<CustomerSummary[]>()({
    input: z.object({ text: z.string().trim().max(100).default(''), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    access: 'customers.read',
  }),
  products: channel<ProductOption[]>()({ input: z.object({}).strict(), access: 'customers.read' }),
};
