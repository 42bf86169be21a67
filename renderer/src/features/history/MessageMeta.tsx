import type { ChatMessage } from '../../../../shared/domain.ts';
import { formatDateTime, formatDay, formatTime } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';
import { messagePartIds } from './messagePartIds.ts';

/** Under a message: reactions, signature, deleted mark, edited (with its earlier versions' toggle) and time. */
export function MessageMeta({
  message,
  versionsOpen,
  onToggleVersions,
}: {
  message: ChatMessage;
  versionsOpen: boolean;
  onToggleVersions(): void;
}) {
  const t = useT();
  const iso = new Date(message.date).toISOString();
  return (
    <div className="meta">
      {message.reactions.map((reaction) => (
        <span key={reaction.emoji} className="reaction">
          {reaction.emoji} {reaction.count}
        </span>
      ))}
      {message.signature && (
        <span className="signature" data-testid="signature" dir="auto">
          {message.signature}
        </span>
      )}
      {message.deletedAt !== null && (
        <span className="deleted-mark" data-testid="deleted-mark">
          {t('history.meta.deleted', { since: formatDay(message.deletedAt) })}
        </span>
      )}
      {message.earlierVersions > 0 ? (
        <button
          type="button"
          className="edited"
          aria-expanded={versionsOpen}
          data-testid="show-earlier-versions"
          title={
            message.editDate === null
              ? t('history.meta.editedTitle')
              : t('history.meta.editedAt', { when: formatDateTime(message.editDate) })
          }
          onClick={onToggleVersions}
        >
          {t('history.meta.editedVersions', { count: message.earlierVersions })}
        </button>
      ) : (
        message.editDate !== null && (
          <span className="edited" title={t('history.meta.editedAt', { when: formatDateTime(message.editDate) })}>
            {t('history.meta.edited')}
          </span>
        )
      )}
      <time id={messagePartIds(message).when} dateTime={iso} title={formatDateTime(message.date)}>
        {formatTime(message.date)}
      </time>
    </div>
  );
}
