import { useEffect, useLayoutEffect, useMemo, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { directionOf, messagesFor, PSEUDO_LOCALE } from '../../../shared/i18n/locales.ts';
import { useEffectiveLocale } from './languageSetting.ts';
import { activateLocale } from './translate.ts';
import { scrollback } from '../bridge/scrollbackClient.ts';

/**
 * The window in the user's language: messages from the catalog, `lang` and `dir` on the page (the layout
 * mirrors for right-to-left languages), and dates and numbers in the locale's conventions. A change of
 * language re-mounts the window beneath, so every formatter is rebuilt in the new locale.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const locale = useEffectiveLocale();
  // Built during render, before the children render with it: formatters outside React read it too.
  const intl = useMemo(() => activateLocale(locale), [locale]);
  const messages = useMemo(() => messagesFor(locale), [locale]);
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  // Main's menus and dialogs and the core's words (errors, totals) speak the window's language, not the system's.
  useEffect(() => {
    scrollback.setLanguage({ locale }).catch((error: unknown) => console.warn('the language could not reach main', error));
  }, [locale]);
  return (
    <IntlProvider
      key={locale}
      locale={intl.locale}
      messages={messages}
      defaultLocale="en"
      // The pseudo-locale formats as English; a message missing from a translation falls back to English (merged in).
      onError={(error) => {
        if (locale !== PSEUDO_LOCALE) console.warn(error.message);
      }}
    >
      {children}
    </IntlProvider>
  );
}
