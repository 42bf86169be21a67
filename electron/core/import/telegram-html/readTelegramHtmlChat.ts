import { MessageChannel, Worker } from 'node:worker_threads';
import { ScrollbackError } from '../../../../shared/errors.ts';
import type { SourceMessage } from '../../model/SourceMessage.ts';
import type { TelegramHtmlChatRead, TelegramHtmlPages } from './parseTelegramHtmlPages.ts';
import { HtmlPipeCounters, type HtmlWorkerData } from './telegramHtmlPipe.ts';

/**
 * Beside this file from source (Node strips the types); once built, an entry at the bundle's root (see the
 * vite configs), while this module may sit in a shared chunk under `chunks/` (the main bundle imports the
 * import formats too, for their names and extensions).
 */
function workerUrl(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./telegramHtmlWorker.ts', import.meta.url);
  return new URL(/\/chunks\/[^/]*$/.test(import.meta.url) ? '../telegramHtmlWorker.js' : './telegramHtmlWorker.js', import.meta.url);
}

/**
 * Reads an HTML chat on a second thread and hands its messages on here, in order, as they come: tokenizing
 * the pages and storing their messages each take about half of an import, so the two run side by side. This
 * side stays synchronous (it is inside the import's one transaction): it waits on shared memory, not on
 * events. Cancelling stops the reader too; a failure there is thrown here with its words.
 */
export function readTelegramHtmlChat(
  input: Omit<TelegramHtmlPages, 'mediaFiles'>,
  onMessage: (message: SourceMessage, chatName: string) => void,
  options: { onBytes?: (bytes: number) => void; isCancelled?: () => boolean } = {},
): TelegramHtmlChatRead {
  const counters = new HtmlPipeCounters();
  const { port1, port2 } = new MessageChannel();
  const data: HtmlWorkerData = {
    pages: input.pages,
    root: input.root,
    chatNameHint: input.chatNameHint,
    port: port2,
    counters: counters.shared,
  };
  const worker = new Worker(workerUrl(), { workerData: data, transferList: [port2] });
  try {
    for (;;) {
      if (options.isCancelled?.()) {
        counters.cancel();
        return { chatName: input.chatNameHint, senders: [], groupLines: false, cancelled: true };
      }
      const received = counters.receive(port1);
      switch (received.type) {
        case 'messages':
          for (const message of received.messages) onMessage(message, received.chatName);
          options.onBytes?.(received.bytes);
          break;
        case 'done':
          return received.read;
        case 'failed':
          throw ScrollbackError.fromData(received.error);
      }
    }
  } finally {
    counters.cancel();
    port1.close();
    void worker.terminate();
  }
}
