import { IntlMessageFormat } from 'intl-messageformat';
import { setInternalErrorMessage } from '../../../shared/errors.ts';
import {
  messagesFor,
  pickLocale,
  PSEUDO_LOCALE,
  type AppLocale,
  type MessageId,
  type MessageValues,
  type Translate,
} from '../../../shared/i18n/locales.ts';

/**
 * Messages to the user from the core, the CLI and main (errors' words, menus, dialogs, notifications) in the
 * locale's words, from the same ICU catalogs as the window. Each message is parsed once per translator.
 */
export function createTranslator(locale: AppLocale): Translate & { locale: AppLocale } {
  const messages = messagesFor(locale);
  // Plural rules and number formats of the pseudo-locale are English's.
  const formatLocale = locale === PSEUDO_LOCALE ? 'en' : locale;
  const parsed = new Map<string, IntlMessageFormat>();
  const translate = (id: MessageId, values?: MessageValues): string => {
    let format = parsed.get(id);
    if (!format) {
      format = new IntlMessageFormat(messages[id] ?? id, formatLocale);
      parsed.set(id, format);
    }
    const text = format.format<string>(values);
    return typeof text === 'string' ? text : String(text);
  };
  return Object.assign(translate, { locale });
}

/**
 * The command line's language, from the environment as POSIX reads it (LC_ALL, then LC_MESSAGES, then LANG,
 * then LANGUAGE's list), else the runtime's default locale.
 */
export function localeFromEnvironment(env: NodeJS.ProcessEnv = process.env): AppLocale {
  const single = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const candidates = [
    ...(single && single !== 'C' && single !== 'POSIX' ? [single] : []),
    ...(env.LANGUAGE ? env.LANGUAGE.split(':') : []),
    Intl.DateTimeFormat().resolvedOptions().locale,
  ].filter((tag) => tag && tag !== 'C' && tag !== 'POSIX');
  return pickLocale(candidates);
}

let current: ReturnType<typeof createTranslator> | null = null;

function use(locale: AppLocale): Translate & { locale: AppLocale } {
  current = createTranslator(locale);
  setInternalErrorMessage(current('error.internal'));
  return current;
}

/** The process's translator (chosen once: main from the system's languages, the CLI from its environment). */
export function translator(): Translate & { locale: AppLocale } {
  return current ?? use(localeFromEnvironment());
}

/** Main calls this once the app is ready, with app.getPreferredSystemLanguages(). */
export function setLocaleForMessages(locale: AppLocale): void {
  if (current?.locale !== locale) use(locale);
}
