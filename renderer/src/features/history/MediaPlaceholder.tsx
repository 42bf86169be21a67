import type { Media } from '../../../../shared/domain.ts';
import { formatBytes, formatDuration } from '../../format/formatDates.ts';

const MAX_WIDTH = 320;
const MAX_HEIGHT = 320;

/** The box a visual medium takes, from its known size, so the row never grows after layout. */
function boxOf(width: number, height: number): { width: number; height: number } {
  if (!(width > 0 && height > 0)) return { width: 240, height: 180 };
  const scale = Math.min(1, MAX_WIDTH / width, MAX_HEIGHT / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

const icons: Record<Media['kind'], string> = {
  photo: '🖼',
  video: '🎬',
  gif: 'GIF',
  sticker: '',
  voice: '🎤',
  audio: '🎵',
  file: '📄',
  poll: '📊',
  location: '📍',
  contact: '👤',
  webpage: '🔗',
  other: '📎',
};

/** Where main serves a media file an import brought (only files an import recorded for that message). */
function localMediaUrl(chatId: number, messageId: string): string {
  return `media/${chatId}/${encodeURIComponent(messageId)}`;
}

/**
 * Media as sent: the file itself when an import brought it (photos, stickers and GIFs drawn, video and
 * audio with controls), else a typed placeholder; either way with its box reserved, so rows never grow.
 */
export function MediaPlaceholder({ media, chatId, messageId }: { media: Media; chatId: number; messageId: string }) {
  const local = 'localFile' in media && media.localFile ? localMediaUrl(chatId, messageId) : null;
  switch (media.kind) {
    case 'photo':
    case 'video':
    case 'gif':
    case 'sticker': {
      const box =
        media.kind === 'sticker' ? boxOf(Math.min(media.width, 160), Math.min(media.height, 160)) : boxOf(media.width, media.height);
      if (local && media.kind === 'video')
        return <video className="media-file" src={local} controls preload="none" style={{ width: box.width, height: box.height }} />;
      if (local)
        return (
          <img
            className="media-file"
            src={local}
            alt={media.kind === 'sticker' ? `Sticker ${media.emoji ?? ''}` : 'Photo'}
            loading="lazy"
            style={{ width: box.width, height: box.height }}
          />
        );
      const label =
        media.kind === 'video'
          ? `Video · ${formatDuration(media.durationS)}`
          : media.kind === 'sticker'
            ? `Sticker ${media.emoji ?? ''}`
            : media.kind === 'gif'
              ? 'GIF'
              : 'Photo';
      return (
        <div className={`media-box media-${media.kind}`} style={{ width: box.width, height: box.height }} role="img" aria-label={label}>
          <span className="media-icon">{media.kind === 'sticker' ? (media.emoji ?? '🙂') : icons[media.kind]}</span>
          <span className="media-label">{label}</span>
        </div>
      );
    }
    case 'voice':
      if (local) return <audio className="media-file" src={local} controls preload="none" aria-label="Voice message" />;
      return (
        <div className="media-line">
          {icons.voice} Voice message · {formatDuration(media.durationS)}
        </div>
      );
    case 'audio':
      return (
        <div className="media-line">
          {icons.audio} {media.performer ? `${media.performer} — ` : ''}
          {media.title ?? 'Audio'} · {formatDuration(media.durationS)}
        </div>
      );
    case 'file':
      if (local && media.mimeType?.startsWith('image/'))
        return <img className="media-file" src={local} alt={media.fileName} loading="lazy" style={boxOf(0, 0)} />;
      if (local && (media.mimeType?.startsWith('audio/') || media.mimeType?.startsWith('video/')))
        return <audio className="media-file" src={local} controls preload="none" aria-label={media.fileName} />;
      return (
        <div className="media-line">
          {icons.file} <span dir="auto">{media.fileName}</span> · {formatBytes(media.size)}
        </div>
      );
    case 'poll':
      return (
        <div className="media-poll">
          <div className="media-poll-question">
            {icons.poll} <span dir="auto">{media.question}</span>
            {media.closed ? ' (closed)' : ''}
          </div>
          <ul>
            {media.options.map((option, i) => (
              <li key={i} dir="auto">
                {option}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'location':
      return (
        <div className="media-line">
          {icons.location} {media.title ? `${media.title} · ` : ''}
          {media.latitude.toFixed(4)}, {media.longitude.toFixed(4)}
        </div>
      );
    case 'contact':
      return (
        <div className="media-line">
          {icons.contact} {media.name} · {media.phone}
        </div>
      );
    case 'webpage':
      return (
        <div className="media-line">
          {icons.webpage} {media.title ?? media.url}
        </div>
      );
    case 'other':
      return (
        <div className="media-line">
          {icons.other} {media.label}
        </div>
      );
  }
}
