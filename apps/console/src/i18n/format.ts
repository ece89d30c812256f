// Numbers, money and dates in the user's language, always through Intl.
import { useTranslation } from 'react-i18next';

const LOCALES = { en: 'en-GB', hu: 'hu-HU' } as const;

export function localeOf(language: string): string {
  return LOCALES[language as keyof typeof LOCALES] ?? LOCALES.en;
}

/** Money is stored in minor units (fillér, cent); HUF shows no decimals. */
export function formatMoney(minor: number, currency: string, language: string): string {
  return new Intl.NumberFormat(localeOf(language), {
    style: 'currency',
    currency,
    maximumFractionDigits: currency === 'HUF' ? 0 : 2,
  }).format(minor / 100);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium' }).format(new Date(iso));
}

/** A span of minutes in the largest whole unit: 1440 → "1 day", 90 → "90 min", 120 → "2 hr" ("2 óra"). */
export function formatMinutes(minutes: number, language: string): string {
  const [value, unit] =
    minutes > 0 && minutes % 1440 === 0
      ? [minutes / 1440, 'day']
      : minutes > 0 && minutes % 60 === 0
        ? [minutes / 60, 'hour']
        : [minutes, 'minute'];
  return new Intl.NumberFormat(localeOf(language), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** The formatters bound to the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    money: (minor: number, currency: string) => formatMoney(minor, currency, language),
    number: (value: number) => formatNumber(value, language),
    dateTime: (iso: string) => formatDateTime(iso, language),
    date: (iso: string) => formatDate(iso, language),
    minutes: (value: number) => formatMinutes(value, language),
  };
}
