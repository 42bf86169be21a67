import type { ChatMessage, Media } from '../../../../shared/domain.ts';
import type { Translate } from '../../../../shared/i18n/locales.ts';
import { formatDuration } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';
import { PreviewedImage } from '../media/PreviewedImage.tsx';
import { mediaUrl } from '../media/mediaUrls.ts';

const THUMB = 44;

/**
 * What a hit's medium looks like, beside its text: the thumbnail (the stripped preview at once, the small
 * picture when it is here or fetched) for pictures, videos and link previews, the same pieces as the history.
 * Null for a message without a picture.
 */
export function SearchHitThumbnail({ message }: { message: ChatMessage }) {
  const t = useT();
  const media = message.media;
  if (!media || !('preview' in media || 'thumb' in media)) return null;
  if (media.kind !== 'photo' && media.kind !== 'video' && media.kind !== 'gif' && media.kind !== 'sticker' && media.kind !== 'webpage')
    return null;
  if (!media.preview && !media.thumb) return null;
  return (
    <span className="search-hit-thumb" data-testid="search-hit-thumb">
      <PreviewedImage
        src={media.thumb ? mediaUrl(message.chatId, message.id, 'thumb') : null}
        preview={media.preview}
        alt={t('common.messageKind', { kind: media.kind })}
        width={THUMB}
        height={THUMB}
      />
      {(media.kind === 'video' || media.kind === 'gif') && (
        <span className="search-hit-play" aria-hidden="true">
          ▶
        </span>
      )}
    </span>
  );
}

/** A hit without text says what it holds, as the history would show it: "Photo", "Voice message, 0:07", a file's name. */
export function SearchHitMediaLabel({ message }: { message: ChatMessage }) {
  const t = useT();
  const media = message.media;
  return (
    <span className="search-hit-media" dir="auto">
      {media ? mediaLabel(media, t) : t('common.messageKind', { kind: 'other' })}
    </span>
  );
}

function mediaLabel(media: Media, t: Translate): string {
  switch (media.kind) {
    case 'video':
    case 'voice':
    case 'audio':
      return t('search.hit.timed', { kind: media.kind, duration: formatDuration(media.durationS) });
    case 'file':
      return media.fileName;
    case 'poll':
      return t('search.hit.poll', { question: media.question });
    case 'contact':
      return t('search.hit.contact', { name: media.name });
    case 'location':
      return media.title ?? t('common.messageKind', { kind: 'location' });
    case 'other':
      return media.label;
    default:
      return t('common.messageKind', { kind: media.kind });
  }
}
