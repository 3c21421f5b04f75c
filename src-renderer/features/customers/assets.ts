import type { TFunction } from 'i18next';
import type { Contract, CustomerAsset, InputOf } from '../../../src-shared/contract';
import { toApiError } from '../../api';
import { fieldErrors } from '../../i18n/errors';

export type SaveAssetInput = InputOf<Contract['customers']['saveAsset']>;

/** The installed product form's fields, named as customers.saveAsset's input paths. */
export const ASSET_FIELDS = ['productId', 'serialNo', 'installDate', 'location', 'warrantyStart', 'warrantyEnd', 'agreementId'] as const;
export type AssetField = (typeof ASSET_FIELDS)[number];

/** The form's values as held by its inputs: '' is nothing chosen or entered; dates are YYYY-MM-DD. */
export type AssetDraft = Record<AssetField, string>;

/** The form's starting values: the installed product's (editing), or blanks (adding). */
export function assetDraft(asset: CustomerAsset | null): AssetDraft {
  return {
    productId: asset?.product ? String(asset.product.id) : '',
    serialNo: asset?.serialNo ?? '',
    installDate: asset?.installDate ?? '',
    location: asset?.location ?? '',
    warrantyStart: asset?.warrantyStart ?? '',
    warrantyEnd: asset?.warrantyEnd ?? '',
    agreementId: asset?.agreement ? String(asset.agreement.id) : '',
  };
}

const idOrNull = (value: string) => (value === '' ? null : Number(value));
const dayOrNull = (value: string) => (value === '' ? null : value);

/** The form's values as saveAsset's input: a blank is null (no product, no date, the desk's warranty agreement). */
export function assetInput(customerId: number, assetId: number | null, draft: AssetDraft): SaveAssetInput {
  return {
    ...(assetId !== null ? { id: assetId } : {}),
    customerId,
    productId: idOrNull(draft.productId),
    serialNo: draft.serialNo.trim(),
    installDate: dayOrNull(draft.installDate),
    location: draft.location.trim(),
    warrantyStart: dayOrNull(draft.warrantyStart),
    warrantyEnd: dayOrNull(draft.warrantyEnd),
    agreementId: idOrNull(draft.agreementId),
  };
}

function assetFieldOf(path: string): AssetField | null {
  return (ASSET_FIELDS as readonly string[]).includes(path) ? (path as AssetField) : null;
}

/** saveAsset's field errors, translated, under the form's fields. */
export function assetFieldErrors(t: TFunction, error: unknown): Partial<Record<AssetField, string>> {
  const errors: Partial<Record<AssetField, string>> = fieldErrors(t, error, assetFieldOf);
  // The generic "taken; choose another" fits a name one picks, not a unit's own serial number:
  // here it means the same unit of that model is already on record.
  if (toApiError(error).fields.some((f) => f.path === 'serialNo' && f.code === 'taken')) errors.serialNo = t('validation.serialNoTaken');
  return errors;
}

/** A product as selects name it: "立柜式空调 3匹 (KFR-72LW/B3)". */
export function productLabel(product: { name: string; model: string }): string {
  return product.model ? `${product.name} (${product.model})` : product.name;
}

/** An installed product in a sentence: its product and serial number, whichever are recorded; else `unnamed`. */
export function assetLabel(asset: CustomerAsset, unnamed: string): string {
  const parts = [asset.product ? productLabel(asset.product) : '', asset.serialNo ?? ''].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' · ') : unnamed;
}
