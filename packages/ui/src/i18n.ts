import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import uiEn from './locales/en.json';
import uiId from './locales/id.json';

export const LANGUAGES = ['id', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'asah.language';
const DEFAULT_LANGUAGE: TLanguage = 'id';

type Messages = { [key: string]: string | Messages };

function isLanguage(value: unknown): value is TLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): TLanguage {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Deep merge: a portal adds keys inside the shared sections (e.g. `errors`) without losing the rest. */
function merge(base: Messages, extra: Messages): Messages {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] =
      typeof value === 'object' && typeof current === 'object' ? merge(current, value) : value;
  }
  return out;
}

/**
 * Starts i18next with the shared strings of @asah/ui plus the portal's own, Bahasa Indonesia first.
 * The chosen language survives reloads and is mirrored in `<html lang>` for screen readers.
 */
export function setupI18n(portal: Record<TLanguage, Messages>): I18n {
  const resources: Resource = {
    id: { translation: merge(uiId as Messages, portal.id) },
    en: { translation: merge(uiEn as Messages, portal.en) },
  };
  const instance = i18next.createInstance();
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private mode or storage disabled: the choice just lasts for this page.
    }
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
