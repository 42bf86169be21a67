import type { ChatMessage } from '../../../../shared/domain.ts';
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
  return (
    <button type="button" className="reply-quote" onClick={() => onReplyClick(replyToId)} title="Go to the replied message">
      <span className="history-sr-only">Reply to </span>
      <span className="reply-sender" dir="auto">
        {replyTo ? (replyTo.senderName ?? 'Unknown') : `Message #${replyToId}`}
      </span>
      <span className="history-sr-only">: </span>
      <span className="reply-text" dir="auto">
        {replyTo ? snippetOf(replyTo) : replyUnavailable ? 'Not available: deleted, or not in what was saved' : 'Loading…'}
      </span>
    </button>
  );
}
