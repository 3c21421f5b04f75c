// "Same name after normalization" for the possible-duplicate warning: 华东精密机械有限公司,
// 华东精密机械 and ＨＵＡＤＯＮＧ Co., Ltd. style variants of one company compare equal once
// width, case, spaces, punctuation and the legal form at the end are set aside.

/** Legal forms a company name may end with, longest first. */
const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '集团公司', '公司', 'coltd', 'ltd', 'limited', 'inc', 'corp', 'co', 'llc', 'gmbh'];

/** The name without its legal form at the end, as written. */
export function nameCore(name: string): string {
  let s = name.normalize('NFKC').trim();
  for (let changed = true; changed; ) {
    changed = false;
    const trimmed = s.replace(/[\s\p{P}\p{S}]+$/u, '');
    for (const form of LEGAL_FORMS) {
      const tail = new RegExp(`${form.split('').join('[\\s\\p{P}]*')}$`, 'iu');
      if (tail.test(trimmed) && trimmed.replace(tail, '').trim().length > 0) {
        s = trimmed.replace(tail, '').trim();
        changed = true;
        break;
      }
    }
  }
  return s.replace(/[\s\p{P}\p{S}]+$/u, '');
}

/** What two customer names are compared by: equal keys are possibly the same customer. */
export function customerNameKey(name: string): string {
  return nameCore(name)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * The longest run of the name core without spaces or punctuation: every name with the same
 * key contains it, so candidates can be searched by it (LIKE %…%) and then compared by key.
 */
export function nameProbe(name: string): string {
  return nameCore(name)
    .split(/[\s\p{P}\p{S}]+/u)
    .reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}
