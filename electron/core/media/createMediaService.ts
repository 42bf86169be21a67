import { hasMediaFiles, type FileMedia, type MediaVariant } from '../../../shared/domain.ts';
import { ScrollbackError, toErrorData } from '../../../shared/errors.ts';
import type { MediaDownloadStatus } from '../../../shared/ipc/events.ts';
import type { MediaAround } from '../../../shared/ipc/contract.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { getChatRecord, getChatSummary, readChatAvatarLocator, type ChatRecord } from '../cache/chatQueries.ts';
import { CHAT_AVATAR, chatKeepsMedia, isStoredMediaPinned, setChatKeepsMedia, setStoredMediaPinned } from '../cache/mediaQueries.ts';
import { findMessageMedia, selectChatMedia, selectVisualMediaAround, updateMessageMedia } from '../cache/messageQueries.ts';

type ChatMediaLister = (...args: DropFirst<Parameters<typeof selectChatMedia>>) => ReturnType<typeof selectChatMedia>;
type DropFirst<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;
import type { SourceMedia } from '../model/SourceMessage.ts';
import type { HistorySource } from '../sources/HistorySource.ts';
import { asMediaRequest, currentRequestPriority } from '../sources/requestPriority.ts';
import { readFile } from 'node:fs/promises';
import { makeThumbnail } from '../files/imageCodec.ts';
import { servableMimeType } from './servableMimeType.ts';
import type { MediaStore } from './createMediaStore.ts';
import { legacyLocalFile } from './legacyLocalFile.ts';
import { translator } from '../i18n/createTranslator.ts';
import { createSharedFetches } from './createSharedFetches.ts';

/** A file ready to be sent to the window: only ever one the store recorded (or an older import's). */
export interface ServedMediaFile {
  path: string;
  mimeType: string;
  size: number;
}

export interface MediaService {
  /**
   * The thumbnail or whole file of a message, fetched from its source first when not on this computer (the
   * thumbnail of any medium; the whole file of pictures, which the viewer shows at once). Other whole files
   * are fetched by `download`, with progress. Null: the source has no such file.
   */
  fileFor(chatId: number, messageId: string, variant: MediaVariant, signal?: AbortSignal): Promise<ServedMediaFile | null>;
  /** The chat's small photo, fetched once. */
  avatarFor(chatId: number, signal?: AbortSignal): Promise<ServedMediaFile | null>;
  /** Fetches a message's whole file to this computer, pushing progress; resolves when it is stored. */
  download(chatId: number, messageId: string, signal?: AbortSignal): Promise<{ onComputer: boolean }>;
  /** A message's medium with files, as stored (null: none). */
  mediaOfMessage(chatId: number, messageId: string): FileMedia | null;
  /** Removes a message's whole file from this computer (the thumbnail stays). */
  forget(chatId: number, messageId: string): void;
  setPinned(chatId: number, messageId: string, pinned: boolean): void;
  isPinned(chatId: number, messageId: string): boolean;
  setKeepMedia(chatId: number, keep: boolean): void;
  keepsMedia(chatId: number): boolean;
  /** A page of a chat's gallery tab, newest first. */
  listChatMedia: ChatMediaLister;
  /** Visual media of the chat around a message, oldest first, for the viewer's arrows. */
  listAround(chatId: number, messageId: string, limit: number): MediaAround;
  readonly store: MediaStore;
}

export interface MediaServiceDeps {
  db: WritableDB;
  store: MediaStore;
  sourceFor(sourceId: string): HistorySource;
  onStatus(status: MediaDownloadStatus): void;
  /** Told after every stored whole file, so the limit is kept (and what was evicted is said). */
  onEvicted?(count: number, bytes: number): void;
}

/** Pictures whose whole file the viewer shows as soon as it opens (small enough to fetch without asking). */
const PICTURE_KINDS = new Set(['photo', 'sticker']);

/**
 * Media for the window: what the store holds is served at once; what it lacks is fetched from the chat's
 * source as the window's media (after its pages, before background work: see requestPriority.ts) and kept.
 */
export function createMediaService(deps: MediaServiceDeps): MediaService {
  const { db, store } = deps;
  const share = createSharedFetches();

  function served(chatId: number, messageId: string, variant: MediaVariant): ServedMediaFile | null {
    const file = store.open(chatId, messageId, variant);
    return file ? { path: file.path, mimeType: file.mimeType, size: file.size } : null;
  }

  function mediaOf(chatId: number, messageId: string): { media: FileMedia & SourceMedia } | null {
    const found = findMessageMedia(db, chatId, messageId);
    return found && hasMediaFiles(found.media) ? { media: found.media } : null;
  }

  /** Fetches one file of a chat from its source into the store; null when the source has none. */
  async function fetchInto(
    chat: ChatRecord,
    messageId: string,
    media: SourceMedia | null,
    variant: MediaVariant,
    signal: AbortSignal,
    onProgress?: (received: number, total: number | null) => void,
    onWaiting?: (until: number, reason: string) => void,
  ): Promise<ServedMediaFile | null> {
    const source = deps.sourceFor(chat.sourceId);
    if (!source.downloadMedia || source.holdsOnlyTheCache) return null;
    const request = {
      messageId,
      media,
      variant,
      avatarLocator: messageId === CHAT_AVATAR ? (readChatAvatarLocator(db, chat.id) ?? undefined) : undefined,
    };
    const pending = store.begin();
    try {
      const send = async () =>
        source.downloadMedia?.({ key: chat.sourceKey, peer: chat.peer }, request, pending, {
          signal,
          ...(onProgress ? { onProgress } : {}),
          ...(onWaiting ? { onWaiting } : {}),
          onFreshMedia: (fresh) => updateMessageMedia(db, chat.id, messageId, fresh),
        });
      // A backup's files stay background work (after the window's pages and media); the window's are its media.
      const result = await (currentRequestPriority() === 'background' ? send() : asMediaRequest(send));
      if (!result) {
        pending.discard();
        return null;
      }
      const mimeType = servableMimeType(result.mimeType) ?? result.mimeType;
      pending.commit({ chatId: chat.id, messageId, variant, origin: source.kind }, mimeType);
      if (variant === 'full') {
        const { evicted, freedBytes } = store.evictOverLimit();
        if (evicted > 0) deps.onEvicted?.(evicted, freedBytes);
      }
      return served(chat.id, messageId, variant);
    } catch (error) {
      pending.discard();
      throw error;
    }
  }

  /** A thumbnail made here from the whole file (imports, RyzeAPI: sources that send no thumbnail of their own). */
  async function thumbnailFromWholeFile(chatId: number, messageId: string, whole: ServedMediaFile): Promise<ServedMediaFile | null> {
    if (!whole.mimeType.startsWith('image/')) return null;
    const thumbnail = await makeThumbnail(await readFile(whole.path));
    store.put({ chatId, messageId, variant: 'thumb', origin: 'made here' }, thumbnail.bytes, thumbnail.mimeType);
    return served(chatId, messageId, 'thumb');
  }

  const service: MediaService = {
    store,
    async fileFor(chatId, messageId, variant, signal) {
      const stored = served(chatId, messageId, variant);
      if (stored) return stored;
      const found = mediaOf(chatId, messageId);
      if (!found) return null;
      const legacy = legacyLocalFile(found.media);
      if (legacy && variant === 'full') return legacy;
      const { media } = found;
      if (variant === 'full' && !PICTURE_KINDS.has(media.kind)) return null;
      const chat = getChatRecord(db, chatId);
      return share(`${chatId}/${messageId}/${variant}`, signal, async (shared) => {
        if (variant === 'thumb' && media.thumb !== true) {
          // No thumbnail at the source: make one from the whole picture (fetched first when needed).
          if (!PICTURE_KINDS.has(media.kind) && !legacy) return null;
          const whole = legacy ?? served(chatId, messageId, 'full') ?? (await fetchInto(chat, messageId, media, 'full', shared));
          return whole ? thumbnailFromWholeFile(chatId, messageId, whole) : null;
        }
        return fetchInto(chat, messageId, media, variant, shared);
      });
    },
    async avatarFor(chatId, signal) {
      const stored = served(chatId, CHAT_AVATAR, 'thumb');
      if (stored) return stored;
      const chat = getChatRecord(db, chatId);
      if (!getChatSummary(db, chatId).avatar) return null;
      return share(`${chatId}/avatar`, signal, (shared) => fetchInto(chat, CHAT_AVATAR, null, 'thumb', shared));
    },
    async download(chatId, messageId, signal) {
      if (served(chatId, messageId, 'full')) return { onComputer: true };
      const found = mediaOf(chatId, messageId);
      if (!found) throw new ScrollbackError('NOT_FOUND', translator()('error.media.noFile'));
      if (legacyLocalFile(found.media)) return { onComputer: true };
      const chat = getChatRecord(db, chatId);
      const total = found.media.size ?? null;
      let lastSent = 0;
      const status = (state: MediaDownloadStatus['state'], received: number, detail?: string) =>
        deps.onStatus({ chatId, messageId, state, received, total, ...(detail ? { detail } : {}) });
      status('running', 0);
      try {
        const file = await share(`${chatId}/${messageId}/full`, signal, (shared) =>
          fetchInto(
            chat,
            messageId,
            found.media,
            'full',
            shared,
            (received) => {
              const now = Date.now();
              if (now - lastSent < 100) return;
              lastSent = now;
              status('running', received);
            },
            (until, reason) => status('waiting', 0, `${reason} (until ${new Date(until).toLocaleTimeString()})`),
          ),
        );
        if (!file) {
          status('failed', 0, 'The source has no file for this message.');
          throw new ScrollbackError('NOT_FOUND', translator()('error.media.notAtSource'));
        }
        status('done', file.size);
        return { onComputer: true };
      } catch (error) {
        if (signal?.aborted) status('cancelled', 0);
        else if (!(error instanceof ScrollbackError && error.code === 'NOT_FOUND')) status('failed', 0, toErrorData(error).message);
        throw error;
      }
    },
    forget: (chatId, messageId) => store.forget(chatId, messageId),
    mediaOfMessage: (chatId, messageId) => mediaOf(chatId, messageId)?.media ?? null,
    setPinned(chatId, messageId, pinned) {
      if (!setStoredMediaPinned(db, chatId, messageId, pinned) && pinned)
        throw new ScrollbackError('NOT_FOUND', translator()('error.media.downloadFirst'));
    },
    isPinned: (chatId, messageId) => isStoredMediaPinned(db, chatId, messageId),
    setKeepMedia(chatId, keep) {
      if (!setChatKeepsMedia(db, chatId, keep))
        throw new ScrollbackError('CHAT_NOT_FOUND', translator()('error.chat.noSuch', { id: String(chatId) }));
    },
    keepsMedia: (chatId) => chatKeepsMedia(db, chatId),
    listAround: (chatId, messageId, limit) => selectVisualMediaAround(db, chatId, messageId, limit),
    listChatMedia: (chatId, tab, before, limit) => selectChatMedia(db, chatId, tab, before, limit),
  };
  return service;
}
