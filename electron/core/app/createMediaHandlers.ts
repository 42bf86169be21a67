import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { safeFileName } from '../../../shared/safeFileName.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { decodeCursor, encodeCursor } from '../../../shared/cursor.ts';
import type { IpcHandlers, MediaSettings, MediaState } from '../../../shared/ipc/contract.ts';
import type { ScrollbackCore } from './openScrollbackCore.ts';
import { translator } from '../i18n/createTranslator.ts';

type MediaHandlers = Pick<
  IpcHandlers,
  | 'downloadMedia'
  | 'getMediaState'
  | 'removeMediaFile'
  | 'setMediaPinned'
  | 'setChatKeepMedia'
  | 'getMediaSettings'
  | 'setMediaLimit'
  | 'listMediaAround'
  | 'showMediaFile'
  | 'listChatMedia'
>;

/** History pages the viewer may fetch on each side to find its neighbours (media are rare in some chats). */
const MAX_PAGES_PER_SIDE = 3;

function extensionOf(mimeType: string): string {
  const sub = mimeType.split('/')[1] ?? '';
  return /^[a-z0-9]{1,5}$/.test(sub) ? `.${sub === 'jpeg' ? 'jpg' : sub}` : '';
}

/** The media IPC methods: downloads the window asked for, what is kept, and the store's limit. */
export function createMediaHandlers(core: ScrollbackCore, platform: { showInFolder(path: string): void }): MediaHandlers {
  const { media } = core;
  const state = (chatId: number, messageId: string): MediaState => ({
    onComputer: media.store.open(chatId, messageId, 'full') !== null,
    pinned: media.isPinned(chatId, messageId),
  });
  const settings = (): MediaSettings => ({ limitBytes: media.store.limitBytes(), ...media.store.usage() });
  return {
    downloadMedia: async ({ chatId, messageId }, signal) => {
      core.getChat(chatId);
      await media.download(chatId, messageId, signal);
      return state(chatId, messageId);
    },
    getMediaState: ({ chatId, messageId }) => state(chatId, messageId),
    removeMediaFile: ({ chatId, messageId }) => {
      media.forget(chatId, messageId);
      return state(chatId, messageId);
    },
    setMediaPinned: ({ chatId, messageId, pinned }) => {
      media.setPinned(chatId, messageId, pinned);
      return state(chatId, messageId);
    },
    setChatKeepMedia: ({ chatId, keep }) => {
      media.setKeepMedia(chatId, keep);
      core.events.emit({ kind: 'chatsListed' });
    },
    getMediaSettings: () => settings(),
    setMediaLimit: ({ limitBytes }) => {
      media.store.setLimitBytes(limitBytes);
      media.store.evictOverLimit();
      return settings();
    },
    listMediaAround: async ({ chatId, messageId, limit }, signal) => {
      // The viewer steps past what the cache holds: older (newer) history is fetched, as scrolling would.
      let around = media.listAround(chatId, messageId, limit);
      for (const direction of ['before', 'after'] as const) {
        for (let page = 0; page < MAX_PAGES_PER_SIDE && around[direction].length < limit; page++) {
          const edge = direction === 'before' ? (around.before[0] ?? around.current) : (around.after.at(-1) ?? around.current);
          const position = edge ? core.findMessagePosition(chatId, edge.id) : null;
          if (!position) break;
          const fetched = await core.history.getHistoryPage(
            { chatId, anchor: { kind: direction, cursor: encodeCursor(position) }, limit: 100 },
            signal,
          );
          around = media.listAround(chatId, messageId, limit);
          if (fetched.messages.length === 0 || (direction === 'before' ? fetched.reachedOldest : fetched.reachedNewest)) break;
        }
      }
      return around;
    },
    listChatMedia: ({ chatId, tab, cursor, limit }) => {
      core.getChat(chatId);
      const before = cursor ? decodeCursor(cursor) : null;
      const page = media.listChatMedia(chatId, tab, before, limit + 1);
      const shown = page.messages.slice(0, limit);
      const last = shown.at(-1);
      return {
        messages: shown.map((stored) => stored.message),
        nextCursor: page.messages.length > limit && last ? encodeCursor(last.position) : null,
        totalOnComputer: page.total,
      };
    },
    showMediaFile: async ({ chatId, messageId }) => {
      const file = media.store.open(chatId, messageId, 'full');
      if (!file) throw new ScrollbackError('NOT_FOUND', translator()('error.media.notDownloaded'));
      const found = media.mediaOfMessage(chatId, messageId);
      const name = found?.kind === 'file' ? found.fileName : `${chatId}-${messageId}${extensionOf(file.mimeType)}`;
      const folder = path.join(os.homedir(), 'Downloads', 'Scrollback');
      fs.mkdirSync(folder, { recursive: true });
      const target = path.join(folder, safeFileName(name));
      if (!fs.existsSync(target) || fs.statSync(target).size !== file.size) await fs.promises.copyFile(file.path, target);
      platform.showInFolder(target);
    },
  };
}
