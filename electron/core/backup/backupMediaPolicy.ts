import { backupMediaTypes, type BackupMediaRule, type BackupMediaType } from '../../../shared/backup.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { SourceMedia } from '../model/SourceMessage.ts';
import { translator } from '../i18n/createTranslator.ts';

/** The stored message kinds each media type of the policy covers. */
const KINDS: Record<BackupMediaType, readonly string[]> = {
  photos: ['photo'],
  videos: ['video'],
  round: ['video'],
  voice: ['voice'],
  stickers: ['sticker'],
  gifs: ['gif'],
  files: ['file', 'audio'],
};

/** The message kinds whose media the policy may want (the query's first cut; `ruleFor` decides). */
export function mediaKindsOf(rules: readonly BackupMediaRule[]): string[] {
  return [...new Set(rules.flatMap((rule) => KINDS[rule.type]))];
}

function typeOf(media: SourceMedia): BackupMediaType | null {
  switch (media.kind) {
    case 'photo':
      return 'photos';
    case 'video':
      return media.round ? 'round' : 'videos';
    case 'voice':
      return 'voice';
    case 'sticker':
      return 'stickers';
    case 'gif':
      return 'gifs';
    case 'file':
    case 'audio':
      return 'files';
    default:
      return null;
  }
}

/** Whether the policy wants this medium's whole file: its type chosen, its size (where known) within the limit. */
export function wantedByPolicy(rules: readonly BackupMediaRule[], media: SourceMedia): boolean {
  const type = typeOf(media);
  const rule = rules.find((candidate) => candidate.type === type);
  if (!rule) return false;
  const size = 'size' in media ? media.size : undefined;
  return rule.maxBytes === null || size === undefined || size <= rule.maxBytes;
}

/** The medium's size as the source says it (0 when it does not). */
export function mediaSizeOf(media: SourceMedia): number {
  return 'size' in media && typeof media.size === 'number' ? media.size : 0;
}

const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/**
 * `--media photos,voice,files:20MB`: each type, optionally with its largest size; `none` for messages only.
 * Types not named are not downloaded.
 */
export function parseMediaPolicy(text: string): BackupMediaRule[] {
  if (text.trim() === 'none') return [];
  return text.split(',').map((part) => {
    const [name = '', limit] = part.trim().split(':');
    const type = backupMediaTypes.find((candidate) => candidate === name.trim().toLowerCase());
    if (!type)
      throw new ScrollbackError('INVALID_INPUT', translator()('error.backup.mediaType', { name, types: backupMediaTypes.join(', ') }));
    if (limit === undefined) return { type, maxBytes: null };
    const match = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?$/i.exec(limit.trim());
    if (!match) throw new ScrollbackError('INVALID_INPUT', translator()('error.backup.sizeLimit', { limit }));
    return { type, maxBytes: Math.round(Number(match[1]) * (UNITS[(match[2] ?? 'B').toUpperCase()] ?? 1)) };
  });
}
