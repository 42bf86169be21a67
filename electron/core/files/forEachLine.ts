import type { TextChunk } from './decodeTextChunks.ts';

/**
 * Calls `onLine` with each line of decoded text (without its \n, \r\n or \r), numbered from 1. A callback,
 * not a generator: no object per line, as parsers of million-line files want.
 */
export function forEachLine(chunks: Iterable<TextChunk>, onLine: (text: string, number: number) => void): void {
  let carry = '';
  let number = 0;
  let pendingCarriageReturn = false;
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
      onLine(carry === '' ? text.slice(start, lineEnd) : carry + text.slice(start, lineEnd), ++number);
      carry = '';
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
    carry += text.slice(start);
  }
  if (carry !== '') onLine(carry, number + 1);
}
