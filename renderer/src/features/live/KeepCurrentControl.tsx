import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatListDate } from '../../format/formatDates.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { IconButton } from '../../app/IconButton.tsx';
import { useT } from '../../i18n/translate.ts';

/**
 * "Keep up to date" for the open chat (a toggle in the header's row), and "Refresh now": the newest messages
 * and a re-check of the last days for edits and deletions. Says when it last ran and what the last run found.
 */
export function KeepCurrentControl({ chat }: { chat: ChatSummary }) {
  const t = useT();
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
    ? t('live.refresh.failed', { reason: refresh.error.message })
    : found
      ? t('live.refresh.found', { added: found.added, edited: found.edited, deleted: found.deleted })
      : '';
  return (
    <div className="keep-current">
      <IconButton
        icon="keep"
        label={t('live.keep.label')}
        tooltip={t('live.keep.explanation')}
        aria-pressed={chat.keepCurrent}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate(!chat.keepCurrent)}
        data-testid="keep-current"
      />
      <IconButton
        icon="refresh"
        label={refresh.isPending ? t('live.refreshing') : t('live.refreshNow')}
        tooltip={chat.refreshedAt !== null ? t('live.refreshNow.last', { when: formatListDate(chat.refreshedAt) }) : t('live.refreshNow')}
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
