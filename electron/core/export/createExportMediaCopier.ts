import fs from 'node:fs';
import path from 'node:path';
import { safeFileName } from '../../../shared/safeFileName.ts';
import type { ChatMessage, FileMedia, MediaVariant } from '../../../shared/domain.ts';
import { hasMediaFiles } from '../../../shared/domain.ts';
import type { ExportMediaMode } from '../../../shared/exporting.ts';
import type { ReadableDB } from '../cache/CacheDatabase.ts';
import { findStoredMedia } from '../cache/mediaQueries.ts';

/** Where a message's files went, relative to the exported file (Telegram Desktop's `photo`/`file`/`thumbnail`). */
export interface ExportedMediaPaths {
  file?: string;
  thumbnail?: string;
}

export interface ExportMediaCopier {
  /** Copies a message's files beside the export (when on this computer) and says where they are. */
  copy(message: ChatMessage): ExportedMediaPaths;
  /** Bytes of media copied so far. */
  readonly bytes: number;
  /** Removes every file this export copied (it was cancelled or failed). */
  abort(): void;
}

/** Telegram Desktop's folders for each kind of file in an export with media. */
const FOLDERS: Record<FileMedia['kind'] | 'round', string> = {
  photo: 'photos',
  video: 'video_files',
  round: 'round_video_messages',
  gif: 'video_files',
  sticker: 'stickers',
  voice: 'voice_messages',
  audio: 'files',
  file: 'files',
  webpage: 'photos',
};

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'image/gif': '.gif',
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'video/quicktime': '.mov',
  'audio/ogg': '.ogg',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'audio/wav': '.wav',
};

/** "@12-01-2024_10-00-05", as Telegram Desktop stamps exported files (local time). */
function stamp(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `@${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()}_${pad(date.getHours())}-${pad(date.getMinutes())}-${pad(date.getSeconds())}`;
}

/**
 * Copies media from the media store into an export, in Telegram Desktop's layout beside the exported file
 * (`photos/photo_12@12-01-2024_10-00-05.jpg`, `video_files/…`, `voice_messages/…`, thumbnails as
 * `…_thumb.jpg`), so Telegram Desktop's importers and ours read it back. `thumbnails`: the small pictures
 * only. What is not on this computer is left out, and the export says so for that message.
 */
export function createExportMediaCopier(
  db: ReadableDB,
  options: { mediaFolder: string; targetFolder: string; mode: Exclude<ExportMediaMode, 'none'> },
): ExportMediaCopier {
  const written: string[] = [];
  const taken = new Set<string>();
  let bytes = 0;

  const storedPath = (chatId: number, messageId: string, variant: MediaVariant) => {
    const stored = findStoredMedia(db, chatId, messageId, variant);
    if (!stored) return null;
    const file = path.join(options.mediaFolder, stored.sha256.slice(0, 2), stored.sha256);
    return fs.existsSync(file) ? { file, mimeType: stored.mimeType, size: stored.size } : null;
  };

  /** A relative path not used yet in this export ("name (2).ext" after "name.ext"). */
  const claim = (folder: string, name: string): string => {
    const extension = path.extname(name);
    const base = name.slice(0, name.length - extension.length);
    for (let n = 1; ; n++) {
      const candidate = path.posix.join(folder, n === 1 ? name : `${base} (${n})${extension}`);
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };

  const place = (from: string, relative: string, size: number) => {
    const target = path.join(options.targetFolder, ...relative.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(from, target);
    written.push(target);
    bytes += size;
  };

  return {
    get bytes() {
      return bytes;
    },
    copy(message) {
      const media = message.media;
      if (!hasMediaFiles(media)) return {};
      const kind = media.kind === 'video' && media.round ? 'round' : media.kind;
      const folder = FOLDERS[kind];
      const paths: ExportedMediaPaths = {};
      const full = options.mode === 'all' && media.kind !== 'webpage' ? storedPath(message.chatId, message.id, 'full') : null;
      const named =
        media.kind === 'file'
          ? safeFileName(media.fileName)
          : `${kind === 'round' ? 'round' : kind === 'voice' ? 'audio' : kind}_${message.id}${stamp(message.date)}${EXTENSIONS[full?.mimeType ?? media.mimeType ?? ''] ?? ''}`;
      if (full) {
        paths.file = claim(folder, named);
        place(full.file, paths.file, full.size);
      }
      const thumb = storedPath(message.chatId, message.id, 'thumb');
      if (thumb) {
        const extension = path.extname(named);
        paths.thumbnail = claim(folder, `${named.slice(0, named.length - extension.length) || named}_thumb.jpg`);
        place(thumb.file, paths.thumbnail, thumb.size);
      }
      return paths;
    },
    abort() {
      for (const file of written.splice(0)) fs.rmSync(file, { force: true });
    },
  };
}
