import type { ChatMessage } from '../../../../shared/domain.ts';
import { formatDateTime } from '../../format/formatDates.ts';
import { FileCard } from './FileCard.tsx';
import { firstLink, GALLERY_TILE, type GalleryRow } from './galleryRows.ts';
import { mediaUrl } from './mediaUrls.ts';
import { PreviewedImage } from './PreviewedImage.tsx';
import { VoicePlayer } from './VoicePlayer.tsx';
import { useT } from '../../i18n/translate.ts';

const TILE = GALLERY_TILE;

/** One row of the gallery: a month's heading, a row of photo tiles, or one file, link or voice message. */
export function GalleryRowView({
  row,
  chatId,
  onOpen,
  onShowInChat,
}: {
  row: GalleryRow;
  chatId: number;
  onOpen(messageId: string): void;
  onShowInChat(messageId: string): void;
}) {
  if (row.kind === 'month') return <h3 className="gallery-month">{row.label}</h3>;
  if (row.kind === 'tiles') return <GalleryTiles items={row.items} chatId={chatId} onOpen={onOpen} />;
  return <GalleryItem item={row.item} chatId={chatId} onShowInChat={onShowInChat} />;
}

function GalleryTiles({ items, chatId, onOpen }: { items: ChatMessage[]; chatId: number; onOpen(messageId: string): void }) {
  const t = useT();
  return (
    <div className="gallery-tiles">
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          className="gallery-tile"
          onClick={() => onOpen(item.id)}
          aria-label={t('media.gallery.open', { kind: item.media?.kind ?? 'other', date: formatDateTime(item.date) })}
          data-message-id={item.id}
        >
          <PreviewedImage
            src={mediaUrl(chatId, item.id, 'thumb')}
            preview={item.media && 'preview' in item.media ? item.media.preview : undefined}
            alt=""
            width={TILE}
            height={TILE}
          />
          {item.media?.kind === 'video' && <span className="media-badge">▶</span>}
        </button>
      ))}
    </div>
  );
}

function GalleryItem({ item, chatId, onShowInChat }: { item: ChatMessage; chatId: number; onShowInChat(messageId: string): void }) {
  const t = useT();
  return (
    <div className="gallery-item" data-message-id={item.id}>
      {item.media?.kind === 'file' || item.media?.kind === 'audio' ? (
        <FileCard
          chatId={chatId}
          messageId={item.id}
          fileName={item.media.kind === 'file' ? item.media.fileName : (item.media.title ?? t('common.messageKind', { kind: 'audio' }))}
          size={item.media.size ?? 0}
          mimeType={item.media.mimeType}
          onComputer={item.media.onComputer === true}
        />
      ) : item.media?.kind === 'voice' ? (
        <VoicePlayer
          chatId={chatId}
          messageId={item.id}
          durationS={item.media.durationS}
          waveform={item.media.waveform}
          size={item.media.size}
          onComputer={item.media.onComputer === true}
          label={t('common.mediaKind', { kind: 'voice' })}
        />
      ) : (
        <span className="gallery-link" dir="auto">
          {firstLink(item) ?? item.text.slice(0, 120)}
        </span>
      )}
      <button type="button" className="link-button" onClick={() => onShowInChat(item.id)}>
        {t('media.gallery.showInChat', { date: formatDateTime(item.date) })}
      </button>
    </div>
  );
}
