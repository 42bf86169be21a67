import { app } from 'electron';
import { pickLocale, type Translate } from '../../shared/i18n/locales.ts';
import { setLocaleForMessages, translator } from '../core/i18n/createTranslator.ts';

let chosen = false;

/**
 * Main's words (menus, dialogs, notifications) and the core's in main, in the window's language once it has
 * said it (its setting may differ from the system's); before that the system's: the user's ordered OS
 * languages once the app is ready (app.getPreferredSystemLanguages), the environment's before.
 */
export function mainT(): Translate {
  if (!chosen && app.isReady()) {
    chosen = true;
    setLocaleForMessages(pickLocale([...app.getPreferredSystemLanguages(), app.getLocale()]));
  }
  return translator();
}

/** The window said its language (the core's translator already follows it): the system's no longer applies. */
export function followWindowLanguage(): void {
  chosen = true;
}
