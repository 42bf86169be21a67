import { app } from 'electron';
import { pickLocale, type Translate } from '../../shared/i18n/locales.ts';
import { setLocaleForMessages, translator } from '../core/i18n/createTranslator.ts';

let chosen = false;

/**
 * Main's words (menus, dialogs, notifications) and the core's in main, in the system's language: the user's
 * ordered OS languages once the app is ready (app.getPreferredSystemLanguages), the environment's before.
 */
export function mainT(): Translate {
  if (!chosen && app.isReady()) {
    chosen = true;
    setLocaleForMessages(pickLocale([...app.getPreferredSystemLanguages(), app.getLocale()]));
  }
  return translator();
}
