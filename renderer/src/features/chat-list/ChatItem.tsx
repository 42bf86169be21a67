import { memo } from 'react';
import type { ChatSummary, MessageKind } from '../../../../shared/domain.ts';
import { formatCount, formatListDate } from '../../format/formatDates.ts';
import { ChatAvatar } from '../media/ChatAvatar.tsx';
import { useT } from '../../i18n/translate.ts';
import { useBackupMark } from '../backup/useBackupMark.ts';

/** What changed in a chat's archive since the user last looked: new, edited, deleted (on this computer). */
function ChatChangesLine({ changes }: { changes: ChatSummary['changesSinceLook'] }) {
  const t = useT();
  if (!changes || changes.added + changes.edited + changes.deleted === 0) return null;
  const parts = [
    changes.added > 0 ? (
      <span key="a" className="added">
        {t('chatList.changes.added', { count: formatCount(changes.added) })}
      </span>
    ) : null,
    changes.edited > 0 ? <span key="e">{t('chatList.changes.edited', { count: formatCount(changes.edited) })}</span> : null,
    changes.deleted > 0 ? <span key="d">{t('chatList.changes.deleted', { count: formatCount(changes.deleted) })}</span> : null,
  ].filter((part) => part !== null);
  return (
    <span className="chat-changes" data-testid="chat-changes" title={t('chatList.changes.since', { when: formatListDate(changes.since) })}>
      {parts.flatMap((part, index) => (index === 0 ? [part] : [' · ', part]))}
    </span>
  );
}

/** The newest message on this computer, one line: "You: …" for yours, the sender's name in a group. */
function LastMessageLine({ chat }: { chat: ChatSummary }) {
  const t = useT();
  const last = chat.lastMessage;
  if (!last) return null;
  const what = last.text.replace(/\s+/g, ' ').trim() || t('common.messageKind', { kind: last.kind satisfies MessageKind });
  const who = last.service ? null : last.out ? t('common.you') : chat.kind === 'private' ? null : last.senderName;
  return (
    <span className="chat-item-preview" dir="auto" data-testid="chat-preview">
      {/* A <bdi>: dir="auto" skips it, so the line runs the way the message's own text does (English in an Arabic window too). */}
      {who && <bdi className="chat-item-preview-sender">{t('chatList.preview.sender', { name: who })} </bdi>}
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
  const t = useT();
  const backupMark = useBackupMark(chat);
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
            <span className="chat-pinned" title={t('chatList.pinned.explanation')} aria-label={t('chatList.pinned')}>
              📌{' '}
            </span>
          )}
          {chat.name}
          {chat.hiddenFromAssistants && (
            <span
              className="chat-hidden-mark"
              data-testid="chat-hidden-mark"
              title={t('chatList.hiddenFromAssistants.explanation')}
              aria-label={t('chatList.hiddenFromAssistants')}
            >
              {' '}
              ⊘
            </span>
          )}
        </span>
        <span className="chat-item-meta">
          {chat.lastMessageDate !== null && <span>{formatListDate(chat.lastMessageDate)}</span>}
          {chat.messageCount !== null && <span>{t('chatList.messageCount', { count: chat.messageCount })}</span>}
          {backupMark && (
            <span className="chat-backup-mark" data-testid="chat-backup-mark" data-mark={backupMark}>
              {t(backupMark === 'excluded' ? 'chatList.excludedFromBackup' : 'chatList.notBackedUp')}
            </span>
          )}
        </span>
        <LastMessageLine chat={chat} />
        {!selected && <ChatChangesLine changes={chat.changesSinceLook} />}
      </span>
    </button>
  );
});
