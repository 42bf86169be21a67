import { memo } from 'react';
import type { ChatSummary, MessageKind } from '../../../../shared/domain.ts';
import { formatCount, formatListDate } from '../../format/formatDates.ts';
import { ChatAvatar } from '../media/ChatAvatar.tsx';

/** What changed in a chat's archive since the user last looked: new, edited, deleted (on this computer). */
function ChatChangesLine({ changes }: { changes: ChatSummary['changesSinceLook'] }) {
  if (!changes || changes.added + changes.edited + changes.deleted === 0) return null;
  const parts = [
    changes.added > 0 ? (
      <span key="a" className="added">
        {formatCount(changes.added)} new
      </span>
    ) : null,
    changes.edited > 0 ? <span key="e">{formatCount(changes.edited)} edited</span> : null,
    changes.deleted > 0 ? <span key="d">{formatCount(changes.deleted)} deleted at the source</span> : null,
  ].filter((part) => part !== null);
  return (
    <span className="chat-changes" data-testid="chat-changes" title={`Since you last looked, ${formatListDate(changes.since)}`}>
      {parts.flatMap((part, index) => (index === 0 ? [part] : [' · ', part]))}
    </span>
  );
}

const KIND_WORDS: Partial<Record<MessageKind, string>> = {
  photo: 'Photo',
  video: 'Video',
  gif: 'GIF',
  sticker: 'Sticker',
  voice: 'Voice message',
  audio: 'Audio',
  file: 'File',
  poll: 'Poll',
  location: 'Location',
  contact: 'Contact',
};

/** The newest message on this computer, one line: "You: …" for yours, the sender's name in a group. */
function LastMessageLine({ chat }: { chat: ChatSummary }) {
  const last = chat.lastMessage;
  if (!last) return null;
  const what = last.text.replace(/\s+/g, ' ').trim() || KIND_WORDS[last.kind] || 'Message';
  const who = last.service ? null : last.out ? 'You' : chat.kind === 'private' ? null : last.senderName;
  return (
    <span className="chat-item-preview" dir="auto" data-testid="chat-preview">
      {who && <span className="chat-item-preview-sender">{who}: </span>}
      {what}
    </span>
  );
}

/** One chat in the list: picture, name, last date, size, what changed since the last look. */
export const ChatItem = memo(function ChatItem({
  chat,
  selected,
  tabbable,
  onSelect,
  onMenu,
}: {
  chat: ChatSummary;
  selected: boolean;
  tabbable: boolean;
  onSelect(): void;
  onMenu(x: number, y: number): void;
}) {
  return (
    <button
      type="button"
      className={`chat-item${selected ? ' selected' : ''}`}
      data-chat-id={chat.id}
      tabIndex={tabbable ? 0 : -1}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
      onContextMenu={(event) => {
        event.preventDefault();
        onMenu(event.clientX, event.clientY);
      }}
    >
      <ChatAvatar chat={chat} />
      <span className="chat-item-text">
        <span className="chat-item-name" dir="auto">
          {chat.pinned && (
            <span className="chat-pinned" title="Pinned at the source" aria-label="Pinned">
              📌{' '}
            </span>
          )}
          {chat.name}
        </span>
        <span className="chat-item-meta">
          {chat.lastMessageDate !== null && <span>{formatListDate(chat.lastMessageDate)}</span>}
          {chat.messageCount !== null && <span>{formatCount(chat.messageCount)} msgs</span>}
        </span>
        <LastMessageLine chat={chat} />
        {!selected && <ChatChangesLine changes={chat.changesSinceLook} />}
      </span>
    </button>
  );
});
