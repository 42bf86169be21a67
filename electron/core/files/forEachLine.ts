import type { TextChunk } from './decodeTextChunks.ts';

/** The most of one line handed on by default; the rest of a longer line is counted, never held. */
export const MAX_LINE_CHARS = 1 << 20;

/**
 * Calls `onLine` with each line of decoded text (without its \n, \r\n or \r), numbered from 1, and the
 * line's whole length: a line longer than `maxLineLength` comes cut to its first characters (a damaged or
 * hostile file can hold a 200 MB "line"; it is never built). A callback, not a generator: no object per
 * line, as parsers of million-line files want.
 */
export function forEachLine(
  chunks: Iterable<TextChunk>,
  onLine: (text: string, number: number, length: number) => void,
  maxLineLength: number = MAX_LINE_CHARS,
): void {
  let carry = '';
  /** The whole length of the line carried so far (carry holds at most maxLineLength of it). */
  let carryLength = 0;
  let number = 0;
  let pendingCarriageReturn = false;
  const line = (text: string, start: number, end: number): void => {
    const length = carryLength + end - start;
    const room = maxLineLength - carry.length;
    const tail = end - start <= room ? text.slice(start, end) : text.slice(start, start + Math.max(0, room));
    onLine(carry === '' ? tail : carry + tail, ++number, length);
    carry = '';
    carryLength = 0;
  };
  for (const { text } of chunks) {
    let start = 0;
    // A \r\n split across two chunks is one line break, not two.
    if (pendingCarriageReturn && text.charCodeAt(0) === 10) start = 1;
    pendingCarriageReturn = false;
    // indexOf is much faster than a loop over characters; each kind of break is searched for once per pass.
    let lf = text.indexOf('\n', start);
    let cr = text.indexOf('\r', start);
    for (;;) {
      const lineEnd = cr < 0 ? lf : lf < 0 ? cr : Math.min(lf, cr);
      if (lineEnd < 0) break;
      line(text, start, lineEnd);
      let next = lineEnd + 1;
      if (lineEnd === cr) {
        if (next < text.length) {
          if (text.charCodeAt(next) === 10) next++;
        } else pendingCarriageReturn = true;
      }
      start = next;
      if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    }
    const room = maxLineLength - carry.length;
    if (room > 0) carry += text.length - start <= room ? text.slice(start) : text.slice(start, start + room);
    carryLength += text.length - start;
  }
  if (carryLength > 0) line('', 0, 0);
}
