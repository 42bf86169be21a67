import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ScrollbackError } from '../../../shared/errors.ts';
import { importFormatLabels } from '../../../shared/importFormats.ts';
import { examineFile } from './examineFile.ts';
import type { ExaminedFile, ImportFormat, ImportInput } from './ImportFormat.ts';
import { importFormats } from './importFormats.ts';
import { translator } from '../i18n/createTranslator.ts';

export type { ImportInput } from './ImportFormat.ts';
export { chatNameFromFileName } from './examineFile.ts';

/**
 * What a path the user chose holds, as the registered formats read it: a folder one of them lays out (a
 * `result.json`, an HTML chat's pages), else the exports among the folder's files; a file by what its first
 * bytes say. Anything no format reads is refused by name, with the formats Scrollback reads.
 */
export function findImportInputs(
  path: string,
  formats: readonly ImportFormat[] = importFormats,
  /** Told of each file of a folder of exports that no format reads, and why (the folder is still read). */
  onUnread?: (path: string, why: string) => void,
): ImportInput[] {
  if (!existsSync(path)) throw new ScrollbackError('INVALID_INPUT', translator()('error.import.noSuchPath', { path }));
  if (!statSync(path).isDirectory()) return fileInputs(examineFile(path), formats);
  for (const format of formats) {
    const inputs = format.findInFolder?.(path) ?? [];
    if (inputs.length > 0) return inputs;
  }
  // A folder of exports: the files any format reads (other files, such as the media beside a chat, are left alone).
  const extensions = new Set(formats.flatMap((format) => format.extensions));
  const inside = readdirSync(path)
    .filter((name) => extensions.has(extname(name).slice(1).toLowerCase()))
    .sort()
    .map((name) => examineFile(join(path, name)))
    .filter((file) => {
      if (!statSync(file.path).isFile()) return false;
      if (recognising(file, formats) !== null) return true;
      onUnread?.(file.path, notReadable(file, formats));
      return false;
    })
    .flatMap((file) => fileInputs(file, formats));
  if (inside.length === 0)
    throw new ScrollbackError('INVALID_INPUT', translator()('error.import.emptyFolder', { path, formats: importFormatLabels(formats) }));
  return inside;
}

/** The format surest of a file (registry order among equals), or null. */
function recognising(file: ExaminedFile, formats: readonly ImportFormat[]): ImportFormat | null {
  const said = formats.map((format) => ({ format, recognition: format.recognise(file) }));
  return (said.find((one) => one.recognition === 'sure') ?? said.find((one) => one.recognition === 'maybe'))?.format ?? null;
}

function fileInputs(file: ExaminedFile, formats: readonly ImportFormat[]): ImportInput[] {
  const format = recognising(file, formats);
  if (format) {
    const inputs = format.expand(file);
    if (inputs.length > 0) return inputs;
    throw new ScrollbackError('INVALID_FILE', translator()('error.import.noChat', { path: file.path, app: format.app }));
  }
  throw new ScrollbackError(
    'INVALID_FILE',
    translator()('error.import.fileProblem', { path: file.path, problem: notReadable(file, formats) }),
  );
}

/** Why no format reads a file: what it looks like, if anything, and what Scrollback reads. */
function notReadable(file: ExaminedFile, formats: readonly ImportFormat[]): string {
  const nearMiss = formats.map((candidate) => candidate.nearMiss?.(file) ?? null).find((said) => said !== null);
  const t = translator();
  return nearMiss
    ? t('error.import.notReadableLooksLike', { nearMiss, formats: importFormatLabels(formats) })
    : t('error.import.notReadable', { formats: importFormatLabels(formats) });
}
