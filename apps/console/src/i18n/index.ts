import i18next, { Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, Language, catalogue } from './catalogue';

const STORAGE_KEY = 'dealgate.language';

function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  const browser = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return browser === 'hu' ? 'hu' : 'en';
}

function resources(): Resource {
  const out: Resource = {};
  for (const language of LANGUAGES) {
    out[language] = Object.fromEntries(Object.entries(catalogue).map(([ns, messages]) => [ns, messages[language]]));
  }
  return out;
}

export function setupI18n(language: Language = initialLanguage()) {
  void i18next.use(initReactI18next).init({
    resources: resources(),
    lng: language,
    fallbackLng: false,
    ns: Object.keys(catalogue),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return (i18next.language as Language) ?? 'en';
}
