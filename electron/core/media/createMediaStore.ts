import { createHash, randomUUID, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MediaVariant } from '../../../shared/domain.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import {
  findStoredMedia,
  listEvictableMedia,
  listStoredMediaHashes,
  measureMediaStore,
  readAppSetting,
  recordStoredMedia,
  removeMediaFileIfUnlinked,
  removeUnlinkedMediaFiles,
  touchStoredMedia,
  unlinkStoredMedia,
  writeAppSetting,
  type StoredMediaFile,
} from '../cache/mediaQueries.ts';

/** Whole files kept on this computer before the least recently viewed go: a few GB, as the issue asks. */
export const DEFAULT_MEDIA_LIMIT_BYTES = 4 * 1024 ** 3;
const LIMIT_SETTING = 'media.fullFilesLimitBytes';

/** Where a download's bytes go, in order: hashed as they come, to a temporary file in the store's folder. */
export interface MediaSink {
  write(chunk: Uint8Array): Promise<void>;
  readonly received: number;
}

/** A sink that becomes a stored file once `commit` is called, or nothing at all. */
export interface PendingMediaFile extends MediaSink {
  /** Renames the bytes to their content address and records them for the message. */
  commit(link: { chatId: number; messageId: string; variant: MediaVariant; origin: string }, mimeType: string): StoredMediaFile;
  /** Deletes what was written (a failed or cancelled download). */
  discard(): void;
}

export interface MediaStore {
  readonly folder: string;
  /** The stored file of a message, marked as just viewed, with its path; null when not on this computer. */
  open(chatId: number, messageId: string, variant: MediaVariant): (StoredMediaFile & { path: string }) | null;
  /** A new file being written (a download, an import's attachment). */
  begin(): PendingMediaFile;
  /** Copies a file (an import's attachment) into the store, hashing it as it goes, without reading it whole. */
  putFile(
    link: { chatId: number; messageId: string; variant: MediaVariant; origin: string },
    filePath: string,
    mimeType: string,
  ): StoredMediaFile;
  /** Stores bytes already in memory (a generated thumbnail, a zip entry). */
  put(
    link: { chatId: number; messageId: string; variant: MediaVariant; origin: string },
    bytes: Uint8Array,
    mimeType: string,
  ): StoredMediaFile;
  pathOf(sha256: string): string;
  limitBytes(): number;
  setLimitBytes(bytes: number): void;
  usage(): { fullBytes: number; thumbBytes: number; files: number };
  /** Whole files beyond the limit go, least recently viewed first (never pinned ones or "keep media" chats). */
  evictOverLimit(): { evicted: number; freedBytes: number };
  /** Removes one message's whole file from this computer (its thumbnail stays). */
  forget(chatId: number, messageId: string): void;
  /** Deletes files nothing links to any more (after a chat or source was removed), and leftovers of crashes. */
  sweep(): { deleted: number };
}

/**
 * The media store: files under `<folder>/<aa>/<sha256>` (named by their content, so one photo sent to ten
 * chats is one file), recorded in the cache. Bytes are written to `<folder>/incoming/` first and renamed into
 * place whole, so a crash never leaves a half file under a content name; the sweep removes leftovers.
 */
export function createMediaStore(db: WritableDB, folder: string, clock: { now(): number } = Date): MediaStore {
  const incoming = path.join(folder, 'incoming');
  const pathOf = (sha256: string) => path.join(folder, sha256.slice(0, 2), sha256);

  function placeFile(temporary: string, sha256: string): void {
    const target = pathOf(sha256);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (fs.existsSync(target)) fs.rmSync(temporary, { force: true });
    else fs.renameSync(temporary, target);
  }

  function deleteFiles(hashes: readonly string[]): void {
    for (const sha256 of hashes) fs.rmSync(pathOf(sha256), { force: true });
  }

  const store: MediaStore = {
    folder,
    pathOf,
    open(chatId, messageId, variant) {
      const file = findStoredMedia(db, chatId, messageId, variant);
      if (!file) return null;
      const filePath = pathOf(file.sha256);
      if (!fs.existsSync(filePath)) {
        // Deleted behind our back: forget the record, so it is fetched again rather than served as missing.
        unlinkStoredMedia(db, chatId, messageId, variant);
        removeUnlinkedMediaFiles(db);
        return null;
      }
      touchStoredMedia(db, chatId, messageId, variant, clock.now());
      return { ...file, path: filePath };
    },
    begin() {
      fs.mkdirSync(incoming, { recursive: true });
      const temporary = path.join(incoming, randomUUID());
      const handle = fs.openSync(temporary, 'wx');
      const hash: Hash = createHash('sha256');
      let received = 0;
      let open = true;
      const close = () => {
        if (open) fs.closeSync(handle);
        open = false;
      };
      return {
        get received() {
          return received;
        },
        async write(chunk) {
          if (!open) throw new Error('This download was already finished.');
          hash.update(chunk);
          received += chunk.length;
          // A chunk is at most 1 MB into the page cache: a fraction of a millisecond, not worth a thread hop.
          let written = 0;
          while (written < chunk.length) written += fs.writeSync(handle, chunk, written);
        },
        commit(link, mimeType) {
          close();
          const file = { sha256: hash.digest('hex'), size: received, mimeType };
          placeFile(temporary, file.sha256);
          recordStoredMedia(db, { ...link, now: clock.now() }, file);
          return file;
        },
        discard() {
          close();
          fs.rmSync(temporary, { force: true });
        },
      };
    },
    putFile(link, filePath, mimeType) {
      fs.mkdirSync(incoming, { recursive: true });
      const temporary = path.join(incoming, randomUUID());
      const hash = createHash('sha256');
      const input = fs.openSync(filePath, 'r');
      const output = fs.openSync(temporary, 'wx');
      const buffer = Buffer.alloc(1024 * 1024);
      let size = 0;
      try {
        for (;;) {
          const read = fs.readSync(input, buffer, 0, buffer.length, null);
          if (read === 0) break;
          hash.update(buffer.subarray(0, read));
          let written = 0;
          while (written < read) written += fs.writeSync(output, buffer, written, read - written);
          size += read;
        }
      } catch (error) {
        fs.closeSync(output);
        fs.rmSync(temporary, { force: true });
        throw error;
      } finally {
        fs.closeSync(input);
      }
      fs.closeSync(output);
      const file = { sha256: hash.digest('hex'), size, mimeType };
      placeFile(temporary, file.sha256);
      recordStoredMedia(db, { ...link, now: clock.now() }, file);
      return file;
    },
    put(link, bytes, mimeType) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (!fs.existsSync(target)) {
        fs.mkdirSync(incoming, { recursive: true });
        const temporary = path.join(incoming, randomUUID());
        fs.writeFileSync(temporary, bytes, { flag: 'wx' });
        placeFile(temporary, sha256);
      }
      const file = { sha256, size: bytes.length, mimeType };
      recordStoredMedia(db, { ...link, now: clock.now() }, file);
      return file;
    },
    limitBytes() {
      const value = readAppSetting(db, LIMIT_SETTING);
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_MEDIA_LIMIT_BYTES;
    },
    setLimitBytes(bytes) {
      writeAppSetting(db, LIMIT_SETTING, Math.max(0, Math.floor(bytes)));
    },
    usage: () => measureMediaStore(db),
    evictOverLimit() {
      const limit = store.limitBytes();
      let { fullBytes } = measureMediaStore(db);
      let evicted = 0;
      let freedBytes = 0;
      while (fullBytes > limit) {
        const batch = listEvictableMedia(db, 64);
        if (batch.length === 0) break;
        for (const item of batch) {
          if (fullBytes <= limit) break;
          unlinkStoredMedia(db, item.chatId, item.messageId, 'full');
          evicted++;
          // Only this file can have lost its last link: no scan of the whole store per eviction.
          if (removeMediaFileIfUnlinked(db, item.sha256)) {
            deleteFiles([item.sha256]);
            fullBytes -= item.size;
            freedBytes += item.size;
          }
        }
      }
      return { evicted, freedBytes };
    },
    forget(chatId, messageId) {
      const file = findStoredMedia(db, chatId, messageId, 'full');
      if (!file) return;
      unlinkStoredMedia(db, chatId, messageId, 'full');
      if (removeMediaFileIfUnlinked(db, file.sha256)) deleteFiles([file.sha256]);
    },
    sweep() {
      const orphans = removeUnlinkedMediaFiles(db);
      deleteFiles(orphans);
      let deleted = orphans.length;
      fs.rmSync(incoming, { recursive: true, force: true });
      const recorded = listStoredMediaHashes(db);
      if (!fs.existsSync(folder)) return { deleted };
      for (const shard of fs.readdirSync(folder)) {
        if (!/^[0-9a-f]{2}$/.test(shard)) continue;
        for (const name of fs.readdirSync(path.join(folder, shard))) {
          if (recorded.has(name)) continue;
          fs.rmSync(path.join(folder, shard, name), { force: true });
          deleted++;
        }
      }
      return { deleted };
    },
  };
  return store;
}
