import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { ScrollbackError, type ErrorData } from '../../../../shared/errors.ts';
import type { SourceMessage } from '../../model/SourceMessage.ts';
import type { TelegramHtmlChatRead } from './parseTelegramHtmlPages.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** Messages per batch sent from the reading thread. */
export const BATCH_MESSAGES = 2048;
/** Batches the reader may be ahead of the importer (memory stays bounded: about 8k messages). */
const MAX_AHEAD = 4;
/** Longer than any page takes to read: a reader silent this long has failed. */
const SILENCE_LIMIT_MS = 120_000;

export type HtmlPipeMessage =
  | { type: 'messages'; messages: SourceMessage[]; chatName: string; bytes: number }
  | { type: 'done'; read: TelegramHtmlChatRead }
  | { type: 'failed'; error: ErrorData };

export interface HtmlWorkerData {
  pages: string[];
  root: string;
  chatNameHint: string;
  port: MessagePort;
  counters: Int32Array<SharedArrayBuffer>;
}

const POSTED = 0;
const CONSUMED = 1;
const CANCEL = 2;

/**
 * Counters in shared memory between the reading thread and the importing one, so each side can wait
 * without an event loop: the importer works synchronously inside one transaction.
 */
export class HtmlPipeCounters {
  readonly shared: Int32Array<SharedArrayBuffer>;

  constructor(shared = new Int32Array(new SharedArrayBuffer(12))) {
    this.shared = shared;
  }

  posted(): void {
    Atomics.add(this.shared, POSTED, 1);
    Atomics.notify(this.shared, POSTED);
  }

  /** The reader: waits while it is MAX_AHEAD batches ahead (or until cancelled). */
  waitForRoom(): void {
    for (;;) {
      const consumed = Atomics.load(this.shared, CONSUMED);
      if (Atomics.load(this.shared, POSTED) - consumed < MAX_AHEAD || this.cancelled()) return;
      Atomics.wait(this.shared, CONSUMED, consumed, 1000);
    }
  }

  cancel(): void {
    Atomics.store(this.shared, CANCEL, 1);
    Atomics.notify(this.shared, CONSUMED);
  }

  cancelled(): boolean {
    return Atomics.load(this.shared, CANCEL) === 1;
  }

  /** The importer: the next message from the reader, waiting for it. */
  receive(port: MessagePort): HtmlPipeMessage {
    const started = Date.now();
    for (;;) {
      const posted = Atomics.load(this.shared, POSTED);
      const received = receiveMessageOnPort(port);
      if (received) {
        Atomics.add(this.shared, CONSUMED, 1);
        Atomics.notify(this.shared, CONSUMED);
        return received.message as HtmlPipeMessage;
      }
      if (Date.now() - started > SILENCE_LIMIT_MS) throw new ScrollbackError('INTERNAL', translator()('error.telegramHtml.threadStopped'));
      Atomics.wait(this.shared, POSTED, posted, 1000);
    }
  }
}
