import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, Language } from '../i18n/catalogue';
import { changeLanguage } from '../i18n';

/** EN / HU in the header; the choice is remembered on this device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={i18n.language}
      onChange={(value) => changeLanguage(value as Language)}
      data={LANGUAGES.map((language) => ({
        value: language,
        label: (
          <span lang={language} aria-label={t(`languages.${language}`)}>
            {language.toUpperCase()}
          </span>
        ),
      }))}
    />
  );
}
