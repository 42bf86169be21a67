import { useState, type MouseEvent, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../../i18n/translate.ts';
import { MediaView } from '../media/MediaView.tsx';
import { EarlierVersions } from './EarlierVersions.tsx';
import { LongText } from './LongText.tsx';
import { MessageMeta } from './MessageMeta.tsx';
import { messagePartIds } from './messagePartIds.ts';
import type { MessageRowProps } from './MessageRow.tsx';
import { ReplyQuote } from './ReplyQuote.tsx';
import { SenderAvatar } from './SenderAvatar.tsx';
import { senderLabelId } from './SenderNames.tsx';
import { requestPersonView } from '../people/personViewRequests.ts';
import { senderNameStyle } from './peerColours.ts';

/**
 * A message as a bubble in a run from its sender: the name on the first (groups only), the tail on the last
 * and, in groups, the sender's avatar beside it. Named for assistive technology by sender and time
 * (labelled-by), its text the description, so a focused message is read as "Ana Costa, 13 Nov 2026, 10:59"
 * followed by what she wrote.
 */
export function MessageBubble({
  message,
  startsGroup,
  endsGroup,
  showSenders,
  highlighted,
  selected,
  tabbable,
  replyTo,
  replyUnavailable,
  onReplyClick,
  topicTitle = null,
}: Omit<MessageRowProps, 'startsDay' | 'startsChat'>) {
  const [versionsOpen, setVersionsOpen] = useState(false);
  const t = useT();
  const deleted = message.deletedAt !== null;
  const ids = messagePartIds(message);
  const senderName = message.out ? t('common.you') : (message.senderName ?? t('history.deletedAccount'));
  const nameShown = showSenders && startsGroup && !message.out;
  const withAvatar = showSenders && !message.out;
  // The sender's name or avatar opens their person view (the click is theirs, not the bubble's selection).
  const openPerson = (event: MouseEvent) => {
    event.stopPropagation();
    requestPersonView({ chatId: message.chatId, messageId: message.id });
  };
  const classes: (string | false | null)[] = [
    'message',
    message.out ? 'out' : 'in',
    startsGroup && 'group-start',
    endsGroup && 'group-end',
    withAvatar && 'with-avatar',
  ];
  classes.push(highlighted && 'highlighted', deleted && 'deleted', selected && 'selected');
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-message-id={message.id}
      data-selected={selected ?? undefined}
      data-date={new Date(message.date).toISOString()}
      tabIndex={tabbable ? 0 : -1}
      role="article"
      aria-labelledby={`${nameShown ? ids.sender : senderLabelId(message)} ${ids.when}`}
      aria-describedby={[message.text && ids.body, selected && ids.state, deleted && ids.deleted].filter(Boolean).join(' ') || undefined}
    >
      {withAvatar && endsGroup && (
        <span className="sender-avatar-link" onClick={(event) => openPerson(event)}>
          <SenderAvatar senderId={message.senderId} name={senderName} />
        </span>
      )}
      {nameShown && (
        <div id={ids.sender} className="sender" style={senderNameStyle(message.senderId)} dir="auto">
          {message.senderId !== null ? (
            <button
              type="button"
              className="sender-link"
              tabIndex={tabbable ? 0 : -1}
              onClick={(event) => openPerson(event)}
              data-testid="sender-link"
            >
              {senderName}
            </button>
          ) : (
            senderName
          )}
        </div>
      )}
      {selected && (
        <span id={ids.state} className="history-sr-only">
          {t('history.state.selected')}
        </span>
      )}
      {deleted && (
        <span id={ids.deleted} className="history-sr-only">
          {t('history.state.deleted')}
        </span>
      )}
      {message.viaBot && (
        <div className="via-bot" data-testid="via-bot" dir="auto">
          {t('history.viaBot', { bot: message.viaBot })}
        </div>
      )}
      {topicTitle && (
        <div className="message-topic" data-testid="message-topic" dir="auto">
          {t('history.inTopic', { topic: topicTitle })}
        </div>
      )}
      {message.forward && (
        <div className="forwarded">
          <FormattedMessage
            id="history.forwardedFrom"
            values={{ name: message.forward.fromName, who: (chunks: ReactNode[]) => <span dir="auto">{chunks}</span> }}
          />
        </div>
      )}
      {/* A message answering only its topic's first message is not a reply: that is how a topic holds it. */}
      {message.replyToId && message.replyToId !== message.topicId && (
        <ReplyQuote replyToId={message.replyToId} replyTo={replyTo} replyUnavailable={replyUnavailable} onReplyClick={onReplyClick} />
      )}
      {message.media && <MediaView media={message.media} chatId={message.chatId} messageId={message.id} />}
      {message.text && (
        <div className="text" id={ids.body} dir="auto">
          <LongText text={message.text} entities={message.entities} />
        </div>
      )}
      {versionsOpen && message.earlierVersions > 0 && (
        <EarlierVersions chatId={message.chatId} messageId={message.id} sentAt={message.date} />
      )}
      <MessageMeta message={message} versionsOpen={versionsOpen} onToggleVersions={() => setVersionsOpen((open) => !open)} />
    </div>
  );
}
