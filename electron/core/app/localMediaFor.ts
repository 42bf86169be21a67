import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import type { ReadableDB } from '../cache/CacheDatabase.ts';
import { findMessageMedia } from '../cache/messageQueries.ts';

/** Kinds the window draws inline; anything else is never served. */
const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
};

/**
 * The file behind `media/<chatId>/<messageId>`: only a file an import recorded for that message, still on
 * disk, of a kind the window shows. The window never names a path; it names a message.
 */
export function localMediaFor(db: ReadableDB, pathname: string): { path: string; contentType: string } | null {
  const match = /^\/media\/(\d{1,12})\/([^/]{1,200})$/.exec(pathname);
  if (!match) return null;
  let messageId: string;
  try {
    messageId = decodeURIComponent(match[2]!);
  } catch {
    return null;
  }
  const media = findMessageMedia(db, Number(match[1]), messageId);
  if (!media) return null;
  const file = 'localFile' in media ? media.localFile : undefined;
  if (!file) return null;
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()];
  return contentType && existsSync(file) ? { path: file, contentType } : null;
}
