import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes that can be read from the start any number of times: a file on disk, or an entry already in memory. */
export interface ByteSource {
  /** What the user calls it, for error messages ("chat.zip › _chat.txt"). */
  readonly name: string;
  /** The bytes in chunks, from the start; each call starts again. */
  chunks(): Iterable<Uint8Array>;
}

const CHUNK_BYTES = 1 << 20;

export function fileByteSource(path: string, name: string = path): ByteSource {
  return {
    name,
    *chunks() {
      const fd = openSync(path, 'r');
      try {
        // One buffer per chunk, not one reused: callers may hold a chunk (a partial line) across reads.
        for (;;) {
          const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
          const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
          if (read === 0) return;
          yield buffer.subarray(0, read);
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}

export function memoryByteSource(bytes: Uint8Array, name: string): ByteSource {
  return {
    name,
    *chunks() {
      for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) yield bytes.subarray(offset, offset + CHUNK_BYTES);
    },
  };
}
