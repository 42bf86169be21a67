import { Api, type TelegramClient } from 'telegram';
import bigInt from 'big-integer';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { systemClock, type Clock } from '../createRequestLimiter.ts';
import type { AroundTarget, HistorySource, SourceChatRef, SourcePage, SourceSearchRequest } from '../HistorySource.ts';
import { comparePositions } from '../../../../shared/cursor.ts';
import type { SourceMessage } from '../../model/SourceMessage.ts';
import { mapTelegramMessage } from './mapTelegramMessage.ts';
import { TelegramDirectory } from './TelegramDirectory.ts';
import { createRequestScheduler } from '../createRequestScheduler.ts';
import { isTelegramPeer, toInputPeer, type TelegramPeer } from './TelegramPeer.ts';
import { toTelegramError } from './toTelegramError.ts';
import { downloadTelegramFile } from './downloadTelegramFile.ts';
import { mapTelegramMedia } from './mapTelegramMedia.ts';
import { isTelegramFileLocator, type TelegramFileLocator } from './telegramMediaLocator.ts';
import { createTelegramUpdateSequence } from './createTelegramUpdateSequence.ts';
import { watchTelegramUpdates } from './watchTelegramUpdates.ts';
import { listTelegramDialogs } from './listTelegramDialogs.ts';
import { listTelegramDialogPage } from './listTelegramDialogPage.ts';
import { listTelegramTopics } from './listTelegramTopics.ts';
import { searchTelegramGlobally } from './searchTelegramGlobally.ts';
import { secondsInWords, SOURCE_DEADLINE_MS, waitWithDeadline } from '../waitWithDeadline.ts';
import { translator } from '../../i18n/createTranslator.ts';

export interface TelegramSourceOptions {
  id: string;
  clock?: Clock;
  /** Least time between two requests of this account: bulk history is paced, as Telegram's own apps do. */
  pacingMs?: number;
  /** A flood wait still running from before (persisted by the caller): nothing is sent before it. */
  floodWaitUntil?: number | null;
  /** Called with the end of a new flood wait, to persist it. */
  onFloodWait?(until: number): void;
  /** An update could not be read (it is skipped; the next refresh fetches what it said). */
  onWatchError?(error: unknown): void;
  /** Connects the client before its first request (the real network; tests leave it out). */
  connect?(): Promise<void>;
  /**
   * How long connecting, and each request, may take before it fails (SOURCE_UNAVAILABLE, in words); 30 s by
   * default. The next request waits again for the same connection attempt, which GramJS keeps retrying.
   */
  deadlineMs?: number;
  /**
   * Download history inside a takeout (data export) session, which Telegram meters more generously for
   * bulk downloads. Telegram may first ask the user to allow it from another app (TAKEOUT_INIT_DELAY).
   */
  takeout?: boolean;
}

/** Telegram's hard page size for history. */
const MAX_LIMIT = 100;
/** A search of one window reads at most this many pages (10,000 messages) before answering. */
const MAX_SEARCH_PAGES = 100;
/** Pages of nothing but deleted ids (messageEmpty) are skipped over, up to this many in a row. */
const MAX_EMPTY_SKIPS = 20;

interface HistoryResult {
  raw: Api.TypeMessage[];
  messages: SourceMessage[];
  /** `messages.messages`: everything from the offset to the start fits; the end of history. */
  complete: boolean;
  count: number | null;
}

/**
 * A Telegram account as a history source, through a GramJS client the caller built (and, in tests, whose
 * `invoke` a faithful fake replaces). History is paged with explicit messages.getHistory calls — never
 * GramJS's iterators, which stop at short pages — with Telegram's exact offset rules: `offset_id` is
 * exclusive; newer pages use `offset_id` = newest + 1 with a negative `add_offset`; the end is known from
 * the result type or an empty page, never from a short one. One request per account is in flight at a
 * time, paced, and nothing is sent while a flood wait runs.
 */
export function createTelegramSource(client: TelegramClient, options: TelegramSourceOptions): HistorySource {
  const clock = options.clock ?? systemClock;
  const pacingMs = options.pacingMs ?? 0;
  let floodUntil = options.floodWaitUntil ?? 0;
  // One request in flight per account, paced, the window's before a download's (see requestPriority.ts).
  const scheduler = createRequestScheduler({ pacingMs, clock });
  let connected: Promise<void> | null = null;
  const sequence = createTelegramUpdateSequence();
  /** Once Telegram has refused the session (revoked, duplicated), nothing more is sent: log in again. */
  let refused: ScrollbackError | null = null;
  const deadlineMs = options.deadlineMs ?? SOURCE_DEADLINE_MS;

  /** A connection or request that outlived its deadline, or the caller's Cancel, ends at once. */
  function waitFor<R>(work: Promise<R>, what: string, signal: AbortSignal | undefined): Promise<R> {
    return waitWithDeadline(work, {
      deadlineMs,
      signal,
      onTimeout: () =>
        new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.telegram.timeout', { wait: secondsInWords(deadlineMs), what })),
    });
  }

  /** Runs one request when the scheduler gives it its turn; nothing is sent while a flood wait runs. */
  function call<R>(request: Api.AnyRequest, signal?: AbortSignal, dcId?: number): Promise<R> {
    return scheduler.run(async () => {
      signal?.throwIfAborted();
      if (refused) throw refused;
      const now = clock.now();
      if (now < floodUntil) {
        throw new ScrollbackError(
          'RATE_LIMITED',
          translator()('error.telegram.floodResuming', { seconds: Math.ceil((floodUntil - now) / 1000) }),
          {
            retryAfterMs: floodUntil - now,
          },
        );
      }
      try {
        if (options.connect) {
          const attempt = (connected ??= options.connect());
          // A failed attempt is forgotten so the next request connects again; one that is merely slow is
          // kept, and the next request waits for it again.
          attempt.catch(() => {
            if (connected === attempt) connected = null;
          });
          await waitFor(attempt, translator()('telegram.loginStep', { call: 'connecting' }), signal);
        }
        // Files live on a data center of their own; GramJS opens (and reuses) a sender for it.
        return (await waitFor(dcId === undefined ? client.invoke(request) : client.invoke(request, dcId), request.className, signal)) as R;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        const mapped = toTelegramError(error);
        if (mapped.code === 'AUTH_REQUIRED') refused = mapped;
        if (mapped.code === 'RATE_LIMITED' && mapped.retryAfterMs) {
          floodUntil = clock.now() + mapped.retryAfterMs;
          options.onFloodWait?.(floodUntil);
        }
        throw mapped;
      }
    }, signal);
  }

  function peerOf(ref: SourceChatRef): TelegramPeer {
    if (!isTelegramPeer(ref.peer))
      throw new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.telegram.noPeer', { chat: ref.key }));
    return ref.peer;
  }

  let takeoutId: Api.long | null = null;

  /** A history request, inside the takeout session when the account uses one (opened on first use). */
  /** Messages of one chat by id: channels.getMessages for a channel (its own ids), messages.getMessages otherwise. */
  function messagesByIds(peer: TelegramPeer, ids: number[], signal?: AbortSignal): Promise<Api.messages.TypeMessages> {
    const id = ids.map((value) => new Api.InputMessageID({ id: value }));
    return call<Api.messages.TypeMessages>(
      peer.type === 'channel'
        ? new Api.channels.GetMessages({
            channel: new Api.InputChannel({ channelId: bigInt(peer.id), accessHash: bigInt(peer.accessHash) }),
            id,
          })
        : new Api.messages.GetMessages({ id }),
      signal,
    );
  }

  async function historyRequest<R>(request: Api.messages.GetHistory, signal?: AbortSignal): Promise<R> {
    if (!options.takeout) return call<R>(request, signal);
    return callInTakeout<R>(request, signal);
  }

  /** A request inside the account's takeout (data export) session, opened on first use. */
  async function callInTakeout<R>(request: Api.AnyRequest, signal?: AbortSignal): Promise<R> {
    if (takeoutId === null) {
      const takeout = await call<Api.account.Takeout>(
        new Api.account.InitTakeoutSession({ messageUsers: true, messageChats: true, messageMegagroups: true, messageChannels: true }),
        signal,
      );
      takeoutId = takeout.id;
    }
    try {
      return await call<R>(new Api.InvokeWithTakeout({ takeoutId, query: request }), signal);
    } catch (error) {
      // An expired or finished takeout session is opened again on the next request.
      if (error instanceof ScrollbackError && /TAKEOUT_(INVALID|REQUIRED)/.test(error.message)) takeoutId = null;
      throw error;
    }
  }

  async function history(
    ref: SourceChatRef,
    params: { offsetId?: number; offsetDate?: number; addOffset?: number; limit: number },
    signal?: AbortSignal,
  ): Promise<HistoryResult> {
    const result = await historyRequest<Api.messages.TypeMessages>(
      new Api.messages.GetHistory({
        peer: toInputPeer(peerOf(ref)),
        offsetId: params.offsetId ?? 0,
        offsetDate: params.offsetDate ?? 0,
        addOffset: params.addOffset ?? 0,
        limit: Math.min(MAX_LIMIT, params.limit),
        maxId: 0,
        minId: 0,
        hash: bigInt.zero,
      }),
      signal,
    );
    if (result instanceof Api.messages.MessagesNotModified) return { raw: [], messages: [], complete: false, count: result.count };
    // A channel's history says where its update sequence stands: updates after it follow what was fetched.
    if (result instanceof Api.messages.ChannelMessages) sequence.seedChannel(ref.key, result.pts);
    const directory = new TelegramDirectory(result.users, result.chats);
    const messages = result.messages.flatMap((message) => mapTelegramMessage(message, directory) ?? []);
    const complete = result instanceof Api.messages.Messages;
    const count = complete ? null : result.inexact ? null : (result as Api.messages.MessagesSlice).count;
    return { raw: result.messages, messages, complete, count };
  }

  /**
   * A channel's (or supergroup's) ids are its own and start at 1, its first message (the creation or
   * migration notice): a page holding id 1 reaches the oldest, with no empty page to prove it. Private chats
   * and basic groups number from the account's sequence, so there only the result type or an empty page say it.
   */
  function holdsChannelStart(ref: SourceChatRef, result: HistoryResult): boolean {
    return peerOf(ref).type === 'channel' && result.raw.some((message) => message.id === 1);
  }

  /** Pages older (or newer) until one holds a real message: a page of only deleted ids is not the end. */
  async function page(
    ref: SourceChatRef,
    direction: 'older' | 'newer',
    fromId: number,
    limit: number,
    signal?: AbortSignal,
  ): Promise<SourcePage> {
    let offset = fromId;
    for (let skip = 0; skip <= MAX_EMPTY_SKIPS; skip++) {
      const result =
        direction === 'older'
          ? await history(ref, { offsetId: offset, limit }, signal)
          : await history(ref, { offsetId: offset + 1, addOffset: -Math.min(MAX_LIMIT, limit), limit }, signal);
      const messages =
        direction === 'older' ? result.messages.filter((m) => m.sortKey < fromId) : result.messages.filter((m) => m.sortKey > fromId);
      if (result.raw.length === 0)
        return { messages: [], reachedOldest: direction === 'older', reachedNewest: direction === 'newer', totalCount: result.count };
      if (messages.length > 0 || result.complete) {
        return {
          messages,
          reachedOldest: direction === 'older' && (result.complete || holdsChannelStart(ref, result)),
          reachedNewest: direction === 'newer' && result.complete,
          totalCount: result.count,
        };
      }
      const ids = result.raw.map((message) => message.id);
      offset = direction === 'older' ? Math.min(...ids) : Math.max(...ids);
    }
    throw new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.telegram.deletedPages', { count: MAX_EMPTY_SKIPS }));
  }

  /**
   * Matches in a date window: Telegram's messages.search with the words typed (it matches whole words; the
   * engine checks every result against its own substring rules again), or, with no words, the window's
   * history itself. Pages newest first with an exclusive offset_id until the window or the limit is done.
   */
  async function searchWindow(ref: SourceChatRef, request: SourceSearchRequest, signal?: AbortSignal) {
    const words = request.words;
    const found: SourceMessage[] = [];
    let offsetId = 0;
    const maxDate = Math.floor(request.to / 1000) + 1;
    for (let pageIndex = 0; pageIndex < MAX_SEARCH_PAGES; pageIndex++) {
      const result = words
        ? await call<Api.messages.TypeMessages>(
            new Api.messages.Search({
              peer: toInputPeer(peerOf(ref)),
              q: words,
              filter: new Api.InputMessagesFilterEmpty(),
              minDate: request.from > 0 ? Math.floor(request.from / 1000) : 0,
              maxDate: maxDate > 0 ? maxDate : 0,
              offsetId,
              addOffset: 0,
              limit: MAX_LIMIT,
              maxId: 0,
              minId: 0,
              hash: bigInt.zero,
            }),
            signal,
          )
        : await historyRequest<Api.messages.TypeMessages>(
            new Api.messages.GetHistory({
              peer: toInputPeer(peerOf(ref)),
              offsetId,
              offsetDate: offsetId ? 0 : maxDate,
              addOffset: 0,
              limit: MAX_LIMIT,
              maxId: 0,
              minId: 0,
              hash: bigInt.zero,
            }),
            signal,
          );
      if (result instanceof Api.messages.MessagesNotModified || result.messages.length === 0) break;
      const directory = new TelegramDirectory(result.users, result.chats);
      let oldestDate = Number.POSITIVE_INFINITY;
      for (const raw of result.messages) {
        const message = mapTelegramMessage(raw, directory);
        if (!message) continue;
        oldestDate = Math.min(oldestDate, message.date);
        if (message.date >= request.from && message.date <= request.to && request.matches(message)) found.push(message);
      }
      offsetId = Math.min(...result.messages.map((message) => message.id));
      const enoughNewest =
        request.order === 'newest' &&
        found.filter((message) => !request.after || comparePositions(message, request.after) < 0).length >= request.limit;
      if (enoughNewest || oldestDate < request.from || result instanceof Api.messages.Messages) break;
    }
    found.sort((a, b) => (request.order === 'newest' ? comparePositions(b, a) : comparePositions(a, b)));
    const after = request.after;
    const beyond = after
      ? found.filter((message) =>
          request.order === 'newest' ? comparePositions(message, after) < 0 : comparePositions(message, after) > 0,
        )
      : found;
    return beyond.slice(0, request.limit);
  }

  /** Telegram's own count of the words' matches in the whole chat (one search with limit 1; it counts words, not substrings). */
  async function countMatches(ref: SourceChatRef, words: string, signal?: AbortSignal): Promise<number | null> {
    if (words.trim() === '') return null;
    const result = await call<Api.messages.TypeMessages>(
      new Api.messages.Search({
        peer: toInputPeer(peerOf(ref)),
        q: words,
        filter: new Api.InputMessagesFilterEmpty(),
        minDate: 0,
        maxDate: 0,
        offsetId: 0,
        addOffset: 0,
        limit: 1,
        maxId: 0,
        minId: 0,
        hash: bigInt.zero,
      }),
      signal,
    );
    if (result instanceof Api.messages.MessagesNotModified) return null;
    return result instanceof Api.messages.Messages ? result.messages.length : result.count;
  }

  return {
    id: options.id,
    kind: 'telegram',
    searchWindow,
    countMatches,
    async watch(onChange, signal) {
      await watchTelegramUpdates(
        {
          client,
          sequence,
          onChange,
          onError: (error) => options.onWatchError?.(error),
          fetchState: async (stateSignal) => (await call<Api.updates.State>(new Api.updates.GetState(), stateSignal)).pts,
          async fetchMessage(id, messageSignal) {
            const result = await call<Api.messages.TypeMessages>(
              new Api.messages.GetMessages({ id: [new Api.InputMessageID({ id })] }),
              messageSignal,
            );
            if (result instanceof Api.messages.MessagesNotModified) return null;
            const raw = result.messages.find((message) => message.id === id);
            return raw ? mapTelegramMessage(raw, new TelegramDirectory(result.users, result.chats)) : null;
          },
        },
        signal,
      );
      return true;
    },
    /** The oldest page (offset_id 1 with a negative add_offset, as for the chat's beginning): its first date. */
    async firstMessageDate(ref, signal) {
      const first = await history(ref, { offsetId: 1, addOffset: -10, limit: 10 }, signal);
      return first.messages.length === 0 ? null : Math.min(...first.messages.map((message) => message.date));
    },
    /**
     * A one-message history page before each date: its `offset_id_offset` is how many messages come after
     * that message (those dated at or after the date); an empty page means every message does (`count`).
     */
    async countMessagesSince(ref, dates, signal) {
      const counts: Array<number | null> = [];
      for (const date of dates) {
        const result = await historyRequest<Api.messages.TypeMessages>(
          new Api.messages.GetHistory({
            peer: toInputPeer(peerOf(ref)),
            offsetId: 0,
            offsetDate: Math.max(1, Math.ceil(date / 1000)),
            addOffset: 0,
            limit: 1,
            maxId: 0,
            minId: 0,
            hash: bigInt.zero,
          }),
          signal,
        );
        if (!(result instanceof Api.messages.MessagesSlice || result instanceof Api.messages.ChannelMessages)) counts.push(null);
        else if (result.messages.length === 0) counts.push(result.inexact ? null : result.count);
        else counts.push(result.offsetIdOffset ?? null);
      }
      return counts;
    },
    async listChats(signal) {
      return listTelegramDialogs(call, signal);
    },
    listChatPage: (cursor, { includeLeft }, signal) =>
      listTelegramDialogPage({ call, callInTakeout: includeLeft ? callInTakeout : null }, cursor, signal),
    listTopics: (ref, signal) => listTelegramTopics(call, peerOf(ref), signal),
    searchAllChats: (request, signal) => searchTelegramGlobally(call, request, signal),
    async getLatest(ref, limit, signal) {
      const result = await history(ref, { limit }, signal);
      if (result.raw.length > 0 && result.messages.length === 0 && !result.complete) {
        const older = await page(ref, 'older', Math.min(...result.raw.map((m) => m.id)), limit, signal);
        return { ...older, reachedNewest: true };
      }
      return {
        messages: result.messages,
        reachedOldest: result.complete || result.raw.length === 0 || holdsChannelStart(ref, result),
        reachedNewest: true,
        totalCount: result.count ?? (result.complete ? result.messages.length : null),
      };
    },
    async getMessagesByIds(ref, ids, signal) {
      const wanted = ids.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0);
      if (wanted.length === 0) return [];
      const result = await messagesByIds(peerOf(ref), wanted, signal);
      if (result instanceof Api.messages.MessagesNotModified) return [];
      const directory = new TelegramDirectory(result.users, result.chats);
      // An id the chat no longer has comes back as MessageEmpty: left out.
      return result.messages.flatMap((raw) => mapTelegramMessage(raw, directory) ?? []);
    },
    getOlder: (ref, point, limit, signal) => page(ref, 'older', point.sortKey, limit, signal),
    getNewer: (ref, point, limit, signal) => page(ref, 'newer', point.sortKey, limit, signal),
    async downloadMedia(ref, request, sink, options) {
      const peer = peerOf(ref);
      const locator = request.messageId === '' ? request.avatarLocator : request.media?.locator;
      if (!isTelegramFileLocator(locator)) return null;
      const size = request.variant === 'full' && request.media && 'size' in request.media ? (request.media.size ?? null) : null;
      const refetchLocator = async (): Promise<TelegramFileLocator | null> => {
        const result = await messagesByIds(peer, [Number(request.messageId)], options.signal);
        const message = 'messages' in result ? result.messages.find((candidate) => candidate.id === Number(request.messageId)) : undefined;
        const fresh = message instanceof Api.Message ? mapTelegramMedia(message.media) : null;
        if (!fresh || !isTelegramFileLocator(fresh.locator)) return null;
        options.onFreshMedia?.(fresh);
        return fresh.locator;
      };
      const { mimeType } = await downloadTelegramFile(
        { call, clock, refetchLocator },
        { locator, variant: request.variant, peer, size },
        sink,
        options,
      );
      const stated = request.media && 'mimeType' in request.media ? request.media.mimeType : undefined;
      const isThumbnail = request.variant === 'thumb' || request.messageId === '';
      return {
        mimeType:
          (isThumbnail ? mimeType : (stated ?? mimeType)) ??
          (request.media?.kind === 'photo' || isThumbnail ? 'image/jpeg' : 'application/octet-stream'),
      };
    },
    async getAround(ref, target: AroundTarget, limit, signal) {
      const half = Math.floor(Math.min(MAX_LIMIT, limit) / 2);
      let anchorId: number;
      if ('messageId' in target) {
        anchorId = Number(target.messageId);
        if (!Number.isSafeInteger(anchorId))
          throw new ScrollbackError('MESSAGE_NOT_FOUND', translator()('error.telegram.badMessageId', { id: String(target.messageId) }));
      } else {
        // Two calls, as the offsets page advises: the last message before the date, then a window around it.
        const probe = await history(ref, { offsetDate: Math.floor(target.date / 1000), limit: 1 }, signal);
        if (probe.raw.length === 0) {
          const first = await history(ref, { offsetId: 1, addOffset: -Math.min(MAX_LIMIT, limit), limit }, signal);
          return { messages: first.messages, reachedOldest: true, reachedNewest: first.complete, totalCount: first.count };
        }
        anchorId = probe.raw[0]!.id;
      }
      const window = await history(ref, { offsetId: anchorId + 1, addOffset: -half, limit }, signal);
      return { messages: window.messages, reachedOldest: window.complete, reachedNewest: window.complete, totalCount: window.count };
    },
  };
}
