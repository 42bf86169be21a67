import { memo, useState } from 'react';
import type { ChatMessage } from '../../../../shared/domain.ts';
import { formatDateTime, formatDay } from '../../format/formatDates.ts';
import { MediaView } from '../media/MediaView.tsx';
import { LongText } from './LongText.tsx';
import { EarlierVersions } from './EarlierVersions.tsx';
import { MessageMeta } from './MessageMeta.tsx';
import { ReplyQuote } from './ReplyQuote.tsx';
import { ServiceLine } from './ServiceLine.tsx';

export interface MessageRowProps {
  message: ChatMessage;
  /** First message of its local day in the loaded window: draws the day separator above it. */
  startsDay: boolean;
  /** First of a run from one sender: shows the name. */
  startsGroup: boolean;
  /** The first message of the chat: draws the "beginning of this chat" marker above it. */
  startsChat: boolean;
  highlighted: boolean;
  /** In selection mode, whether this message is selected; null outside it. */
  selected: boolean | null;
  /** The replied-to message when it is loaded (or read for the quote), for the quoted snippet. */
  replyTo: ChatMessage | null;
  /** Neither this computer nor the source has the replied-to message (deleted, or before an import's start). */
  replyUnavailable: boolean;
  onReplyClick(messageId: string): void;
  /** The forum topic the message is in, said in the whole chat's view; null otherwise. */
  topicTitle?: string | null;
}

const SENDER_COLOURS = 8;
function colourOf(senderId: string | null): number {
  let hash = 0;
  for (const char of senderId ?? '') hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return Math.abs(hash) % SENDER_COLOURS;
}

/** One message. Memoised: while scrolling, only rows entering the window render. */
export const MessageRow = memo(function MessageRow({
  message,
  startsDay,
  startsGroup,
  startsChat,
  highlighted,
  selected,
  replyTo,
  replyUnavailable,
  onReplyClick,
  topicTitle = null,
}: MessageRowProps) {
  const iso = new Date(message.date).toISOString();
  const deleted = message.deletedAt !== null;
  const label = `${message.senderName ?? 'Unknown'}, ${formatDateTime(message.date)}${deleted ? ', deleted at the source' : ''}`;
  const [versionsOpen, setVersionsOpen] = useState(false);
  return (
    <div className="message-row-inner">
      {startsChat && <div className="chat-start">Beginning of this chat</div>}
      {startsDay && (
        <div className="day-separator" role="separator">
          <span>{formatDay(message.date)}</span>
        </div>
      )}
      {message.service ? (
        <ServiceLine
          message={message}
          highlighted={highlighted}
          selected={selected}
          replyTo={replyTo}
          replyUnavailable={replyUnavailable}
          onReplyClick={onReplyClick}
        />
      ) : (
        <div
          className={`message${message.out ? ' out' : ''}${startsGroup ? ' group-start' : ''}${highlighted ? ' highlighted' : ''}${deleted ? ' deleted' : ''}${selected ? ' selected' : ''}`}
          data-message-id={message.id}
          aria-selected={selected ?? undefined}
          data-date={iso}
          tabIndex={-1}
          role="listitem"
          aria-label={label}
        >
          {startsGroup && !message.out && (
            <div className={`sender sender-${colourOf(message.senderId)}`} dir="auto">
              {message.senderName ?? 'Deleted Account'}
            </div>
          )}
          {message.viaBot && (
            <div className="via-bot" data-testid="via-bot" dir="auto">
              via {message.viaBot}
            </div>
          )}
          {topicTitle && (
            <div className="message-topic" data-testid="message-topic" dir="auto">
              in {topicTitle}
            </div>
          )}
          {message.forward && (
            <div className="forwarded">
              Forwarded from <span dir="auto">{message.forward.fromName}</span>
            </div>
          )}
          {/* A message answering only its topic's first message is not a reply: that is how a topic holds it. */}
          {message.replyToId && message.replyToId !== message.topicId && (
            <ReplyQuote replyToId={message.replyToId} replyTo={replyTo} replyUnavailable={replyUnavailable} onReplyClick={onReplyClick} />
          )}
          {message.media && <MediaView media={message.media} chatId={message.chatId} messageId={message.id} />}
          {message.text && (
            <div className="text" dir="auto">
              <LongText text={message.text} entities={message.entities} />
            </div>
          )}
          {versionsOpen && message.earlierVersions > 0 && (
            <EarlierVersions chatId={message.chatId} messageId={message.id} sentAt={message.date} />
          )}
          <MessageMeta message={message} versionsOpen={versionsOpen} onToggleVersions={() => setVersionsOpen((open) => !open)} />
        </div>
      )}
    </div>
  );
});
