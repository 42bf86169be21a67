import { statSync } from 'node:fs';
import type { MediaVariant } from '../../../shared/domain.ts';
import type { StoredMediaFile } from '../cache/mediaQueries.ts';
import { readZipEntry, type ZipEntry } from '../files/readZipEntry.ts';
import type { MediaStore } from '../media/createMediaStore.ts';
import { createMediaResolver } from './resolveMediaBeside.ts';

export interface ImportMediaFiles {
  /** A file the export names, when the export brought it: a reference for `copy`, and its size in bytes. */
  find(name: unknown): { ref: string; size: number } | undefined;
  /** Copies a found file into the media store as one message's file. */
  copy(
    store: MediaStore,
    ref: string,
    link: { chatId: number; messageId: string; variant: MediaVariant; origin: string },
    mimeType: string,
  ): StoredMediaFile;
}

/** No media came with the export (a bare .txt or result.json without its folder). */
export const noImportMediaFiles: ImportMediaFiles = {
  find: () => undefined,
  copy: () => {
    throw new Error('This export brought no media files.');
  },
};

/** Files inside the export's folder (never outside it: see resolveMediaBeside.ts). */
export function folderMediaFiles(folder: string): ImportMediaFiles {
  const resolve = createMediaResolver(folder);
  return {
    find(name) {
      const found = resolve(name);
      return found ? { ref: found, size: statSync(found).size } : undefined;
    },
    copy: (store, ref, link, mimeType) => store.putFile(link, ref, mimeType),
  };
}

/**
 * Entries of a WhatsApp `.zip` that a message names, matched by their name inside the zip and read from it
 * one at a time under the zip's size caps. A name is only ever a key into the zip's own list, never a path
 * on this computer.
 */
export function zipMediaFiles(zipPath: string, entries: readonly ZipEntry[]): ImportMediaFiles {
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    byName.set(entry.name, entry);
    const base = entry.name.split('/').pop()!;
    if (!byName.has(base)) byName.set(base, entry);
  }
  return {
    find(name) {
      const entry = typeof name === 'string' ? byName.get(name) : undefined;
      return entry ? { ref: entry.name, size: entry.size } : undefined;
    },
    copy(store, ref, link, mimeType) {
      const entry = byName.get(ref);
      if (!entry) throw new Error(`The zip has no entry “${ref}”.`);
      return store.put(link, readZipEntry(zipPath, entry), mimeType);
    },
  };
}
