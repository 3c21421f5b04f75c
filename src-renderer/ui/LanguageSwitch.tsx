import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../src-shared/domain/locale';
import { useLocale } from '../i18n/useLocale';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="compact-sm" aria-label={t('shell.language')} data-testid="language-switch">
          {t(`locales.${locale}`)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.language')}</Menu.Label>
        {LOCALES.map((l) => (
          <Menu.Item key={l} onClick={() => setLocale(l)} disabled={l === locale} lang={l}>
            {t(`locales.${l}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
