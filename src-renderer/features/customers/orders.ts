import type { TFunction } from 'i18next';
import type { Contract, InputOf, PurchaseOrder } from '../../../src-shared/contract';
import { toApiError } from '../../api/ApiError';
import { fenToYuan, yuanToFen } from '../../i18n/money';
import { productLabel } from './assets';

export type SaveOrderInput = InputOf<Contract['customers']['saveOrder']>;

/** One line of the order form: a product (its id as text, '' for none) or a description, a quantity and a unit price in 元 as typed. */
export interface OrderLineDraft {
  /** Stable across edits, for React's keys and focus. */
  key: number;
  productId: string;
  description: string;
  quantity: number | string;
  unitPrice: number | string;
}

export interface OrderDraft {
  orderNo: string;
  /** YYYY-MM-DD or ''. */
  orderedOn: string;
  note: string;
  lines: OrderLineDraft[];
}

export const ORDER_FIELDS = ['orderNo', 'orderedOn', 'note', 'lines'] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];
export const LINE_FIELDS = ['productId', 'description', 'quantity', 'unitPrice'] as const;
export type LineField = (typeof LINE_FIELDS)[number];

/** The form's problems: per field, and per line (by its index) per line field. */
export interface OrderErrors {
  fields: Partial<Record<OrderField, string>>;
  lines: Partial<Record<LineField, string>>[];
}

export const NO_ORDER_ERRORS: OrderErrors = { fields: {}, lines: [] };

let nextKey = 1;

/** A blank line: one of nothing yet, at no price. */
export function blankLine(): OrderLineDraft {
  return { key: nextKey++, productId: '', description: '', quantity: 1, unitPrice: '' };
}

/** The form's starting values: the order's (editing), or today's date and one blank line (adding). */
export function orderDraft(order: PurchaseOrder | null, today: string): OrderDraft {
  if (!order) return { orderNo: '', orderedOn: today, note: '', lines: [blankLine()] };
  return {
    orderNo: order.orderNo,
    orderedOn: order.orderedOn,
    note: order.note ?? '',
    lines: order.lines.map((l) => ({
      key: nextKey++,
      productId: l.product ? String(l.product.id) : '',
      // Main writes the product's name into a product line saved without a description: that is no description of the desk's.
      description: l.product && l.description === l.product.name ? '' : l.description,
      quantity: l.quantity,
      unitPrice: fenToYuan(l.unitPrice),
    })),
  };
}

const QUANTITY_MAX = 1_000_000;
const UNIT_PRICE_MAX = 100_000_000_000;

function quantityOf(value: number | string): number | null {
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= 1 && n <= QUANTITY_MAX ? n : null;
}

function unitPriceOf(value: number | string): number | null {
  const fen = yuanToFen(value);
  return fen !== null && fen <= UNIT_PRICE_MAX ? fen : null;
}

/** A line's amount in fen (quantity × unit price), or null while either is not a number it could be. */
export function lineAmount(line: Pick<OrderLineDraft, 'quantity' | 'unitPrice'>): number | null {
  const quantity = quantityOf(line.quantity);
  const unitPrice = unitPriceOf(line.unitPrice);
  return quantity === null || unitPrice === null ? null : quantity * unitPrice;
}

/** The order's total in fen, over the lines that have an amount. */
export function draftTotal(lines: readonly OrderLineDraft[]): number {
  return lines.reduce((sum, line) => sum + (lineAmount(line) ?? 0), 0);
}

/** Problems the form finds before asking main: the number, the date, and each line's product or description, quantity and price. */
export function orderLocalErrors(t: TFunction, draft: OrderDraft): OrderErrors {
  const fields: OrderErrors['fields'] = {};
  if (draft.orderNo.trim() === '') fields.orderNo = t('validation.required');
  if (draft.orderedOn === '') fields.orderedOn = t('validation.required');
  if (draft.lines.length === 0) fields.lines = t('orders.linesRequired');
  const lines = draft.lines.map((line) => {
    const problems: Partial<Record<LineField, string>> = {};
    if (line.productId === '' && line.description.trim() === '') problems.description = t('orders.productOrDescription');
    if (quantityOf(line.quantity) === null) problems.quantity = t('orders.quantityRange', { max: QUANTITY_MAX });
    if (unitPriceOf(line.unitPrice) === null) problems.unitPrice = t('validation.invalid');
    return problems;
  });
  return { fields, lines };
}

export function hasOrderErrors(errors: OrderErrors): boolean {
  return Object.keys(errors.fields).length > 0 || errors.lines.some((l) => Object.keys(l).length > 0);
}

/** The form's values as saveOrder's input; call after orderLocalErrors found nothing. */
export function orderInput(customerId: number, orderId: number | null, draft: OrderDraft): SaveOrderInput {
  return {
    ...(orderId !== null ? { id: orderId } : {}),
    customerId,
    orderNo: draft.orderNo.trim(),
    orderedOn: draft.orderedOn,
    note: draft.note.trim(),
    lines: draft.lines.map((line) => ({
      productId: /^[1-9]\d*$/.test(line.productId) ? Number(line.productId) : null,
      description: line.description.trim(),
      quantity: quantityOf(line.quantity) ?? 0,
      unitPrice: unitPriceOf(line.unitPrice) ?? -1,
    })),
  };
}

/** saveOrder's field errors (orderNo, lines.2.quantity…), translated, under the form's fields and lines. */
export function orderFieldErrors(t: TFunction, error: unknown): OrderErrors {
  const fields: OrderErrors['fields'] = {};
  const lines: OrderErrors['lines'] = [];
  for (const issue of toApiError(error).fields) {
    const text =
      issue.code === 'taken'
        ? t('orders.orderNoTaken')
        : t(`validation.${issue.code}`, { min: issue.min, max: issue.max, defaultValue: t('validation.invalid') });
    const [head, index, field] = issue.path.split('.');
    if (head === 'lines' && index !== undefined && /^\d+$/.test(index)) {
      const i = Number(index);
      const line = (lines[i] ??= {});
      const name = (LINE_FIELDS as readonly string[]).includes(field ?? '') ? (field as LineField) : 'description';
      line[name] ??= name === 'description' && issue.code === 'required' ? t('orders.productOrDescription') : text;
    } else if ((ORDER_FIELDS as readonly string[]).includes(head ?? '')) {
      fields[head as OrderField] ??= head === 'lines' ? t('orders.linesRequired') : text;
    }
  }
  for (let i = 0; i < lines.length; i++) lines[i] ??= {};
  return { fields, lines };
}

/** What a line is: its product ("名称 (型号)") and its description, whichever are there (a description that only repeats the product's name is left out). */
export function orderLineLabel(line: PurchaseOrder['lines'][number]): string {
  const description = line.description.trim();
  const parts = [line.product ? productLabel(line.product) : '', line.product && description === line.product.name ? '' : description].filter((p) => p !== '');
  return parts.join(' · ');
}

/** The orders' sum when they share one currency (null when they do not, or there are none). */
export function ordersTotal(orders: readonly Pick<PurchaseOrder, 'total' | 'currency'>[]): { total: number; currency: string } | null {
  const currency = orders[0]?.currency;
  if (currency === undefined || orders.some((o) => o.currency !== currency)) return null;
  return { total: orders.reduce((sum, o) => sum + o.total, 0), currency };
}
