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

/** A typed placeholder for media: Scrollback shows what was sent, with its box reserved. */
export function MediaPlaceholder({ media }: { media: Media }) {
  switch (media.kind) {
    case 'photo':
    case 'video':
    case 'gif':
    case 'sticker': {
      const box = media.kind === 'sticker' ? boxOf(Math.min(media.width, 160), Math.min(media.height, 160)) : boxOf(media.width, media.height);
      const label =
        media.kind === 'video' ? `Video · ${formatDuration(media.durationS)}` : media.kind === 'sticker' ? `Sticker ${media.emoji ?? ''}` : media.kind === 'gif' ? 'GIF' : 'Photo';
      return (
        <div className={`media-box media-${media.kind}`} style={{ width: box.width, height: box.height }} role="img" aria-label={label}>
          <span className="media-icon">{media.kind === 'sticker' ? (media.emoji ?? '🙂') : icons[media.kind]}</span>
          <span className="media-label">{label}</span>
        </div>
      );
    }
    case 'voice':
      return <div className="media-line">{icons.voice} Voice message · {formatDuration(media.durationS)}</div>;
    case 'audio':
      return <div className="media-line">{icons.audio} {media.performer ? `${media.performer} — ` : ''}{media.title ?? 'Audio'} · {formatDuration(media.durationS)}</div>;
    case 'file':
      return <div className="media-line">{icons.file} <span dir="auto">{media.fileName}</span> · {formatBytes(media.size)}</div>;
    case 'poll':
      return (
        <div className="media-poll">
          <div className="media-poll-question">{icons.poll} <span dir="auto">{media.question}</span>{media.closed ? ' (closed)' : ''}</div>
          <ul>
            {media.options.map((option, i) => (
              <li key={i} dir="auto">{option}</li>
            ))}
          </ul>
        </div>
      );
    case 'location':
      return <div className="media-line">{icons.location} {media.title ? `${media.title} · ` : ''}{media.latitude.toFixed(4)}, {media.longitude.toFixed(4)}</div>;
    case 'contact':
      return <div className="media-line">{icons.contact} {media.name} · {media.phone}</div>;
    case 'webpage':
      return <div className="media-line">{icons.webpage} {media.title ?? media.url}</div>;
    case 'other':
      return <div className="media-line">{icons.other} {media.label}</div>;
  }
}
