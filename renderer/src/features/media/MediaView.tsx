import type { Media } from '../../../../shared/domain.ts';
import { formatDuration } from '../../format/formatDates.ts';
import { FileCard } from './FileCard.tsx';
import { mediaBox } from './mediaBox.ts';
import { mediaUrl } from './mediaUrls.ts';
import { useOpenMediaViewer } from './mediaViewerContext.ts';
import { PreviewedImage } from './PreviewedImage.tsx';
import { VoicePlayer } from './VoicePlayer.tsx';
import { useT } from '../../i18n/translate.ts';
import { visualMediaLabel } from './visualMediaLabel.ts';

const icons = { poll: '📊', location: '📍', contact: '👤', other: '📎' } as const;

/**
 * A message's media as sent: pictures and videos in a box of their known size (so rows never grow), drawn
 * from the stripped preview at once and the thumbnail when it arrives, opening the viewer; voice and audio
 * playable; files downloadable; link previews as cards.
 */
export function MediaView({ media, chatId, messageId }: { media: Media; chatId: number; messageId: string }) {
  const t = useT();
  const openViewer = useOpenMediaViewer();
  switch (media.kind) {
    case 'photo':
    case 'video':
    case 'gif':
    case 'sticker': {
      const box = mediaBox(media);
      const label = visualMediaLabel(media, t);
      return (
        <button
          type="button"
          className={`media-visual media-${media.kind}${media.kind === 'video' && media.round ? ' media-round' : ''}`}
          style={{ width: box.width, height: box.height }}
          onClick={() => openViewer(messageId)}
          aria-label={t('media.open', { what: label })}
          data-media-kind={media.kind}
        >
          <PreviewedImage
            src={mediaUrl(chatId, messageId, 'thumb')}
            preview={media.preview}
            alt={label}
            width={box.width}
            height={box.height}
            fit={media.kind === 'sticker' ? 'contain' : 'cover'}
          />
          {media.kind === 'sticker' && media.emoji && <span className="media-badge">{media.emoji}</span>}
          {(media.kind === 'video' || media.kind === 'gif') && (
            <span className="media-badge">
              {media.kind === 'gif' ? t('common.messageKind', { kind: 'gif' }) : `▶ ${formatDuration(media.durationS)}`}
            </span>
          )}
        </button>
      );
    }
    case 'voice':
      return (
        <VoicePlayer
          chatId={chatId}
          messageId={messageId}
          durationS={media.durationS}
          waveform={media.waveform}
          size={media.size}
          onComputer={media.onComputer === true}
          label={t('common.mediaKind', { kind: 'voice' })}
        />
      );
    case 'audio':
      return (
        <div className="media-audio">
          <div className="media-line" dir="auto">
            🎵 {media.performer ? `${media.performer} — ` : ''}
            {media.title ?? t('common.messageKind', { kind: 'audio' })}
          </div>
          <VoicePlayer
            chatId={chatId}
            messageId={messageId}
            durationS={media.durationS}
            size={media.size}
            onComputer={media.onComputer === true}
            label={media.title ?? t('common.mediaKind', { kind: 'audio' })}
          />
        </div>
      );
    case 'file':
      return (
        <FileCard
          chatId={chatId}
          messageId={messageId}
          fileName={media.fileName}
          size={media.size}
          mimeType={media.mimeType}
          onComputer={media.onComputer === true}
        />
      );
    case 'webpage':
      return (
        <div className="link-card">
          {media.siteName && <div className="link-site">{media.siteName}</div>}
          <div className="link-title" dir="auto">
            {media.title ?? media.url}
          </div>
          {media.description && (
            <div className="link-description" dir="auto">
              {media.description}
            </div>
          )}
          {media.thumb && (
            <PreviewedImage src={mediaUrl(chatId, messageId, 'thumb')} preview={media.preview} alt="" width={240} height={126} />
          )}
        </div>
      );
    case 'poll':
      return (
        <div className="media-poll">
          <div className="media-poll-question">
            {icons.poll} <span dir="auto">{media.question}</span>
            {media.closed ? ` ${t('media.poll.closed')}` : ''}
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
    case 'other':
      return (
        <div className="media-line">
          {icons.other} {media.label}
        </div>
      );
  }
}
