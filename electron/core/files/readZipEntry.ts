import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { ScrollbackError } from '../../../shared/errors.ts';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  method: number;
  localHeaderOffset: number;
}

/**
 * The entries of a zip file, from its central directory. Only the directory is read, so listing a
 * WhatsApp export with gigabytes of photos beside the chat costs a few kilobytes.
 */
export function listZipEntries(path: string): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) throw new ScrollbackError('INVALID_FILE', `${path}: not a zip file, or a truncated one (no end of central directory).`);
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directoryOffset + directorySize > size)
      throw new ScrollbackError('INVALID_FILE', `${path}: the zip's directory points past its end; the file looks truncated.`);
    const directory = Buffer.alloc(directorySize);
    readSync(fd, directory, 0, directorySize, directoryOffset);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (directory.readUInt32LE(at) !== 0x02014b50)
        throw new ScrollbackError('INVALID_FILE', `${path}: damaged zip directory at byte ${directoryOffset + at}.`);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      entries.push({
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** The most a chat text may inflate to, and to how many times its packed size (text packs 5–20×). */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
export const MAX_INFLATE_RATIO = 100;

/**
 * One entry's bytes (stored or deflated), refusing one that would inflate past MAX_INFLATED_BYTES or past
 * MAX_INFLATE_RATIO times its packed size (a zip bomb) before that much memory is used.
 */
export function readZipEntry(path: string, entry: ZipEntry): Buffer {
  const limit = Math.min(MAX_INFLATED_BYTES, MAX_INFLATE_RATIO * entry.compressedSize + 1024 * 1024);
  const refuse = () =>
    new ScrollbackError(
      'INVALID_FILE',
      `${path}: “${entry.name}” would unpack to more than ${Math.round(limit / (1024 * 1024))} MB (over ${MAX_INFLATE_RATIO} times its packed size, or past ${MAX_INFLATED_BYTES / (1024 * 1024)} MB): this is not a chat export Scrollback reads (it may be a zip bomb). Nothing was imported.`,
    );
  if (entry.size > limit) throw refuse();
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(30);
    readSync(fd, header, 0, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== 0x04034b50) throw new ScrollbackError('INVALID_FILE', `${path}: damaged zip entry “${entry.name}”.`);
    const dataOffset = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const compressed = Buffer.alloc(entry.compressedSize);
    readSync(fd, compressed, 0, entry.compressedSize, dataOffset);
    if (entry.method === 0) return compressed;
    if (entry.method !== 8)
      throw new ScrollbackError(
        'INVALID_FILE',
        `${path}: “${entry.name}” uses zip compression method ${entry.method}; only stored and deflated entries can be read.`,
      );
    try {
      return inflateRawSync(compressed, { maxOutputLength: limit });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw refuse();
      throw new ScrollbackError('INVALID_FILE', `${path}: “${entry.name}” is damaged inside the zip (${(error as Error).message}).`, {
        cause: error,
      });
    }
  } finally {
    closeSync(fd);
  }
}
