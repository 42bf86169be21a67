import { memo } from 'react';
import type { ChatMessage } from '../../../../shared/domain.ts';
import { formatDay } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';
import { MessageBubble } from './MessageBubble.tsx';
import { ServiceLine } from './ServiceLine.tsx';

export interface MessageRowProps {
  message: ChatMessage;
  /** First message of its local day in the loaded window: draws the day separator (a heading) above it. */
  startsDay: boolean;
  /** First of a run of bubbles from one sender: in a group, shows the name. */
  startsGroup: boolean;
  /** Last of a run: the bubble's tail, and in a group the sender's avatar beside it. */
  endsGroup: boolean;
  /** A group: names and avatars tell senders apart (a private chat or a channel has none). */
  showSenders: boolean;
  /** The first message of the chat: draws the "beginning of this chat" marker above it. */
  startsChat: boolean;
  highlighted: boolean;
  /** In selection mode, whether this message is selected; null outside it. */
  selected: boolean | null;
  /** The one message in the Tab order (roving tabindex): Tab into the list lands here. */
  tabbable: boolean;
  /** The replied-to message when it is loaded (or read for the quote), for the quoted snippet. */
  replyTo: ChatMessage | null;
  /** Neither this computer nor the source has the replied-to message (deleted, or before an import's start). */
  replyUnavailable: boolean;
  onReplyClick(messageId: string): void;
  /** The forum topic the message is in, said in the whole chat's view; null otherwise. */
  topicTitle?: string | null;
}

/**
 * One row of the list (its listitem is the virtual row): the chat's start and the day's heading when they fall here, then the
 * message. Memoised: while scrolling, only rows entering the window render.
 */
export const MessageRow = memo(function MessageRow({ message, startsDay, startsChat, ...props }: MessageRowProps) {
  const t = useT();
  return (
    <>
      {startsChat && <div className="chat-start">{t('history.chatStart')}</div>}
      {startsDay && (
        <h3 className="day-separator">
          <span>{formatDay(message.date)}</span>
        </h3>
      )}
      {message.service ? (
        <ServiceLine
          message={message}
          highlighted={props.highlighted}
          selected={props.selected}
          tabbable={props.tabbable}
          replyTo={props.replyTo}
          replyUnavailable={props.replyUnavailable}
          onReplyClick={props.onReplyClick}
        />
      ) : (
        <MessageBubble message={message} {...props} />
      )}
    </>
  );
});
