export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

/** The OS or browser language decides the default: any Chinese variant → zh-CN. */
export function pickLocale(candidates: readonly string[]): Locale {
  for (const c of candidates) {
    const lower = c.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}
