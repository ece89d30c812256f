/** The languages a lost reason is labelled in (the console's languages). */
export const LABEL_LANGUAGES = ['en', 'hu'] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

/** A lost reason's label in every language, each filled in. */
export type LostReasonLabels = Readonly<Record<LabelLanguage, string>>;

/** What is stored: the English label and, when the admin gave one, the Hungarian one. */
export interface StoredLostReasonLabels {
  readonly label?: string | null;
  readonly labelHu?: string | null;
}

const given = (text: string | null | undefined) => {
  const trimmed = text?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
};

/**
 * The label a reader of each language sees: their own language's, else the other language's, else the code itself
 * (a code no longer configured, e.g. one recorded before the list changed).
 */
export function lostReasonLabels(stored: StoredLostReasonLabels | undefined, code: string): LostReasonLabels {
  const en = given(stored?.label);
  const hu = given(stored?.labelHu);
  return { en: en ?? hu ?? code, hu: hu ?? en ?? code };
}
