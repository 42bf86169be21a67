import { workerData } from 'node:worker_threads';
import { toErrorData } from '../../../../shared/errors.ts';
import { folderMediaFiles } from '../importMediaFiles.ts';
import type { SourceMessage } from '../../model/SourceMessage.ts';
import { parseTelegramHtmlPages } from './parseTelegramHtmlPages.ts';
import { BATCH_MESSAGES, type HtmlPipeMessage, type HtmlWorkerData, HtmlPipeCounters } from './telegramHtmlPipe.ts';

/**
 * Entry of the thread that reads an HTML chat's pages (the tokenizing is most of an HTML import's work) while
 * the importing thread stores what it already sent: batches of messages through a port, with counters in
 * shared memory so neither side waits on the other for long, and this side waits when it is far ahead.
 */
const { pages, root, chatNameHint, port, counters: shared } = workerData as HtmlWorkerData;
const counters = new HtmlPipeCounters(shared);
const BATCH_CHARS = 8_000_000;
const send = (message: HtmlPipeMessage) => {
  counters.waitForRoom();
  port.postMessage(message);
  counters.posted();
};
try {
  let batch: SourceMessage[] = [];
  let batchChars = 0;
  let chatName = chatNameHint;
  let bytesRead = 0;
  // Each batch carries the bytes read so far: that is the import's progress.
  const read = parseTelegramHtmlPages(
    { pages, root, chatNameHint, mediaFiles: folderMediaFiles(root) },
    (message, name) => {
      chatName = name;
      batch.push(message);
      batchChars += message.text.length;
      // Long texts go in smaller batches: what is in flight stays bounded in characters, not only in messages.
      if (batch.length >= BATCH_MESSAGES || batchChars >= BATCH_CHARS) {
        send({ type: 'messages', messages: batch, chatName, bytes: bytesRead });
        batch = [];
        batchChars = 0;
      }
    },
    { onBytes: (bytes) => (bytesRead = bytes), isCancelled: () => counters.cancelled() },
  );
  if (batch.length > 0) send({ type: 'messages', messages: batch, chatName, bytes: bytesRead });
  send({ type: 'done', read });
} catch (error) {
  send({ type: 'failed', error: toErrorData(error) });
}
