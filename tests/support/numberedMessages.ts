import { sourceMessage, type SourceMessage } from '../../electron/core/model/SourceMessage.ts';

/** Messages numbered `from` to `from + count - 1`, oldest first: a message's number is its id, sort key and second. */
export function numberedMessages(from: number, count: number): SourceMessage[] {
  return Array.from({ length: count }, (_, i) =>
    sourceMessage({
      id: String(from + i),
      sortKey: from + i,
      date: 1_700_000_000_000 + (from + i) * 1000,
      sender: null,
      out: false,
      text: 'x',
    }),
  );
}
