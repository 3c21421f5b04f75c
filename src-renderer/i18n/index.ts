import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, pickLocale, type Locale } from '../../src-shared/domain/locale';
import enUS from './en-US.json';
import zhCN from './zh-CN.json';

const STORAGE_KEY = 'serviceloop.locale';

export const catalogs = { 'zh-CN': zhCN, 'en-US': enUS } as const;

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The stored choice, else the browser's (or OS's) languages. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  return pickLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'zh-CN';
}

export async function setLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  await i18next.changeLanguage(locale);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'zh-CN' ? 'en-US' : 'zh-CN';
}

export function initI18n(): typeof i18next {
  const lng = initialLocale();
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  return i18next;
}
