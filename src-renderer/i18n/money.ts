// Money is integer minor units (fen for CNY) everywhere but in the input boxes, where people
// type yuan.

const formats = new Map<string, Intl.NumberFormat>();

/** 12345 fen → "¥123.45" in the UI locale (the narrow symbol in every language). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formats.set(key, f);
  }
  return f.format(minor / 100);
}

/** What was typed into a yuan box (number or text from NumberInput) → whole fen, or null if it is not an amount. */
export function yuanToFen(value: number | string): number | null {
  const n = typeof value === 'number' ? value : value.trim() === '' ? 0 : Number(value.replace(/,/g, ''));
  if (!Number.isFinite(n) || n < 0) return null;
  // Through a decimal string first, so binary noise does not round down (1.005 × 100 = 100.4999…).
  return Math.round(Number((n * 100).toFixed(4)));
}

/** Fen → yuan for a NumberInput's value. */
export function fenToYuan(minor: number): number {
  return minor / 100;
}
