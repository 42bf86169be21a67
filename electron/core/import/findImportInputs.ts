import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ScrollbackError } from '../../../shared/errors.ts';
import { fileByteSource, memoryByteSource, type ByteSource } from '../files/ByteSource.ts';
import { listZipEntries, readZipEntry } from '../files/readZipEntry.ts';
import { folderMediaFiles, zipMediaFiles, type ImportMediaFiles } from './importMediaFiles.ts';

export type ImportFormat = 'telegram' | 'whatsapp';

/** One file to import: its format, its bytes and the name of the chat when the file itself does not say. */
export interface ImportInput {
  format: ImportFormat;
  source: ByteSource;
  /** The path the user gave (a file, a folder or a zip). */
  path: string;
  chatNameHint: string;
  sizeBytes: number;
  /** The media files the export brought (its folder's, or its zip's entries). */
  mediaFiles: ImportMediaFiles;
}

/**
 * What a path the user chose holds: a Telegram Desktop `result.json` or export folder, a WhatsApp `.txt`,
 * or the `.zip` WhatsApp shares (chat text plus media). Anything else is refused by name.
 */
export function findImportInputs(path: string): ImportInput[] {
  if (!existsSync(path)) throw new ScrollbackError('INVALID_INPUT', `${path}: no such file or folder.`);
  const stat = statSync(path);
  if (stat.isDirectory()) {
    const result = join(path, 'result.json');
    if (existsSync(result)) return [fileInput(result, 'telegram', basename(path))];
    const inside = readdirSync(path)
      .filter((name) => /\.(txt|zip|json)$/i.test(name))
      .sort()
      .flatMap((name) => findImportInputs(join(path, name)));
    if (inside.length === 0) throw new ScrollbackError('INVALID_INPUT', `${path}: the folder holds no result.json, .txt or .zip export.`);
    return inside;
  }
  const magic = readMagic(path);
  if (magic === 'zip') return [zipInput(path)];
  const extension = extname(path).toLowerCase();
  if (extension === '.json' || magic === 'json') return [fileInput(path, 'telegram', chatNameFromFileName(path))];
  if (extension === '.txt') return [fileInput(path, 'whatsapp', chatNameFromFileName(path))];
  throw new ScrollbackError(
    'INVALID_FILE',
    `${path}: not an export Scrollback can read. Choose a Telegram Desktop result.json (or its folder), or a WhatsApp chat export (.txt or .zip).`,
  );
}

function fileInput(path: string, format: ImportFormat, chatNameHint: string): ImportInput {
  return {
    format,
    source: fileByteSource(path),
    path,
    chatNameHint,
    sizeBytes: statSync(path).size,
    mediaFiles: folderMediaFiles(dirname(path)),
  };
}

function zipInput(path: string): ImportInput {
  const entries = listZipEntries(path);
  const chat =
    entries.find((entry) => /(^|\/)_chat\.txt$/i.test(entry.name)) ??
    entries.find((entry) => /whatsapp.*\.txt$/i.test(entry.name)) ??
    entries.find((entry) => /\.txt$/i.test(entry.name) && !entry.name.includes('/'));
  if (!chat) throw new ScrollbackError('INVALID_FILE', `${path}: the zip holds no chat text (.txt); it is not a WhatsApp export.`);
  const bytes = readZipEntry(path, chat);
  return {
    format: 'whatsapp',
    source: memoryByteSource(bytes, `${path} › ${chat.name}`),
    path,
    chatNameHint: chatNameFromFileName(path),
    sizeBytes: bytes.length,
    mediaFiles: zipMediaFiles(path, entries),
  };
}

function readMagic(path: string): 'zip' | 'json' | null {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const read = readSync(fd, head, 0, 8, 0);
    if (read >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip';
    const text = head
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trimStart();
    return text.startsWith('{') ? 'json' : null;
  } finally {
    closeSync(fd);
  }
}

/**
 * "WhatsApp Chat with Ana.txt", "WhatsApp-Chat mit Ana.zip", "WhatsApp Chat - Ana.zip" → "Ana". A " (2)"
 * a browser added to a second download is dropped, so a newer export lands in the same chat.
 */
export function chatNameFromFileName(path: string): string {
  const stem = basename(path)
    .replace(/\.(txt|zip|json)$/i, '')
    .replace(/ \(\d+\)$/, '');
  const match = /^WhatsApp[ -]Chat(?: with| mit| -|:)?\s+(.+)$/i.exec(stem);
  return (match ? match[1]! : stem).trim() || stem;
}
