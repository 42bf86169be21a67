/** The part of a file a `Range` header asks for, inclusive, or why it cannot be served. */
export type ByteRange = { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * Reads an HTTP `Range: bytes=…` header against a file of `size` bytes (RFC 9110 §14.1.2): one range, as a
 * media element asks when it seeks (`bytes=1000-1999`, `bytes=1000-`, `bytes=-500`). Anything else (several
 * ranges, another unit, garbage) is answered with the whole file, which the RFC allows; a range starting past
 * the end is unsatisfiable (416).
 */
export function byteRangeOf(header: string | null, size: number): ByteRange {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}
