import type { AgreementView } from '../../../src-shared/contract';

// Which service agreements a select offers. Inactive ones are not offered for new choices,
// but one already chosen stays listed: otherwise the select would show another option while
// the form still holds the old id, and saving would quietly keep it.

/** Select options with '' for "none" first; an agreement no longer active stays listed while it is `current`. */
export function agreementOptions(agreements: readonly AgreementView[], current: number | null, none: string) {
  return [
    { value: '', label: none },
    ...agreements.filter((a) => a.active || a.id === current).map((a) => ({ value: String(a.id), label: a.name })),
  ];
}

/**
 * Whether main accepts the agreement as a manual choice on `today` (the desk's day,
 * YYYY-MM-DD): active, and validFrom … validTo (both inclusive, null = open) contains it.
 */
export function inForceOn(agreement: Pick<AgreementView, 'active' | 'validFrom' | 'validTo'>, today: string): boolean {
  return agreement.active && (agreement.validFrom === null || agreement.validFrom <= today) && (agreement.validTo === null || agreement.validTo >= today);
}
