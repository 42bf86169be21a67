import type { ChatSummary } from '../../../../shared/domain.ts';
import { ContextMenu } from '../../app/ContextMenu.tsx';
import { scrollback } from '../../bridge/scrollbackClient.ts';

/** A chat's context menu: Export chat…, and whether its media is kept on this computer. */
export function ChatContextMenu({
  menu,
  onClose,
  onExport,
}: {
  menu: { chat: ChatSummary; x: number; y: number };
  onClose(): void;
  onExport(chat: ChatSummary): void;
}) {
  return (
    <ContextMenu
      x={menu.x}
      y={menu.y}
      onClose={onClose}
      items={[
        { label: 'Export chat…', onSelect: () => onExport(menu.chat) },
        {
          label: "Keep this chat's media on this computer",
          checked: menu.chat.keepMedia,
          onSelect: () => void scrollback.setChatKeepMedia({ chatId: menu.chat.id, keep: !menu.chat.keepMedia }),
        },
      ]}
    />
  );
}
