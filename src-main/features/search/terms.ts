// The one place that decides how text becomes search terms. SQLite's trigram tokenizer
// cannot index terms shorter than three characters, yet two-character Chinese words
// (退款, 空调, 漏水) are the commonest queries. So text is pre-tokenized here and stored
// in an FTS5 table with the plain unicode61 tokenizer:
//   - every run of CJK characters gives its bigrams in order, then its single characters;
//   - everything else gives lower-cased words (letters and digits).
// A CJK query of two or more characters becomes the phrase of its bigrams, which only
// matches where those bigrams sit next to each other, i.e. the exact substring: a run's
// bigrams are followed by its unigrams, so bigrams of different runs are never adjacent.
// A one-character query matches the unigram. Words match as prefixes.

import { normalizePhone } from '../../../src-shared/domain/phone';

const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK = new RegExp(CJK_CLASS, 'u');
/** Group 1: a run of CJK characters; group 2: a word of other letters and digits. */
const CHUNK = new RegExp(`(${CJK_CLASS}+)|((?:(?!${CJK_CLASS})[\\p{L}\\p{N}])+)`, 'gu');

function normalize(text: string): string {
  // NFKC folds full-width letters and digits (Ｅ４ → E4) that Chinese IMEs often produce.
  return text.normalize('NFKC').toLowerCase();
}

function cjkTerms(run: string): string[] {
  const chars = Array.from(run);
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
  return [...bigrams, ...chars];
}

/**
 * The forms people type a phone number in: '+86 138 1234 5678' is found by 13812345678;
 * '+86-21-55550101' by 02155550101 and by the local 55550101; '400-820-8820' by
 * 4008208820; '+85223456789' by 85223456789. Stored numbers are normalized
 * (domain/phone.ts); anything else is indexed by its digits.
 */
export function phoneTerms(stored: string | null | undefined): string {
  if (!stored) return '';
  const read = normalizePhone(stored);
  // An extension (' ext 801') is not part of the number.
  const number = (read.ok ? read.phone : stored).replace(/\s*ext\s*\d+$/i, '');
  if (!read.ok || read.kind === 'service' || read.kind === 'international') return number.replace(/\D/g, '');
  if (read.kind === 'mobile') return number.slice(3);
  const [, area, local] = number.split('-');
  return `0${area}${local} ${local}`;
}

/**
 * Service request numbers (SR-20261124-0007) are indexed by their digits only: every
 * number starts with SR, and a term that every request carries would make each
 * number search read the whole index.
 */
export function ticketNumberTerms(number: string): string {
  return number.replace(/^SR-?/i, '').replace(/-/g, ' ');
}

/** The space-separated terms stored in the index for a piece of text. */
export function indexTerms(...texts: (string | null | undefined)[]): string {
  const out: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const m of normalize(text).matchAll(CHUNK)) {
      if (m[1]) out.push(...cjkTerms(m[1]));
      else if (m[2]) out.push(m[2]);
    }
  }
  return out.join(' ');
}

/**
 * An FTS5 MATCH expression for what the user typed, or null when nothing searchable
 * remains (only punctuation). Every part must match (AND). Terms are quoted, so FTS5
 * operators typed by the user are taken literally.
 */
export function matchExpression(query: string): string | null {
  const parts: string[] = [];
  // 'SR-2026…' searches by the number's digits (see ticketNumberTerms).
  const text = normalize(query).replace(/(^|[^\p{L}\p{N}])sr-?(?=\d)/gu, '$1');
  for (const m of text.matchAll(CHUNK)) {
    if (m[1]) {
      const chars = Array.from(m[1]);
      if (chars.length === 1) parts.push(`"${chars[0]}"`);
      else {
        const bigrams: string[] = [];
        for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
        parts.push(`"${bigrams.join(' ')}"`);
      }
    } else if (m[2]) {
      parts.push(`"${m[2]}"*`);
    }
  }
  return parts.length > 0 ? parts.join(' AND ') : null;
}

export function containsCjk(text: string): boolean {
  return CJK.test(text);
}
