import type { ChatSummary } from '../../../../shared/domain.ts';
import { useQueryClient } from '@tanstack/react-query';
import { ContextMenu } from '../../app/ContextMenu.tsx';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { useT } from '../../i18n/translate.ts';
import { openBackupView } from '../backup/openBackupView.ts';

/** A chat's context menu: Export chat…, whether its media is kept on this computer, and its account's backup. */
export function ChatContextMenu({
  menu,
  onClose,
  onExport,
}: {
  menu: { chat: ChatSummary; x: number; y: number };
  onClose(): void;
  onExport(chat: ChatSummary): void;
}) {
  const t = useT();
  const client = useQueryClient();
  return (
    <ContextMenu
      x={menu.x}
      y={menu.y}
      onClose={onClose}
      items={[
        { label: t('chatList.menu.export'), onSelect: () => onExport(menu.chat) },
        {
          label: t('chatList.menu.keepMedia'),
          checked: menu.chat.keepMedia,
          onSelect: () => void scrollback.setChatKeepMedia({ chatId: menu.chat.id, keep: !menu.chat.keepMedia }),
        },
        {
          label: t(menu.chat.hiddenFromAssistants ? 'chatList.menu.showToAssistants' : 'chatList.menu.hideFromAssistants'),
          onSelect: () =>
            void scrollback
              .setChatHiddenFromAssistants({ chatId: menu.chat.id, hidden: !menu.chat.hiddenFromAssistants })
              .then(() => client.invalidateQueries({ queryKey: queryKeys.chats() }))
              .catch(() => undefined),
          testId: 'chat-menu-assistants',
        },
        // An import has nothing to back up from; every other source's chats lead to its account's backup.
        ...(menu.chat.sourceKind === 'import' ? [] : [{ label: t('backup.open'), onSelect: () => openBackupView(menu.chat.sourceId) }]),
      ]}
    />
  );
}
