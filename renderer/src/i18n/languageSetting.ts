import { useSyncExternalStore } from 'react';
import { isAppLocale, pickLocale, TRANSLATED_LOCALES, type AppLocale } from '../../../shared/i18n/locales.ts';

const KEY = 'scrollback.language';
const listeners = new Set<() => void>();

/** 'system' follows the system's languages (navigator.languages, which Electron takes from the OS). */
export type LanguageChoice = 'system' | AppLocale;

function storedChoice(): LanguageChoice {
  const stored = localStorage.getItem(KEY);
  return stored && isAppLocale(stored) ? stored : 'system';
}

/** The user's languages, most preferred first. */
function systemLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

export function systemLocale(): AppLocale {
  return pickLocale(systemLanguages());
}

/** The language the window speaks now: the setting, or the system's when the setting says so. */
export function effectiveLocale(): AppLocale {
  const choice = storedChoice();
  return choice === 'system' ? systemLocale() : choice;
}

export function chooseLanguage(choice: LanguageChoice): void {
  if (choice === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // The system's languages can change while the window is open.
  window.addEventListener('languagechange', listener);
  const onStorage = (event: StorageEvent) => event.key === KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('languagechange', listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The locale the window speaks, re-rendering when the setting or the system's languages change. */
export function useEffectiveLocale(): AppLocale {
  return useSyncExternalStore(subscribe, effectiveLocale);
}

/** Each language named in itself ("Deutsch", "Português (Brasil)", "العربية"). */
export function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/**
 * For the Settings view's language field: the stored choice, the language the system would give, the
 * choices (each named in its own language) and how to choose one. Choosing re-renders the whole window in it.
 */
export function useLanguageSetting(): {
  choice: LanguageChoice;
  systemLocale: AppLocale;
  options: { value: AppLocale; label: string }[];
  choose: (choice: LanguageChoice) => void;
} {
  const choice = useSyncExternalStore(subscribe, storedChoice);
  const system = useSyncExternalStore(subscribe, systemLocale);
  return {
    choice,
    systemLocale: system,
    options: TRANSLATED_LOCALES.map((locale) => ({ value: locale, label: languageName(locale) })),
    choose: chooseLanguage,
  };
}
