import type { Translate } from '../../../shared/i18n/locales.ts';

/**
 * A shortcut as its keys are printed on the user's keyboard: "Ctrl+Shift+F" is "Strg+Umschalt+F" in German.
 * Letters, digits and function keys stay as they are.
 */
export function formatShortcut(shortcut: string, t: Translate): string {
  return shortcut
    .split('+')
    .map((key) => (key.length > 1 && !/^F\d+$/.test(key) ? t('keys.name', { key }) : key))
    .join('+');
}
