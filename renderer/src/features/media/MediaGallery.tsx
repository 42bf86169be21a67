import { useState } from 'react';
import { VirtualRow } from '../../ui/VirtualRow.tsx';
import { GalleryRowView } from './GalleryRowView.tsx';
import { useGalleryMedia, type GalleryTab } from './useGalleryMedia.ts';

const TABS: Array<{ tab: GalleryTab; label: string }> = [
  { tab: 'visual', label: 'Photos & videos' },
  { tab: 'files', label: 'Files' },
  { tab: 'links', label: 'Links' },
  { tab: 'voice', label: 'Voice' },
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
  const [tab, setTab] = useState<GalleryTab>('visual');
  const { scroller, query, messages, total, rows, virtualizer } = useGalleryMedia(chatId, tab);
  return (
    <aside className="media-gallery" aria-label="Media of this chat" data-testid="media-gallery">
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
              {entry.label}
            </button>
          ))}
        </div>
        <button type="button" onClick={onClose} aria-label="Close the media gallery">
          ✕
        </button>
      </header>
      <div className="gallery-count" data-testid="gallery-count">
        {total === null ? 'Loading…' : `${total.toLocaleString()} on this computer`}
        {total !== null && ' · download the chat to see all'}
      </div>
      <div className="gallery-scroller" ref={scroller}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((virtual) => (
            <VirtualRow key={virtual.key} item={virtual} measureElement={virtualizer.measureElement} style={ROW_PLACE}>
              <GalleryRowView row={rows[virtual.index]!} chatId={chatId} onOpen={onOpen} onShowInChat={onShowInChat} />
            </VirtualRow>
          ))}
        </div>
        {!query.isPending && messages.length === 0 && <p className="gallery-empty">None on this computer.</p>}
      </div>
    </aside>
  );
}
