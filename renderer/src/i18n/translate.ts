import { useCallback } from 'react';
import { createIntl, createIntlCache, useIntl, type IntlShape } from 'react-intl';
import {
  messagesFor,
  PSEUDO_LOCALE,
  type AppLocale,
  type MessageId,
  type MessageValues,
  type Translate,
} from '../../../shared/i18n/locales.ts';
import { setFormatLocale } from '../format/formatDates.ts';

const cache = createIntlCache();
let current: { locale: AppLocale; intl: IntlShape } | null = null;

/**
 * The locale dates, numbers and lists are written in: the system's own tag when it is the same language
 * ("en-GB" for English: day before month; "de-AT"), else the window's language; English for the pseudo-locale.
 */
function formattingLocale(locale: AppLocale): string {
  const language = (locale === PSEUDO_LOCALE ? 'en' : locale).split('-')[0];
  const system = navigator.languages.find((tag) => tag.split('-')[0]?.toLowerCase() === language);
  if (system && (locale === PSEUDO_LOCALE || !locale.includes('-') || system.toLowerCase() === locale.toLowerCase())) return system;
  return locale === PSEUDO_LOCALE ? 'en' : locale;
}

/** Makes `locale` the window's language for code outside components (formatters, alerts); returns its intl. */
export function activateLocale(locale: AppLocale): IntlShape {
  if (current?.locale !== locale) {
    const formatLocale = formattingLocale(locale);
    current = {
      locale,
      intl: createIntl({ locale: formatLocale, defaultLocale: 'en', messages: messagesFor(locale), onError: () => {} }, cache),
    };
    setFormatLocale(formatLocale);
  }
  return current.intl;
}

/** A message in the window's language, for code outside components (confirm dialogs, hooks' callbacks). */
export const translate: Translate = (id: MessageId, values?: MessageValues) =>
  // The language provider activates the window's language before anything renders; English until then (and in tests).
  activateLocale(current?.locale ?? 'en').formatMessage({ id }, values);

/**
 * The component's translator: `const t = useT(); t('chatList.empty')`, `t('search.total.found', { count })`.
 * For text with markup use react-intl's `<FormattedMessage id values={{ b: (chunks) => <b>{chunks}</b> }} />`.
 */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values), [intl]);
}
