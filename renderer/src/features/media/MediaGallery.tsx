import { useEffect, useMemo, useRef, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChatMessage } from '../../../../shared/domain.ts';
import type { IpcInput } from '../../../../shared/ipc/contract.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatDateTime } from '../../format/formatDates.ts';
import { FileCard } from './FileCard.tsx';
import { mediaUrl } from './mediaUrls.ts';
import { PreviewedImage } from './PreviewedImage.tsx';
import { VoicePlayer } from './VoicePlayer.tsx';
import { queryKeys } from '../../bridge/queryKeys.ts';

type Tab = IpcInput<'listChatMedia'>['tab'];
const TABS: Array<{ tab: Tab; label: string }> = [
  { tab: 'visual', label: 'Photos & videos' },
  { tab: 'files', label: 'Files' },
  { tab: 'links', label: 'Links' },
  { tab: 'voice', label: 'Voice' },
];
const TILE = 116;
const PAGE = 120;

type Row = { kind: 'month'; label: string } | { kind: 'tiles'; items: ChatMessage[] } | { kind: 'item'; item: ChatMessage };

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

/** The rows of a tab: a heading per month, then its photos in rows of `perRow`, or its items one a row. */
function rowsOf(messages: readonly ChatMessage[], grid: boolean, perRow: number): Row[] {
  const rows: Row[] = [];
  let month = '';
  let tiles: ChatMessage[] = [];
  const flush = () => {
    if (tiles.length > 0) rows.push({ kind: 'tiles', items: tiles });
    tiles = [];
  };
  for (const message of messages) {
    const label = monthFormat.format(message.date);
    if (label !== month) {
      flush();
      rows.push({ kind: 'month', label });
      month = label;
    }
    if (!grid) rows.push({ kind: 'item', item: message });
    else {
      tiles.push(message);
      if (tiles.length === perRow) flush();
    }
  }
  flush();
  return rows;
}

function firstLink(message: ChatMessage): string | null {
  if (message.media?.kind === 'webpage') return message.media.url;
  for (const entity of message.entities) {
    if (entity.type === 'textLink' && entity.url) return entity.url;
    if (entity.type === 'link') return message.text.slice(entity.offset, entity.offset + entity.length);
  }
  return null;
}

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
  const [tab, setTab] = useState<Tab>('visual');
  const scroller = useRef<HTMLDivElement | null>(null);
  const query = useInfiniteQuery({
    queryKey: queryKeys.media.gallery(chatId, tab),
    queryFn: ({ pageParam, signal }) => scrollback.listChatMedia({ chatId, tab, cursor: pageParam, limit: PAGE }, { signal }),
    initialPageParam: null as IpcInput<'listChatMedia'>['cursor'],
    getNextPageParam: (last) => last.nextCursor,
  });
  const messages = useMemo(() => query.data?.pages.flatMap((page) => page.messages) ?? [], [query.data]);
  const total = query.data?.pages[0]?.totalOnComputer ?? null;
  const perRow = Math.max(1, Math.floor(((scroller.current?.clientWidth ?? 600) - 16) / (TILE + 4)));
  const rows = useMemo(() => rowsOf(messages, tab === 'visual', perRow), [messages, tab, perRow]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]!.kind === 'month' ? 32 : rows[index]!.kind === 'tiles' ? TILE + 4 : tab === 'links' ? 56 : 52),
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  // Near the end of what is loaded: the next page (an effect, not during render).
  useEffect(() => {
    if (lastIndex >= rows.length - 3 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

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
          {items.map((virtual) => {
            const row = rows[virtual.index]!;
            return (
              <div
                key={virtual.key}
                data-index={virtual.index}
                ref={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${virtual.start}px)` }}
              >
                {row.kind === 'month' ? (
                  <h3 className="gallery-month">{row.label}</h3>
                ) : row.kind === 'tiles' ? (
                  <div className="gallery-tiles">
                    {row.items.map((item) => (
                      <button
                        key={item.id}
                        type="button"
                        className="gallery-tile"
                        onClick={() => onOpen(item.id)}
                        aria-label={`Open ${item.media?.kind ?? 'media'} of ${formatDateTime(item.date)}`}
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
                ) : (
                  <div className="gallery-item" data-message-id={row.item.id}>
                    {row.item.media?.kind === 'file' || row.item.media?.kind === 'audio' ? (
                      <FileCard
                        chatId={chatId}
                        messageId={row.item.id}
                        fileName={row.item.media.kind === 'file' ? row.item.media.fileName : (row.item.media.title ?? 'Audio')}
                        size={row.item.media.size ?? 0}
                        mimeType={row.item.media.mimeType}
                        onComputer={row.item.media.onComputer === true}
                      />
                    ) : row.item.media?.kind === 'voice' ? (
                      <VoicePlayer
                        chatId={chatId}
                        messageId={row.item.id}
                        durationS={row.item.media.durationS}
                        waveform={row.item.media.waveform}
                        size={row.item.media.size}
                        onComputer={row.item.media.onComputer === true}
                        label="voice message"
                      />
                    ) : (
                      <span className="gallery-link" dir="auto">
                        {firstLink(row.item) ?? row.item.text.slice(0, 120)}
                      </span>
                    )}
                    <button type="button" className="link-button" onClick={() => onShowInChat(row.item.id)}>
                      {formatDateTime(row.item.date)} · Show in chat
                    </button>
                  </div>
                )}
              </div>
            );
          })}
        </div>
        {!query.isPending && messages.length === 0 && <p className="gallery-empty">None on this computer.</p>}
      </div>
    </aside>
  );
}
