import { useState } from 'react';
import { VirtualRow } from '../../ui/VirtualRow.tsx';
import { GalleryRowView } from './GalleryRowView.tsx';
import { useGalleryMedia, type GalleryTab } from './useGalleryMedia.ts';
import { useT } from '../../i18n/translate.ts';
import type { MessageId } from '../../../../shared/i18n/locales.ts';

const TABS: Array<{ tab: GalleryTab; label: MessageId }> = [
  { tab: 'visual', label: 'media.gallery.visual' },
  { tab: 'files', label: 'media.gallery.files' },
  { tab: 'links', label: 'media.gallery.links' },
  { tab: 'voice', label: 'media.gallery.voice' },
];
/** Gallery rows carry no class of their own: placed here. */
const ROW_PLACE = { position: 'absolute', top: 0, left: 0, right: 0 } as const;

/**
 * A chat's media by kind — photos and videos in a grid by month, files, links, voice messages — virtualized,
 * paged from this computer's cache; a photo opens in the viewer, anything opens in context in the chat.
 */
export function MediaGallery({
  chatId,
  onOpen,
  onShowInChat,
  onClose,
}: {
  chatId: number;
  onOpen(messageId: string): void;
  onShowInChat(messageId: string): void;
  onClose(): void;
}) {
  const t = useT();
  const [tab, setTab] = useState<GalleryTab>('visual');
  const { scroller, query, messages, total, rows, virtualizer } = useGalleryMedia(chatId, tab);
  return (
    <aside className="media-gallery" aria-label={t('media.gallery.label')} data-testid="media-gallery">
      <header className="gallery-header">
        <div role="tablist" className="gallery-tabs">
          {TABS.map((entry) => (
            <button
              key={entry.tab}
              type="button"
              role="tab"
              aria-selected={entry.tab === tab}
              onClick={() => setTab(entry.tab)}
              data-testid={`gallery-tab-${entry.tab}`}
            >
              {t(entry.label)}
            </button>
          ))}
        </div>
        <button type="button" onClick={onClose} aria-label={t('media.gallery.close')}>
          ✕
        </button>
      </header>
      <div className="gallery-count" data-testid="gallery-count">
        {total === null ? t('common.loading') : t('media.gallery.count', { count: total })}
      </div>
      <div className="gallery-scroller" ref={scroller}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((virtual) => (
            <VirtualRow key={virtual.key} item={virtual} measureElement={virtualizer.measureElement} style={ROW_PLACE}>
              <GalleryRowView row={rows[virtual.index]!} chatId={chatId} onOpen={onOpen} onShowInChat={onShowInChat} />
            </VirtualRow>
          ))}
        </div>
        {!query.isPending && messages.length === 0 && <p className="gallery-empty">{t('media.gallery.none')}</p>}
      </div>
    </aside>
  );
}
