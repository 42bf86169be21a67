import type { ChatMessage } from '../../../../shared/domain.ts';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../../i18n/translate.ts';
import { snippetOf } from './messageSnippet.ts';

/**
 * The quoted message a reply answers. Always the same two lines, loaded or not: a row must never change
 * height when another page arrives, or the rows below it would jump. Named by its content (who and what,
 * "Reply to Ana Costa: see you at 8"), so what is seen is what is read.
 */
export function ReplyQuote({
  replyToId,
  replyTo,
  replyUnavailable,
  onReplyClick,
}: {
  replyToId: string;
  replyTo: ChatMessage | null;
  replyUnavailable: boolean;
  onReplyClick(messageId: string): void;
}) {
  const t = useT();
  const sender = replyTo ? (replyTo.senderName ?? t('common.unknownSender')) : t('history.reply.unknownMessage', { id: replyToId });
  const text = replyTo ? snippetOf(replyTo) : replyUnavailable ? t('history.reply.unavailable') : t('common.loading');
  return (
    <button type="button" className="reply-quote" onClick={() => onReplyClick(replyToId)} title={t('history.reply.title')}>
      <FormattedMessage
        id="history.reply.quote"
        values={{
          sender,
          text,
          hidden: (chunks: ReactNode[]) => <span className="history-sr-only">{chunks}</span>,
          who: (chunks: ReactNode[]) => (
            <span className="reply-sender" dir="auto">
              {chunks}
            </span>
          ),
          what: (chunks: ReactNode[]) => (
            <span className="reply-text" dir="auto">
              {chunks}
            </span>
          ),
        }}
      />
    </button>
  );
}
