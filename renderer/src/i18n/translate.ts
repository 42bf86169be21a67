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
import { effectiveLocale } from './languageSetting.ts';

const cache = createIntlCache();
let current: { locale: AppLocale; intl: IntlShape } | null = null;

/** Makes `locale` the window's language for code outside components (formatters, alerts); returns its intl. */
export function activateLocale(locale: AppLocale): IntlShape {
  if (current?.locale !== locale) {
    const formatLocale = locale === PSEUDO_LOCALE ? 'en' : locale;
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
  activateLocale(current?.locale ?? effectiveLocale()).formatMessage({ id }, values);

/**
 * The component's translator: `const t = useT(); t('chatList.empty')`, `t('search.total.found', { count })`.
 * For text with markup use react-intl's `<FormattedMessage id values={{ b: (chunks) => <b>{chunks}</b> }} />`.
 */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values), [intl]);
}
