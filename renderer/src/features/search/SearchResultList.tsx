import type { Virtualizer } from '@tanstack/react-virtual';
import type { SearchHit } from '../../../../shared/search.ts';
import { formatDateTime } from '../../format/formatDates.ts';
import { VirtualRow } from '../../ui/VirtualRow.tsx';
import { HighlightedText } from './HighlightedText.tsx';

/** The results, virtualized: one button per hit (its chat in an all-chats search, topic, sender, date, text). */
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
  return (
    <div ref={listRef} className="search-results" role="list" aria-label="Search results" data-testid="search-results">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <VirtualRow key={item.key} item={item} measureElement={virtualizer.measureElement} className="search-result-row" role="listitem">
            <SearchResult hit={hits[item.index]!} index={item.index} active={item.index === active} showChat={showChat} onOpen={onOpen} />
          </VirtualRow>
        ))}
      </div>
      {empty && <div className="search-empty">No messages match.</div>}
    </div>
  );
}

function SearchResult({
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
  return (
    <button
      type="button"
      className={`search-result${active ? ' active' : ''}`}
      data-result-index={index}
      data-message-id={hit.message.id}
      onClick={() => onOpen(index)}
    >
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
        <span dir="auto">{hit.message.senderName ?? 'Unknown'}</span> · {formatDateTime(hit.message.date)}
        {hit.foundAt && (
          <span className="search-result-found" title="Not on this computer before this search; kept here now">
            {' '}
            · found at {hit.foundAt}
          </span>
        )}
      </span>
      <span className="search-result-text">
        {hit.message.text ? (
          <HighlightedText text={hit.message.text} highlights={hit.highlights} />
        ) : (
          <em>{hit.message.media?.kind ?? 'message'}</em>
        )}
      </span>
    </button>
  );
}
