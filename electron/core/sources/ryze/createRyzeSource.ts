import type { MessagePosition } from '../../../../shared/cursor.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import type { AroundTarget, HistorySource, SourceChat, SourceChatRef, SourcePage, SourceSearchRequest } from '../HistorySource.ts';
import type { SourceMessage } from '../../model/SourceMessage.ts';
import type { createRyzeApiClient, RyzeMessage } from './createRyzeApiClient.ts';
import { secondOf, toSourceMessages } from './toSourceMessages.ts';
import { translator } from '../../i18n/createTranslator.ts';

type RyzeClient = ReturnType<typeof createRyzeApiClient>;

/** Messages per request: the API's default; a burst larger than this is widened second by second. */
const DEFAULT_COUNT = 50;
/** A single second may hold more than this only in a broken archive; past it the pager stops with an error. */
const MAX_SECOND_COUNT = 100_000;

/**
 * WhatsApp chats through RyzeAPI. The API has no cursor and inclusive `from`/`to`, so the pager works in
 * whole seconds: a page cut by `count` drops its oldest (partial) second and asks for it again later; a
 * second holding more messages than `count` is fetched on its own with a growing count, never skipped and
 * never looped on. `hasMore` is only a hint; a short answer is what proves a window complete.
 */
export function createRyzeSource(options: { id: string; client: RyzeClient; listChats(): SourceChat[]; pageSize?: number }): HistorySource {
  const count = options.pageSize ?? DEFAULT_COUNT;
  const { client } = options;

  /** Every message of one second. */
  async function wholeSecond(number: string, second: number, signal?: AbortSignal): Promise<RyzeMessage[]> {
    for (let size = Math.max(count, 100); size <= MAX_SECOND_COUNT; size *= 2) {
      const page = await client.fetchHistory({ number, from: second, to: second + 999, count: size }, signal);
      if (page.messages.length < size) return page.messages;
    }
    throw new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.ryze.sameSecond', { max: MAX_SECOND_COUNT }));
  }

  /**
   * Complete seconds at or before `to` (null: now), newest first, at least one second's worth.
   * `reachedOldest` when the answer was short (nothing older exists).
   */
  async function secondsDownFrom(
    number: string,
    to: number | null,
    signal?: AbortSignal,
  ): Promise<{ messages: RyzeMessage[]; reachedOldest: boolean }> {
    const page = await client.fetchHistory({ number, count, ...(to === null ? {} : { to }) }, signal);
    if (page.messages.length < count) return { messages: page.messages, reachedOldest: true };
    const oldestSecond = Math.min(...page.messages.map((m) => secondOf(m.timestamp)));
    const complete = page.messages.filter((m) => secondOf(m.timestamp) !== oldestSecond);
    if (complete.length > 0) return { messages: complete, reachedOldest: false };
    // The whole page is one second: a burst larger than `count`.
    return { messages: await wholeSecond(number, oldestSecond, signal), reachedOldest: false };
  }

  /**
   * Complete seconds from `from` upward. Newest-first paging cannot ask for "the next N after a point", so
   * the pager searches for a window the API returns whole: it bisects between the largest window known to
   * be empty and the smallest known to be full. When they are less than a second apart, the next second
   * alone holds at least `count` messages: a burst, fetched whole.
   */
  async function secondsUpFrom(
    number: string,
    from: number,
    signal?: AbortSignal,
  ): Promise<{ messages: RyzeMessage[]; reachedNewest: boolean }> {
    let empty = 0; // [from, from + empty) holds nothing
    let full = Number.POSITIVE_INFINITY; // [from, from + full) holds at least `count`
    let span = 86_400_000;
    for (let step = 0; step < 80; step++) {
      if (full - empty <= 1000) {
        return { messages: await wholeSecond(number, from + Math.floor(empty / 1000) * 1000, signal), reachedNewest: false };
      }
      const page = await client.fetchHistory({ number, from, to: from + span - 1, count }, signal);
      if (page.messages.length >= count) {
        full = span;
      } else if (page.messages.length > 0) {
        return { messages: page.messages, reachedNewest: false };
      } else {
        const beyond = await client.fetchHistory({ number, from: from + span, count: 1 }, signal);
        if (beyond.messages.length === 0) return { messages: [], reachedNewest: true };
        empty = span;
      }
      // Whole seconds only, so the last step isolates exactly one second.
      span = Number.isFinite(full) ? Math.floor((empty + full) / 2000) * 1000 : span * 8;
      if (span <= empty) span = empty + 1000;
    }
    throw new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.ryze.unsettled'));
  }

  function convert(chat: SourceChatRef, messages: RyzeMessage[]): SourceMessage[] {
    return toSourceMessages(messages, chat.key);
  }

  const isBefore = (m: SourceMessage, p: Pick<MessagePosition, 'date' | 'sortKey'>) =>
    m.date < p.date || (m.date === p.date && m.sortKey < p.sortKey);
  const isAfter = (m: SourceMessage, p: Pick<MessagePosition, 'date' | 'sortKey'>) =>
    m.date > p.date || (m.date === p.date && m.sortKey > p.sortKey);

  return {
    id: options.id,
    kind: 'ryze',
    async listChats() {
      return options.listChats();
    },
    // RyzeAPI has one file per message and no thumbnails: the whole file, from which the store makes one.
    async downloadMedia(_chat, request, sink, mediaOptions) {
      if (request.variant === 'thumb' || request.messageId === '') return null;
      const media = await options.client.fetchMedia(request.messageId, mediaOptions.signal);
      if (!media) return null;
      await sink.write(media.bytes);
      mediaOptions.onProgress?.(sink.received, media.bytes.length);
      return { mimeType: media.mimeType };
    },
    async getLatest(chat, _limit, signal): Promise<SourcePage> {
      const { messages, reachedOldest } = await secondsDownFrom(chat.key, null, signal);
      return { messages: convert(chat, messages), reachedOldest, reachedNewest: true };
    },
    async getOlder(chat, point, _limit, signal): Promise<SourcePage> {
      // The point's own second first, unless the point is that second's first message (rank 0).
      const sameSecond =
        point.sortKey > 0 ? convert(chat, await wholeSecond(chat.key, point.date, signal)).filter((m) => isBefore(m, point)) : [];
      const { messages, reachedOldest } = await secondsDownFrom(chat.key, point.date - 1, signal);
      return { messages: [...sameSecond, ...convert(chat, messages)], reachedOldest, reachedNewest: false };
    },
    async getNewer(chat, point, _limit, signal): Promise<SourcePage> {
      // An empty page means "nothing newer" to the engine, so a window holding only the point's own second
      // (nothing after the point) moves on to the next second instead of being returned empty.
      for (let from = point.date; ;) {
        const { messages, reachedNewest } = await secondsUpFrom(chat.key, from, signal);
        const newer = convert(chat, messages).filter((m) => isAfter(m, point));
        if (newer.length > 0 || reachedNewest) return { messages: newer, reachedOldest: false, reachedNewest };
        if (messages.length === 0) throw new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.ryze.emptyWindow'));
        from = Math.max(...messages.map((m) => secondOf(m.timestamp))) + 1000;
      }
    },
    // The window is whole seconds on either side of the date, as many as one request's count returns.
    async getAround(chat, target: AroundTarget, _limit, signal): Promise<SourcePage> {
      if ('messageId' in target) {
        throw new ScrollbackError('MESSAGE_NOT_FOUND', translator()('error.ryze.notCached', { id: String(target.messageId) }));
      }
      const second = Math.floor(target.date / 1000) * 1000;
      const older = await secondsDownFrom(chat.key, second - 1, signal);
      const newer = await secondsUpFrom(chat.key, second, signal);
      return {
        messages: convert(chat, [...older.messages, ...newer.messages]),
        reachedOldest: older.reachedOldest,
        reachedNewest: newer.reachedNewest,
      };
    },
    async searchWindow(chat, request: SourceSearchRequest, signal) {
      // RyzeAPI has no text search: walk the window newest-first in whole seconds and filter here.
      const found: SourceMessage[] = [];
      let to: number | null = request.to;
      for (;;) {
        const { messages, reachedOldest } = await secondsDownFrom(chat.key, to, signal);
        const converted = convert(chat, messages);
        for (const m of converted.reverse()) if (m.date >= request.from && request.matches(m)) found.push(m);
        const oldest = converted.length > 0 ? Math.min(...converted.map((m) => m.date)) : null;
        if (reachedOldest || oldest === null || oldest < request.from) break;
        to = oldest - 1;
      }
      const ordered = request.order === 'newest' ? found : found.reverse();
      const after = request.after;
      const beyond = after ? ordered.filter((m) => (request.order === 'newest' ? isBefore(m, after) : isAfter(m, after))) : ordered;
      return beyond.slice(0, request.limit);
    },
  };
}
