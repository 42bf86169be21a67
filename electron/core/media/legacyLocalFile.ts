import { existsSync, statSync } from 'node:fs';
import type { Media } from '../../../shared/domain.ts';
import { mimeTypeOfName, servableMimeType } from './servableMimeType.ts';

/**
 * A file an import of an earlier version referenced where it lay (before the media store), when it is
 * still there and of a kind the window may render.
 */
export function legacyLocalFile(media: Media): { path: string; mimeType: string; size: number } | null {
  const file = 'localFile' in media ? media.localFile : undefined;
  if (!file) return null;
  const mimeType = servableMimeType(mimeTypeOfName(file));
  if (!mimeType || !existsSync(file)) return null;
  return { path: file, mimeType, size: statSync(file).size };
}
