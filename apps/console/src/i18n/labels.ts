import { useTranslation } from 'react-i18next';
import { LANGUAGES, Language } from './catalogue';

/** A label the server gives in every language (it has already filled a missing one from the other language). */
export type Labels = Record<Language, string>;

/** Picks the reader's language from labels the server resolved; re-renders when the language changes. */
export function useLabelIn() {
  const { i18n } = useTranslation();
  const language = LANGUAGES.find((l) => l === i18n.language) ?? 'en';
  return (labels: Labels) => labels[language];
}

/** The label of a configured item by its code (the code itself while the list loads or when it is not listed). */
export function labelOf(
  items: readonly { code: string; labels: Labels }[] | undefined,
  code: string,
  labelIn: (labels: Labels) => string,
): string {
  const item = items?.find((i) => i.code === code);
  return item ? labelIn(item.labels) : code;
}
