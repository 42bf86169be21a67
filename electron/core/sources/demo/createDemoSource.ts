import type { MessagePosition } from '../../../../shared/cursor.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import type {
  AroundTarget,
  HistorySource,
  SourceChat,
  SourceChatRef,
  SourceMediaOptions,
  SourceMediaSink,
  SourcePage,
} from '../HistorySource.ts';
import { attachDemoPreviews, demoAvatar, renderDemoAvatar, renderDemoMedia } from './demoMedia.ts';
import { createDemoMessage } from './createDemoMessage.ts';
import { demoChats, type DemoChatSpec } from './demoChats.ts';
import { DemoTimeline } from './DemoTimeline.ts';
import { createRequestScheduler } from '../createRequestScheduler.ts';
import { systemClock } from '../createRequestLimiter.ts';
import { currentRequestPriority, type RequestPriority } from '../requestPriority.ts';
import { translator } from '../../i18n/createTranslator.ts';

export const DEMO_SOURCE_ID = 'demo';

/** Bytes per media request, as a Telegram client asks for them (512 KB parts: 1 MB is divisible by it). */
const MEDIA_CHUNK = 512 * 1024;

export interface DemoSourceOptions {
  /** Simulated network latency per request, so the demo exercises the same waits as a real account. */
  latencyMs?: number;
  /**
   * Asked before every request; a returned error fails it. Lets tests and demos show the offline and
   * rate-limited states through the same path a real source takes.
   */
  failure?: () => Error | null;
  /** Answer like a real account instead of at once (see demoPaces); default: fast. */
  pace?: DemoPace | null;
  /** Told when each request joins the queue and when it is sent (its turn came), as a fake's request log. */
  onRequest?: (event: DemoRequestEvent) => void;
}

/**
 * One step of one request to the demo: `id` pairs a request's `queued` with its `sent`, or with `dropped` when
 * its caller gave it up (its signal aborted) while it waited its turn, so it was never sent.
 */
export interface DemoRequestEvent {
  id: number;
  phase: 'queued' | 'sent' | 'dropped';
  priority: RequestPriority;
}

/**
 * How a paced demo answers: `pacingMs` between request starts (one in flight), each taking `requestMs`, and
 * every `floodWaitEvery`-th request refused with a FLOOD_WAIT of `floodWaitMs`, during which nothing is
 * answered.
 */
export interface DemoPace {
  pacingMs: number;
  requestMs: number;
  floodWaitEvery: number;
  floodWaitMs: number;
}

/** Named paces for SCROLLBACK_DEMO_PACE: `telegram` is about one 100-message page a second, with flood waits. */
export const demoPaces: Record<string, DemoPace> = {
  telegram: { pacingMs: 1000, requestMs: 150, floodWaitEvery: 45, floodWaitMs: 3000 },
};

interface DemoChat {
  spec: DemoChatSpec;
  timeline: DemoTimeline;
}

/**
 * The built-in demo archive as a remote source: nothing is stored in the repo; message i of a chat is
 * computed on demand, so opening the demo runs the same fetch-and-cache path as a real account.
 */
export function createDemoSource(options: DemoSourceOptions = {}): HistorySource & { timelineOf(chatKey: string): DemoTimeline } {
  const chats = new Map<string, DemoChat>();
  function chatFor(key: string): DemoChat {
    let chat = chats.get(key);
    if (!chat) {
      const spec = demoChats.find((candidate) => candidate.key === key);
      if (!spec) throw new ScrollbackError('CHAT_NOT_FOUND', translator()('error.demo.noChat', { key }));
      chat = {
        spec,
        timeline: new DemoTimeline({
          seed: spec.seed,
          count: spec.count,
          start: Date.parse(spec.start),
          end: Date.parse(spec.end),
          gaps: spec.gaps,
        }),
      };
      chats.set(key, chat);
    }
    return chat;
  }

  const pace = options.pace ?? null;
  const scheduler = createRequestScheduler({ pacingMs: pace?.pacingMs ?? 0, clock: systemClock });
  let requests = 0;
  let floodUntil = 0;
  let logged = 0;

  /** Every request waits its turn like a real account's: one in flight, the window's first, paced. */
  function respond(signal: AbortSignal | undefined): Promise<void> {
    const request = { id: ++logged, priority: currentRequestPriority() };
    options.onRequest?.({ ...request, phase: 'queued' });
    let sent = false;
    const ran = scheduler.run(async () => {
      sent = true;
      options.onRequest?.({ ...request, phase: 'sent' });
      const failure = options.failure?.();
      if (failure) throw failure;
      if (pace) {
        const now = Date.now();
        if (now < floodUntil) {
          throw new ScrollbackError(
            'RATE_LIMITED',
            translator()('error.demo.floodResuming', { seconds: Math.ceil((floodUntil - now) / 1000) }),
            {
              retryAfterMs: floodUntil - now,
            },
          );
        }
        if (++requests % pace.floodWaitEvery === 0) {
          floodUntil = now + pace.floodWaitMs;
          throw new ScrollbackError('RATE_LIMITED', translator()('error.demo.flood', { seconds: pace.floodWaitMs / 1000 }), {
            retryAfterMs: pace.floodWaitMs,
          });
        }
      }
      const latency = (options.latencyMs ?? 0) + (pace?.requestMs ?? 0);
      if (latency > 0) await systemClock.sleep(latency, signal);
      signal?.throwIfAborted();
    }, signal);
    ran.catch(() => {
      if (!sent) options.onRequest?.({ ...request, phase: 'dropped' });
    });
    return ran;
  }

  /** Messages with indexes [from, to) of a chat, clamped to the chat, pictures with their stripped previews. */
  async function slice(chat: DemoChat, from: number, to: number): Promise<SourcePage> {
    const start = Math.max(0, from);
    const end = Math.min(chat.spec.count, to);
    const messages = [];
    for (let index = start; index < end; index++) messages.push(createDemoMessage(chat.spec, chat.timeline, index));
    return {
      messages: await attachDemoPreviews(chat.spec.seed, messages),
      reachedOldest: start === 0,
      reachedNewest: end === chat.spec.count,
      totalCount: chat.spec.count,
    };
  }

  /** Sends `bytes` into the sink a chunk per request, each waiting its turn like a real download's. */
  async function sendInChunks(bytes: Uint8Array, sink: SourceMediaSink, options: SourceMediaOptions): Promise<void> {
    let offset = 0;
    do {
      await respond(options.signal);
      await sink.write(bytes.subarray(offset, offset + MEDIA_CHUNK));
      options.onProgress?.(sink.received, bytes.length);
      offset += MEDIA_CHUNK;
    } while (offset < bytes.length);
  }

  /** The index of the message a position names (ids are index + 1). */
  function indexOf(point: MessagePosition): number {
    return point.sortKey - 1;
  }

  return {
    id: DEMO_SOURCE_ID,
    kind: 'demo',
    timelineOf: (chatKey) => chatFor(chatKey).timeline,
    async listChats(signal): Promise<SourceChat[]> {
      await respond(signal);
      return Promise.all(
        demoChats.map(async (spec) => {
          const chat = chatFor(spec.key);
          return {
            key: spec.key,
            name: spec.name,
            kind: spec.kind,
            messageCount: spec.count,
            lastMessageDate: chat.timeline.dateOf(spec.count - 1),
            avatar: await demoAvatar(spec),
          };
        }),
      );
    },
    async downloadMedia(ref, request, sink, options) {
      const chat = chatFor(ref.key);
      if (request.messageId === '') {
        const avatar = await renderDemoAvatar(chat.spec);
        await sendInChunks(avatar.bytes, sink, options);
        return { mimeType: avatar.mimeType };
      }
      const id = Number(request.messageId);
      if (!Number.isSafeInteger(id) || id < 1 || id > chat.spec.count) return null;
      const message = createDemoMessage(chat.spec, chat.timeline, id - 1);
      if (!message.media) return null;
      const file = await renderDemoMedia(chat.spec, id - 1, message.media, request.variant);
      if (!file) return null;
      await sendInChunks(file.bytes, sink, options);
      return { mimeType: file.mimeType };
    },
    async getLatest(ref: SourceChatRef, limit, signal) {
      await respond(signal);
      const chat = chatFor(ref.key);
      return slice(chat, chat.spec.count - limit, chat.spec.count);
    },
    async getOlder(ref, point, limit, signal) {
      await respond(signal);
      const index = indexOf(point);
      return slice(chatFor(ref.key), index - limit, index);
    },
    async getNewer(ref, point, limit, signal) {
      await respond(signal);
      const index = indexOf(point);
      return slice(chatFor(ref.key), index + 1, index + 1 + limit);
    },
    async getAround(ref, target: AroundTarget, limit, signal) {
      await respond(signal);
      const chat = chatFor(ref.key);
      let index: number;
      if ('messageId' in target) {
        const id = Number(target.messageId);
        if (!Number.isSafeInteger(id) || id < 1 || id > chat.spec.count) {
          throw new ScrollbackError('MESSAGE_NOT_FOUND', translator()('error.history.noMessage', { id: String(target.messageId) }));
        }
        index = id - 1;
      } else {
        index = chat.timeline.firstIndexAtOrAfter(target.date);
      }
      const half = Math.floor(limit / 2);
      const from = Math.max(0, Math.min(index - half, chat.spec.count - limit));
      return slice(chat, from, from + limit);
    },
    async getMessagesByIds(ref, ids, signal) {
      await respond(signal);
      const chat = chatFor(ref.key);
      const indexes = ids.map(Number).filter((id) => Number.isSafeInteger(id) && id >= 1 && id <= chat.spec.count);
      return attachDemoPreviews(
        chat.spec.seed,
        indexes.map((id) => createDemoMessage(chat.spec, chat.timeline, id - 1)),
      );
    },
    async firstMessageDate(ref, signal) {
      await respond(signal);
      const chat = chatFor(ref.key);
      return chat.timeline.count === 0 ? null : chat.timeline.dateOf(0);
    },
    // One request per date, as Telegram needs (a one-message page before it).
    async countMessagesSince(ref, dates, signal) {
      const chat = chatFor(ref.key);
      const counts: number[] = [];
      for (const date of dates) {
        await respond(signal);
        counts.push(chat.timeline.count - chat.timeline.firstIndexAtOrAfter(date));
      }
      return counts;
    },
    // A remote search, as a server would do it: walk the window in order and keep what matches.
    async searchWindow(ref, request, signal) {
      await respond(signal);
      const chat = chatFor(ref.key);
      const first = chat.timeline.firstIndexAtOrAfter(request.from);
      const end = chat.timeline.firstIndexAtOrAfter(request.to + 1);
      const found = [];
      const newestFirst = request.order === 'newest';
      for (let step = 0; step < end - first && found.length < request.limit; step++) {
        const index = newestFirst ? end - 1 - step : first + step;
        const message = createDemoMessage(chat.spec, chat.timeline, index);
        if (request.after) {
          const beyond = newestFirst
            ? message.date < request.after.date || (message.date === request.after.date && message.sortKey < request.after.sortKey)
            : message.date > request.after.date || (message.date === request.after.date && message.sortKey > request.after.sortKey);
          if (!beyond) continue;
        }
        if (request.matches(message)) found.push(message);
        if (step % 4096 === 4095) signal?.throwIfAborted();
      }
      return attachDemoPreviews(chat.spec.seed, found);
    },
  };
}
