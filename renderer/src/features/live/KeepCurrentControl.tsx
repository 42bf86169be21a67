import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatCount, formatListDate } from '../../format/formatDates.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { IconButton } from '../../app/IconButton.tsx';

/**
 * "Keep up to date" for the open chat (a toggle in the header's row), and "Refresh now": the newest messages
 * and a re-check of the last days for edits and deletions. Says when it last ran and what the last run found.
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
  const note = refresh.isError
    ? `Refresh failed: ${refresh.error.message}`
    : found
      ? `${formatCount(found.added)} new, ${formatCount(found.edited)} edited, ${formatCount(found.deleted)} deleted at the source`
      : '';
  return (
    <div className="keep-current">
      <IconButton
        icon="keep"
        label="Keep up to date"
        tooltip="Keep up to date: fetch this chat's new messages, and look for edits and deletions of the last days, in the background"
        aria-pressed={chat.keepCurrent}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate(!chat.keepCurrent)}
        data-testid="keep-current"
      />
      <IconButton
        icon="refresh"
        label={refresh.isPending ? 'Refreshing…' : 'Refresh now'}
        tooltip={chat.refreshedAt !== null ? `Refresh now (last refreshed ${formatListDate(chat.refreshedAt)})` : 'Refresh now'}
        onClick={() => refresh.mutate()}
        disabled={refresh.isPending}
        data-testid="refresh-chat"
      />
      {/* What the last refresh found, until the chat changes; "Refreshed <when>" is in the button's tooltip. */}
      <span className="keep-current-note" role="status">
        {note}
      </span>
    </div>
  );
}
