import type { TFunction } from 'i18next';
import type { Contract, InputOf, ProductOption } from '../../../src-shared/contract';
import { toApiError } from '../../api';
import { fieldErrors } from '../../i18n/errors';

export type SaveProductInput = InputOf<Contract['customers']['saveProduct']>;

/** The product form's fields, named as customers.saveProduct's input paths. */
export const PRODUCT_FIELDS = ['productLine', 'model', 'name'] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];

export interface ProductLineGroup {
  productLine: string;
  products: ProductOption[];
}

/**
 * The catalog by product line, lines in the language's order (pinyin for zh-CN) and models
 * within a line in natural order (KFR-26 before KFR-120), as a catalog is read.
 */
export function groupByProductLine(products: readonly ProductOption[], locale: string): ProductLineGroup[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const byLine = new Map<string, ProductOption[]>();
  for (const product of [...products].sort((a, b) => collator.compare(a.model, b.model))) {
    const line = byLine.get(product.productLine);
    if (line) line.push(product);
    else byLine.set(product.productLine, [product]);
  }
  return [...byLine]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([productLine, items]) => ({ productLine, products: items }));
}

function productFieldOf(path: string): ProductField | null {
  return (PRODUCT_FIELDS as readonly string[]).includes(path) ? (path as ProductField) : null;
}

/** saveProduct's field errors, translated, under the form's fields. */
export function productFieldErrors(t: TFunction, error: unknown): Partial<Record<ProductField, string>> {
  const errors: Partial<Record<ProductField, string>> = fieldErrors(t, error, productFieldOf);
  // "Taken; choose another" reads as if any code would do: a model is the maker's, so say
  // where it already is (the existing entry is the one to edit).
  if (toApiError(error).fields.some((f) => f.path === 'model' && f.code === 'taken')) errors.model = t('validation.modelTaken');
  return errors;
}
