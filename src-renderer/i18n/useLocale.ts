import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../src-shared/domain/locale';
import { otherLocale, setLocale } from './index';

/** The UI language, and the means to change it (persisted in localStorage). */
export function useLocale() {
  const { i18n } = useTranslation();
  const locale: Locale = (LOCALES as readonly string[]).includes(i18n.language) ? (i18n.language as Locale) : 'zh-CN';
  return {
    locale,
    setLocale: (next: Locale) => void setLocale(next),
    toggleLocale: () => void setLocale(otherLocale(locale)),
  };
}
