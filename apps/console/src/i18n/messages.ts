/** A catalogue's shape: the English catalogue is the reference; every other language must have every key. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export interface FeatureMessages<T> {
  en: T;
  hu: Messages<T>;
}

/** Declares a feature's catalogue; the type makes a key missing in Hungarian a compile error. */
export function defineMessages<T>(messages: { en: T; hu: Messages<T> }): FeatureMessages<T> {
  return messages;
}
