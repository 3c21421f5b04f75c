// Chinese phone numbers as people type them — '138 1234 5678', '+86 (21) 5555-0101',
// '0755-8888 8888 转 801', '４００－８２０－８８２０' — normalized to one stored form, so the same
// number is the same text everywhere (duplicate checks, search, exports):
//   mobile         +8613812345678
//   landline       +86-21-55550101, with an extension +86-21-55550101 ext 801
//   service        400-820-8820, 95588
//   international  +14155552671
// A landline without its area code is refused: the desk serves the whole country, and
// 55550101 alone could be any city's.

export type PhoneKind = 'mobile' | 'landline' | 'service' | 'international';

export type PhoneResult = { ok: true; phone: string; kind: PhoneKind } | { ok: false; reason: 'phone' | 'phoneAreaCode' };

/** Separators people put between the number and its extension. */
const EXTENSION = /\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})\s*$/i;

/** Area codes of two digits after the 0 (Beijing 010, 020–029); all others have three. */
function areaLength(national: string): number {
  return /^(10|2\d)/.test(national) ? 2 : 3;
}

export function normalizePhone(text: string): PhoneResult {
  // Full-width digits and signs (＋８６) become ASCII.
  let s = text.normalize('NFKC').trim();
  let extension: string | null = null;
  const ext = EXTENSION.exec(s);
  if (ext) {
    extension = ext[1]!;
    s = s.slice(0, ext.index);
  }
  if (!/^\+?[\d\s\-().]+$/.test(s)) return { ok: false, reason: 'phone' };
  const withExtension = (phone: string) => (extension === null ? phone : `${phone} ext ${extension}`);
  let digits = s.replace(/\D/g, '');
  // Country code: +86, 0086, or a bare 86 before a full national number (12–13 digits).
  // After it a landline's area code drops its 0; without it the 0 must be there.
  let countryCode = true;
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (s.startsWith('+') && digits.startsWith('86')) digits = digits.slice(2);
  else if (s.startsWith('+')) return /^[1-9]\d{6,14}$/.test(digits) ? { ok: true, phone: withExtension(`+${digits}`), kind: 'international' } : { ok: false, reason: 'phone' };
  else if (digits.startsWith('86') && (digits.length === 12 || digits.length === 13)) digits = digits.slice(2);
  else countryCode = false;

  if (/^1[3-9]\d{9}$/.test(digits) && extension === null) return { ok: true, phone: `+86${digits}`, kind: 'mobile' };
  if (/^(400|800)\d{7}$/.test(digits)) return { ok: true, phone: withExtension(`${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`), kind: 'service' };
  if (/^9[56]\d{3,4}$/.test(digits) && extension === null) return { ok: true, phone: digits, kind: 'service' };
  // Landline: 0 + area code + local number (the 0 dropped after +86).
  if (!countryCode && !digits.startsWith('0')) return { ok: false, reason: /^[2-9]\d{6,7}$/.test(digits) ? 'phoneAreaCode' : 'phone' };
  const national = digits.startsWith('0') ? digits.slice(1) : digits;
  if (countryCode && /^[2-9]\d{6,7}$/.test(national)) return { ok: false, reason: 'phoneAreaCode' };
  const area = areaLength(national);
  const local = national.slice(area);
  const localOk = area === 2 ? /^[2-9]\d{7}$/.test(local) : /^[2-9]\d{6,7}$/.test(local);
  if (/^[1-9]/.test(national) && localOk) return { ok: true, phone: withExtension(`+86-${national.slice(0, area)}-${local}`), kind: 'landline' };
  // '021-5555-0101-8001': a last group of digits after a whole landline is its extension.
  const last = extension === null ? /^(.*\d)[\s-]+(\d{1,6})$/.exec(s) : null;
  const base = last ? normalizePhone(last[1]!) : null;
  if (base?.ok && base.kind === 'landline') return { ok: true, phone: `${base.phone} ext ${last![2]}`, kind: 'landline' };
  return { ok: false, reason: 'phone' };
}
