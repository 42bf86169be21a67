import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatCount, formatListDate } from '../../format/formatDates.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/**
 * "Keep up to date" for the open chat, and "Refresh now": the newest messages and a re-check of the last
 * days for edits and deletions. Says when it last ran and what the last manual run found.
 */
export function KeepCurrentControl({ chat }: { chat: ChatSummary }) {
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: (keep: boolean) => scrollback.setChatKeepCurrent({ chatId: chat.id, keep }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.chats() }),
  });
  const refresh = useMutation({
    mutationFn: () => scrollback.refreshChat({ chatId: chat.id }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.chats() }),
  });
  const found = refresh.data;
  return (
    <div className="keep-current">
      <label title="Fetch this chat's new messages, and look for edits and deletions of the last days, in the background">
        <input
          type="checkbox"
          checked={chat.keepCurrent}
          disabled={toggle.isPending}
          onChange={(event) => toggle.mutate(event.target.checked)}
          data-testid="keep-current"
        />{' '}
        Keep up to date
      </label>
      <button type="button" onClick={() => refresh.mutate()} disabled={refresh.isPending} data-testid="refresh-chat">
        {refresh.isPending ? 'Refreshing…' : 'Refresh now'}
      </button>
      <span className="keep-current-note" role="status">
        {refresh.isError
          ? `Refresh failed: ${refresh.error.message}`
          : found
            ? `${formatCount(found.added)} new, ${formatCount(found.edited)} edited, ${formatCount(found.deleted)} deleted at the source`
            : chat.refreshedAt !== null
              ? `Refreshed ${formatListDate(chat.refreshedAt)}`
              : ''}
      </span>
    </div>
  );
}
