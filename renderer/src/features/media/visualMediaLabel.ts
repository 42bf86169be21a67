import type { Media } from '../../../../shared/domain.ts';
import type { Translate } from '../../../../shared/i18n/locales.ts';
import { formatDuration } from '../../format/formatDates.ts';

/** What a picture or video is, in words: "Photo", "Round video · 0:42", "Sticker 😀". */
export function visualMediaLabel(media: Extract<Media, { kind: 'photo' | 'video' | 'gif' | 'sticker' }>, t: Translate): string {
  if (media.kind === 'video')
    return t(media.round ? 'media.label.roundVideo' : 'media.label.video', { duration: formatDuration(media.durationS) });
  if (media.kind === 'sticker') return t('media.label.sticker', { emoji: media.emoji ?? '' });
  return t('common.messageKind', { kind: media.kind });
}
