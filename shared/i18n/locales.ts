import en from './messages/en.json' with { type: 'json' };
import de from './messages/de.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import ptBR from './messages/pt-BR.json' with { type: 'json' };
import ru from './messages/ru.json' with { type: 'json' };
import ar from './messages/ar.json' with { type: 'json' };
import { pseudoCatalog } from './pseudoLocalize.ts';

/** A message's id in the catalogs: named by meaning, `area.thing.detail` (see docs/TRANSLATING.md). */
export type MessageId = keyof typeof en;

/** What a message's ICU arguments take. */
export type MessageValues = Record<string, string | number | Date>;

/** A message in the current language: the id and its ICU arguments. Core, CLI and window each have one. */
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** The languages the window and the core speak; `en` is the source and the fallback. */
export const TRANSLATED_LOCALES = ['en', 'de', 'es', 'pt-BR', 'ru', 'ar'] as const;
/** English accented and lengthened, to see on screen which text does not come from the catalog. */
export const PSEUDO_LOCALE = 'en-XA';
export type AppLocale = (typeof TRANSLATED_LOCALES)[number] | typeof PSEUDO_LOCALE;

const catalogs: Record<(typeof TRANSLATED_LOCALES)[number], Readonly<Record<string, string>>> = {
  en,
  de,
  es,
  'pt-BR': ptBR,
  ru,
  ar,
};
let pseudo: Record<string, string> | null = null;

/** The English source catalog (ids and messages). */
export const sourceMessages: Readonly<Record<MessageId, string>> = en;

/** Every message of a locale; a message missing from a translation falls back to English. */
export function messagesFor(locale: AppLocale): Record<string, string> {
  if (locale === PSEUDO_LOCALE) return (pseudo ??= pseudoCatalog(en));
  return locale === 'en' ? { ...en } : { ...en, ...catalogs[locale] };
}

/** The locale's own catalog as translators wrote it (for the catalog checks). */
export function translatedCatalog(locale: (typeof TRANSLATED_LOCALES)[number]): Readonly<Record<string, string>> {
  return catalogs[locale];
}

export function isAppLocale(value: string): value is AppLocale {
  return value === PSEUDO_LOCALE || (TRANSLATED_LOCALES as readonly string[]).includes(value);
}

/**
 * The first of the user's languages (most preferred first, BCP 47 tags as the system gives them) that
 * Scrollback speaks: an exact match, else the same language in another region ("pt-PT" → "pt-BR",
 * "de-AT" → "de"); English when none is.
 */
export function pickLocale(preferred: readonly string[]): AppLocale {
  for (const tag of preferred) {
    const normalised = tag.replace('_', '-').split('.')[0] ?? '';
    const exact = ([...TRANSLATED_LOCALES, PSEUDO_LOCALE] as AppLocale[]).find(
      (locale) => locale.toLowerCase() === normalised.toLowerCase(),
    );
    if (exact) return exact;
    const language = normalised.split('-')[0]?.toLowerCase();
    const sameLanguage = TRANSLATED_LOCALES.find((locale) => locale.split('-')[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return 'en';
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Which way the locale's text runs: the whole window is mirrored for right-to-left languages. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
    const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
  } catch {
    // An invalid tag: decide by its language below.
  }
  return RTL_LANGUAGES.has(locale.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

/** Regions whose week starts on Sunday or Saturday (CLDR weekData), for engines without Intl.Locale#getWeekInfo. */
const SUNDAY_FIRST = new Set(
  'AG AS AU BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(
    ' ',
  ),
);
const SATURDAY_FIRST = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));
/** The region a language is most often read in, when the tag names none ("ar" → Saudi Arabia, as CLDR's likely subtags). */
const LIKELY_REGION: Record<string, string> = { en: 'US', pt: 'BR', ar: 'EG', he: 'IL', ja: 'JP', zh: 'CN', ko: 'KR', hi: 'IN' };

/** The locale's first day of the week: 1 = Monday … 7 = Sunday (ISO, as Intl.Locale#getWeekInfo says). */
export function firstDayOfWeek(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    if (typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7) return firstDay;
    const region = info.maximize().region ?? LIKELY_REGION[info.language] ?? '';
    return SUNDAY_FIRST.has(region) ? 7 : SATURDAY_FIRST.has(region) ? 6 : 1;
  } catch {
    return 1;
  }
}
