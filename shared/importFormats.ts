/**
 * What the window, the native dialog and the CLI need to know of an import format, and the words they say
 * with it. The formats themselves live in core (electron/core/import/importFormats.ts, one line each); this
 * is only their serialisable description. The window cannot import core, so it asks for the list over IPC
 * (`listImportFormats`) as it does for source kinds: a new format is its folder and its registry line, and
 * no copy of the list here can drift from it.
 */
export interface ImportFormatInfo {
  /** Stable id ('telegram-html'), never shown. */
  id: string;
  /** Whose exports, in the fewest words ("Telegram"): the window's "Drop Telegram or WhatsApp exports". */
  app: string;
  /** What it reads, as the CLI's usage and errors name it: "Telegram Desktop JSON (result.json or its folder)". */
  label: string;
  /** File name extensions the open dialog offers, lower case, without the dot. */
  extensions: readonly string[];
}

/** "a, b and c" (or "a, b or c"). */
function listOf(words: readonly string[], last: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}

/** "Telegram, WhatsApp or Discord": each app once, in the registry's order. */
export function importAppNames(formats: readonly ImportFormatInfo[]): string {
  return listOf([...new Set(formats.map((format) => format.app))], 'or');
}

/** The window's drop overlay: "Drop Telegram, WhatsApp or Discord exports to import them" ("chat exports" until the list is known). */
export function importDropWording(formats: readonly ImportFormatInfo[]): string {
  return `Drop ${formats.length > 0 ? importAppNames(formats) : 'chat'} exports to import them`;
}

/** Every format's label, for a usage line or an error: "Telegram Desktop JSON (…), … and DiscordChatExporter JSON". */
export function importFormatLabels(formats: readonly ImportFormatInfo[]): string {
  return listOf(
    formats.map((format) => format.label),
    'and',
  );
}

/** The native open dialog's filters: every export at once first, then each format, then all files. */
export function importDialogFilters(formats: readonly ImportFormatInfo[]): Array<{ name: string; extensions: string[] }> {
  return [
    { name: 'Chat exports', extensions: [...new Set(formats.flatMap((format) => format.extensions))] },
    ...formats.map((format) => ({ name: format.label, extensions: [...format.extensions] })),
    { name: 'All files', extensions: ['*'] },
  ];
}
