import type { ChatMessage } from '../../../../shared/domain.ts';
import { formatDateTime } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';
import { MediaView } from '../media/MediaView.tsx';
import { messagePartIds } from './messagePartIds.ts';
import { snippetOf } from './messageSnippet.ts';

/** A service message (joined, pinned, renamed…) as one centred line; a pin says what it pinned. */
export function ServiceLine({
  message,
  highlighted,
  selected,
  tabbable,
  replyTo,
  replyUnavailable,
  onReplyClick,
}: {
  message: ChatMessage;
  highlighted: boolean;
  selected: boolean | null;
  tabbable: boolean;
  replyTo: ChatMessage | null;
  replyUnavailable: boolean;
  onReplyClick(messageId: string): void;
}) {
  const deleted = message.deletedAt !== null;
  const pinned = message.service?.action === 'pinMessage' ? message.replyToId : null;
  const ids = messagePartIds(message);
  const t = useT();
  return (
    <div
      className={`service-line${highlighted ? ' highlighted' : ''}${deleted ? ' deleted' : ''}${selected ? ' selected' : ''}`}
      data-message-id={message.id}
      data-selected={selected ?? undefined}
      data-date={new Date(message.date).toISOString()}
      tabIndex={tabbable ? 0 : -1}
      role="article"
      aria-labelledby={`${ids.body} ${ids.when}`}
      aria-describedby={selected ? ids.state : undefined}
    >
      <span id={ids.body} dir="auto">
        {message.text}
      </span>
      <span id={ids.when} className="history-sr-only">
        {formatDateTime(message.date)}
      </span>
      {selected && (
        <span id={ids.state} className="history-sr-only">
          {t('history.state.selected')}
        </span>
      )}
      {message.media && (
        <div className="service-media">
          <MediaView media={message.media} chatId={message.chatId} messageId={message.id} />
        </div>
      )}
      {/* A pin says what it pinned (Telegram keeps the target as the pin's reply). */}
      {pinned && (replyTo || replyUnavailable) && (
        <>
          {': '}
          <button
            type="button"
            className="service-pin-target"
            disabled={!replyTo}
            onClick={() => onReplyClick(pinned)}
            data-testid="pin-target"
            dir="auto"
          >
            {replyTo ? `«${snippetOf(replyTo)}»` : t('history.pin.unavailable')}
          </button>
        </>
      )}
    </div>
  );
}
