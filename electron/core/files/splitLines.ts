import type { TextChunk } from './decodeTextChunks.ts';

/** Lines of decoded text (without their \n, \r\n or \r), numbered from 1. */
export function* splitLines(chunks: Iterable<TextChunk>): Generator<{ text: string; number: number }> {
  let carry = '';
  let number = 0;
  let pendingCarriageReturn = false;
  for (const { text } of chunks) {
    let start = 0;
    let data = text;
    // A \r\n split across two chunks is one line break, not two.
    if (pendingCarriageReturn && data.charCodeAt(0) === 10) start = 1;
    pendingCarriageReturn = false;
    for (let i = start; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      yield { text: carry + data.slice(start, i), number: ++number };
      carry = '';
      if (code === 13) {
        if (i + 1 < data.length) {
          if (data.charCodeAt(i + 1) === 10) i++;
        } else {
          pendingCarriageReturn = true;
        }
      }
      start = i + 1;
    }
    carry += data.slice(start);
    data = '';
  }
  if (carry !== '') yield { text: carry, number: ++number };
}
