import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { ByteSource } from './ByteSource.ts';
import { translator } from '../i18n/createTranslator.ts';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  method: number;
  localHeaderOffset: number;
}

/** The most a zip's central directory may take (a WhatsApp export with 100,000 files needs about 10 MB). */
export const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

function damaged(path: string, problem: string): ScrollbackError {
  return new ScrollbackError('INVALID_FILE', translator()('error.zip.damaged', { path, problem }));
}

/** A 64-bit size or offset, refused past what a file on this computer can hold. */
function readUInt64(buffer: Buffer, at: number, path: string): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged(path, translator()('error.zip.hugeSize'));
  return Number(value);
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/**
 * The entries of a zip file, from its central directory (zip64 too: archives over 4 GB or with over 65,535
 * entries, and any writer that marks its sizes as zip64). Only the directory is read, so listing a WhatsApp
 * export with gigabytes of photos beside the chat costs a few kilobytes.
 */
export function listZipEntries(path: string): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tailStart = size - tailLength;
    const tail = readAt(fd, tailLength, tailStart);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0 || end + 22 > tail.length || tail.readUInt32LE(end) !== END_OF_DIRECTORY)
      throw new ScrollbackError('INVALID_FILE', translator()('error.zip.notZip', { path }));
    let count = tail.readUInt16LE(end + 10);
    let directorySize = tail.readUInt32LE(end + 12);
    let directoryOffset = tail.readUInt32LE(end + 16);
    // Zip64: a locator just before the end record points at the 64-bit end record, which holds the real figures.
    const locatorAt = end - 20;
    if (locatorAt >= 0 && tail.readUInt32LE(locatorAt) === ZIP64_LOCATOR) {
      const recordOffset = readUInt64(tail, locatorAt + 8, path);
      const record = readAt(fd, 56, recordOffset);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY)
        throw damaged(path, translator()('error.zip.noZip64End'));
      count = readUInt64(record, 32, path);
      directorySize = readUInt64(record, 40, path);
      directoryOffset = readUInt64(record, 48, path);
    } else if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      throw damaged(path, translator()('error.zip.zip64WithoutEnd'));
    }
    if (directoryOffset + directorySize > size) throw damaged(path, translator()('error.zip.directoryPastEnd'));
    if (directorySize > MAX_DIRECTORY_BYTES)
      throw new ScrollbackError(
        'INVALID_FILE',
        translator()('error.zip.directoryTooLarge', {
          path,
          size: Math.round(directorySize / (1024 * 1024)),
          max: MAX_DIRECTORY_BYTES / (1024 * 1024),
        }),
      );
    // Each entry takes at least 46 bytes of the directory: a count beyond that is a lie, not a reason to loop.
    if (count > directorySize / 46) throw damaged(path, translator()('error.zip.tooManyFiles', { count, bytes: directorySize }));
    const directory = readAt(fd, directorySize, directoryOffset);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY)
        throw damaged(path, translator()('error.zip.directoryBroken', { byte: String(directoryOffset + at) }));
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      if (at + 46 + nameLength + extraLength > directory.length)
        throw damaged(path, translator()('error.zip.directoryBroken', { byte: String(directoryOffset + at) }));
      const entry: ZipEntry = {
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      };
      readZip64Extra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry, path);
      entries.push(entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/**
 * The zip64 extra field (id 1) holds, in this order, each of size, packed size and header offset whose
 * 32-bit field is 0xFFFFFFFF (and only those).
 */
function readZip64Extra(extra: Buffer, entry: ZipEntry, path: string): void {
  const needed = [entry.size, entry.compressedSize, entry.localHeaderOffset].filter((value) => value === 0xffffffff).length;
  if (needed === 0) return;
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + length || field + 8 > extra.length)
          throw damaged(path, translator()('error.zip.shortZip64Field', { name: entry.name }));
        const value = readUInt64(extra, field, path);
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
  throw damaged(path, translator()('error.zip.noZip64Field', { name: entry.name }));
}

/** The most a chat text may inflate to, and to how many times its packed size (text packs 5–20×). */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
export const MAX_INFLATE_RATIO = 100;
/**
 * A packed chat text is unpacked whole in memory (Node has no synchronous streaming inflate): past this
 * it is refused with a way around (unzip it and import the .txt, which is read in pieces).
 */
export const MAX_PACKED_CHAT_BYTES = 128 * 1024 * 1024;

/** Where an entry's bytes start in the file (after its local header), checking that header. */
function dataOffsetOf(fd: number, path: string, entry: ZipEntry): number {
  const header = readAt(fd, 30, entry.localHeaderOffset);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER)
    throw damaged(path, translator()('error.zip.entryMissing', { name: entry.name }));
  const offset = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (offset + entry.compressedSize > fstatSync(fd).size) throw damaged(path, translator()('error.zip.entryPastEnd', { name: entry.name }));
  return offset;
}

function unknownMethod(path: string, entry: ZipEntry): ScrollbackError {
  return new ScrollbackError('INVALID_FILE', translator()('error.zip.method', { path, name: entry.name, method: String(entry.method) }));
}

/**
 * One entry's bytes (stored or deflated), refusing one that would inflate past `maxBytes` or past
 * MAX_INFLATE_RATIO times its packed size (a zip bomb) before that much memory is used.
 */
export function readZipEntry(path: string, entry: ZipEntry, maxBytes: number = MAX_INFLATED_BYTES): Buffer {
  const ratioLimit = entry.method === 0 ? Number.POSITIVE_INFINITY : MAX_INFLATE_RATIO * entry.compressedSize + 1024 * 1024;
  const limit = Math.min(maxBytes, ratioLimit);
  const tooLarge = () =>
    new ScrollbackError(
      'INVALID_FILE',
      translator()('error.zip.entryTooLarge', {
        path,
        name: entry.name,
        size: Math.round(Math.max(entry.size, entry.compressedSize) / (1024 * 1024)),
        max: Math.round(maxBytes / (1024 * 1024)),
      }),
    );
  const bomb = () =>
    new ScrollbackError(
      'INVALID_FILE',
      translator()('error.zip.bomb', { path, name: entry.name, size: Math.round(ratioLimit / (1024 * 1024)), ratio: MAX_INFLATE_RATIO }),
    );
  const refuse = () => (ratioLimit <= maxBytes ? bomb() : tooLarge());
  if (entry.size > ratioLimit) throw bomb();
  if (entry.size > maxBytes || (entry.method === 0 && entry.compressedSize > maxBytes)) throw tooLarge();
  if (entry.method !== 0 && entry.method !== 8) throw unknownMethod(path, entry);
  const fd = openSync(path, 'r');
  try {
    const compressed = readAt(fd, entry.compressedSize, dataOffsetOf(fd, path, entry));
    if (entry.method === 0) return compressed;
    try {
      return inflateRawSync(compressed, { maxOutputLength: Math.max(1, limit) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw refuse();
      throw new ScrollbackError(
        'INVALID_FILE',
        translator()('error.zip.entryDamaged', { path, name: entry.name, reason: (error as Error).message }),
        {
          cause: error,
        },
      );
    }
  } finally {
    closeSync(fd);
  }
}

const CHUNK_BYTES = 1 << 20;

/**
 * A chat text inside a zip as a ByteSource: a stored entry is read from the file in pieces (any size);
 * a deflated one is unpacked whole, up to MAX_PACKED_CHAT_BYTES.
 */
export function zipEntryByteSource(path: string, entry: ZipEntry): ByteSource {
  const name = `${path} › ${entry.name}`;
  if (entry.method === 8) {
    let bytes: Buffer | null = readZipEntry(path, entry, MAX_PACKED_CHAT_BYTES);
    return {
      name,
      *chunks() {
        const all = bytes ?? readZipEntry(path, entry, MAX_PACKED_CHAT_BYTES);
        bytes = null;
        for (let offset = 0; offset < all.length; offset += CHUNK_BYTES) yield all.subarray(offset, offset + CHUNK_BYTES);
      },
    };
  }
  if (entry.method !== 0) throw unknownMethod(path, entry);
  return {
    name,
    *chunks() {
      const fd = openSync(path, 'r');
      try {
        let position = dataOffsetOf(fd, path, entry);
        let left = entry.compressedSize;
        while (left > 0) {
          const chunk = readAt(fd, Math.min(CHUNK_BYTES, left), position);
          if (chunk.length === 0) throw damaged(path, translator()('error.zip.entryEndsEarly', { name: entry.name }));
          position += chunk.length;
          left -= chunk.length;
          yield chunk;
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}
