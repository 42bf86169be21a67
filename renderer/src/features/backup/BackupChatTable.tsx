import type { BackupChatStatus } from '../../../../shared/backup.ts';
import { useT } from '../../i18n/translate.ts';

/** One chat's state in words: done, in progress, waiting, or failed with the reason; excluded and gone marked. */
function ChatState({ chat }: { chat: BackupChatStatus }) {
  const t = useT();
  const state = chat.excluded
    ? t('backup.chat.excluded')
    : chat.state === 'failed' && chat.error
      ? t('backup.chat.failed', { reason: chat.error.message })
      : t('backup.chat.state', { state: chat.state });
  return (
    <>
      <span className={chat.state === 'failed' && !chat.excluded ? 'backup-error' : undefined}>{state}</span>
      {chat.state === 'failed' && chat.error && !chat.excluded && <span className="error-code"> {chat.error.code}</span>}
      {chat.gone && <span className="backup-gone"> · {t('backup.chat.gone', { gone: chat.gone })}</span>}
    </>
  );
}

/** Every chat of the account's backup, most recently active first: its state, messages and media so far and left. */
export function BackupChatTable({
  chats,
  error,
  onInclude,
}: {
  chats: BackupChatStatus[];
  error: string | null;
  onInclude(chatId: number, included: boolean): void;
}) {
  const t = useT();
  if (error)
    return (
      <p className="backup-error" role="alert">
        {error}
      </p>
    );
  if (chats.length === 0) return <p className="backup-hint">{t('backup.chats.empty')}</p>;
  return (
    <div className="backup-chats">
      <table data-testid="backup-chat-table">
        <thead>
          <tr>
            <th scope="col">{t('backup.table.include')}</th>
            <th scope="col">{t('backup.table.chat')}</th>
            <th scope="col">{t('backup.table.state')}</th>
            <th scope="col">{t('backup.table.messages')}</th>
            <th scope="col">{t('backup.table.media')}</th>
          </tr>
        </thead>
        <tbody>
          {chats.map((chat) => (
            <tr
              key={chat.chatId}
              data-testid="backup-chat-row"
              data-chat-id={chat.chatId}
              data-state={chat.excluded ? 'excluded' : chat.state}
              data-stored={chat.messagesStored}
              data-left={chat.messagesLeft ?? ''}
              data-media-stored={chat.media.stored}
            >
              <td>
                <input
                  type="checkbox"
                  checked={!chat.excluded}
                  aria-label={t('backup.chat.include', { name: chat.name })}
                  onChange={(event) => onInclude(chat.chatId, event.target.checked)}
                />
              </td>
              <th scope="row" dir="auto">
                {chat.name}
              </th>
              <td>
                <ChatState chat={chat} />
              </td>
              <td>
                {chat.messagesLeft === null
                  ? t('backup.chat.messagesUnknown', { stored: chat.messagesStored })
                  : t('backup.chat.messages', { stored: chat.messagesStored, left: chat.messagesLeft })}
              </td>
              <td>{t('backup.chat.media', { stored: chat.media.stored, left: chat.media.left })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
