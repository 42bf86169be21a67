import { memo, useCallback, useRef } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { SearchHit } from '../../../../shared/search.ts';
import { formatDateTime } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';
import { VirtualRow } from '../../ui/VirtualRow.tsx';
import { SenderAvatar } from '../history/SenderAvatar.tsx';
import { HighlightedText } from './HighlightedText.tsx';
import { SearchHitMediaLabel, SearchHitThumbnail } from './SearchHitMedia.tsx';

/**
 * The results, virtualized: a list named "Search results", one button per hit, named by its own text (who,
 * when, where, what), with the sender's avatar and the medium's thumbnail as the history draws them.
 */
export function SearchResultList({
  listRef,
  virtualizer,
  hits,
  active,
  showChat,
  empty,
  onOpen,
}: {
  listRef: React.RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  hits: readonly SearchHit[];
  active: number;
  showChat: boolean;
  /** The search is done and found nothing. */
  empty: boolean;
  onOpen(index: number): void;
}) {
  const t = useT();
  // One function for the list's life, so the memoised results do not re-render on every scroll frame.
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const openAt = useCallback((index: number) => openRef.current(index), []);
  return (
    <div ref={listRef} className="search-results" data-testid="search-results">
      <div role="list" aria-label={t('search.results.label')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <VirtualRow key={item.key} item={item} measureElement={virtualizer.measureElement} className="search-result-row" role="listitem">
            <SearchResult hit={hits[item.index]!} index={item.index} active={item.index === active} showChat={showChat} onOpen={openAt} />
          </VirtualRow>
        ))}
      </div>
      {empty && <div className="search-empty">{t('search.results.none')}</div>}
    </div>
  );
}

/** One hit. Memoised: while the results scroll, only hits entering the window render. */
const SearchResult = memo(function SearchResult({
  hit,
  index,
  active,
  showChat,
  onOpen,
}: {
  hit: SearchHit;
  index: number;
  active: boolean;
  showChat: boolean;
  onOpen(index: number): void;
}) {
  const t = useT();
  const sender = hit.message.senderName ?? t('common.unknownSender');
  return (
    <button
      type="button"
      className={`search-result${active ? ' active' : ''}`}
      aria-current={active ? 'true' : undefined}
      data-result-index={index}
      data-message-id={hit.message.id}
      onClick={() => onOpen(index)}
    >
      <SenderAvatar senderId={hit.message.senderId} name={sender} />
      <span className="search-result-body">
        <span className="search-result-meta">
          {showChat && (
            <span className="search-result-chat" dir="auto">
              {hit.chatName} ·{' '}
            </span>
          )}
          {hit.topicTitle && (
            <span className="search-result-topic" dir="auto" data-testid="search-result-topic">
              {hit.topicTitle} ·{' '}
            </span>
          )}
          <span dir="auto">{sender}</span> · {formatDateTime(hit.message.date)}
          {hit.foundAt && (
            <span className="search-result-found" title={t('search.hit.foundAtHint')}>
              {' '}
              · {t('search.hit.foundAt', { source: hit.foundAt })}
            </span>
          )}
        </span>
        <span className="search-result-text">
          {hit.message.text ? (
            <HighlightedText text={hit.message.text} highlights={hit.highlights} />
          ) : (
            <SearchHitMediaLabel message={hit.message} />
          )}
        </span>
      </span>
      <SearchHitThumbnail message={hit.message} />
    </button>
  );
});
