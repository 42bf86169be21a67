import type { ImportFormatInfo } from '../../../shared/importFormats.ts';
import { discordImportFormat } from './discord/discordImportFormat.ts';
import type { ImportFormat } from './ImportFormat.ts';
import { telegramHtmlImportFormat } from './telegram-html/telegramHtmlImportFormat.ts';
import { telegramImportFormat } from './telegram/telegramImportFormat.ts';
import { whatsAppImportFormat } from './whatsapp/whatsAppImportFormat.ts';

/**
 * Every import format this build reads, one line each. A new format is its own folder under import/ (its
 * ImportFormat record) plus a line here: finding inputs, importing, the CLI's usage and errors, the window's
 * wording (over IPC) and the native dialog's filters all come from this list. The order is the order folders
 * are tried in, and breaks ties between formats equally sure of a file.
 */
export const importFormats: readonly ImportFormat[] = [
  telegramImportFormat,
  telegramHtmlImportFormat,
  whatsAppImportFormat,
  discordImportFormat,
];

/** The serialisable part of each format, for the window (IPC), the native dialog and the CLI's usage. */
export function importFormatInfos(formats: readonly ImportFormat[] = importFormats): ImportFormatInfo[] {
  return formats.map(({ id, app, label, extensions }) => ({ id, app, label, extensions: [...extensions] }));
}
