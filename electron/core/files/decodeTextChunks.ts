import { ScrollbackError } from '../../../shared/errors.ts';
import type { ByteSource } from './ByteSource.ts';
import { translator } from '../i18n/createTranslator.ts';

/** Text of a source with where each piece started, so parsers can name a byte offset in their errors. */
export interface TextChunk {
  text: string;
  /** Byte offset in the file of the chunk's first byte. */
  byteOffset: number;
  /** Byte offset just after the chunk (for progress). A character split across chunks is in the later one. */
  byteEnd: number;
}

/**
 * Decodes a source as UTF-8 (with or without a byte order mark) or UTF-16 (with one), chunk by chunk.
 * Anything else is refused with the byte offset of the first byte that is not UTF-8, rather than imported
 * as mojibake.
 */
export function* decodeTextChunks(source: ByteSource): Generator<TextChunk> {
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  let offset = 0;
  for (const chunk of source.chunks()) {
    const bytes = chunk;
    if (!decoder) {
      const encoding = detectEncoding(bytes);
      decoder = new TextDecoder(encoding.label, { fatal: true, ignoreBOM: false });
      if (encoding.label === 'utf-8' && bytes.length === 0) continue;
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch (error) {
      throw new ScrollbackError(
        'INVALID_FILE',
        translator()('error.file.notUtf8', { file: source.name, byte: String(offset + firstInvalidUtf8Byte(bytes)) }),
        { cause: error },
      );
    }
    yield { text, byteOffset: offset, byteEnd: offset + bytes.length };
    offset += bytes.length;
  }
  if (decoder) {
    let tail: string;
    try {
      tail = decoder.decode();
    } catch (error) {
      throw new ScrollbackError(
        'INVALID_FILE',
        translator()('error.file.truncatedCharacter', { file: source.name, byte: String(offset) }),
        { cause: error },
      );
    }
    if (tail) yield { text: tail, byteOffset: offset, byteEnd: offset };
  }
}

function detectEncoding(bytes: Uint8Array): { label: 'utf-8' | 'utf-16le' | 'utf-16be' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be' };
  return { label: 'utf-8' };
}

/** Index of the first byte that breaks UTF-8 in this chunk (or its end, when a sequence is cut off there). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return i;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}
