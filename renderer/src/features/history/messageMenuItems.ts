import { hasMediaFiles, type ChatMessage } from '../../../../shared/domain.ts';
import { messageLinkOf } from '../../../../shared/messageLink.ts';
import { messageBody, transcriptLine } from '../../../../shared/messageTranscript.ts';
import type { ContextMenuItem } from '../../app/ContextMenu.tsx';
import { copyText } from '../../app/copyText.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';

/** A message's context menu: the copies, a link back to it, selection, and its file when it has one. */
export function messageMenuItems(message: ChatMessage, selection: { select(): void; selected: boolean }): ContextMenuItem[] {
  const items: ContextMenuItem[] = [
    { label: 'Copy text', onSelect: () => void copyText(message.text || messageBody(message)), testId: 'menu-copy-text' },
    { label: 'Copy with date and sender', onSelect: () => void copyText(transcriptLine(message)), testId: 'menu-copy-line' },
    {
      label: 'Copy link',
      onSelect: () => void copyText(messageLinkOf({ chatId: message.chatId, messageId: message.id })),
      testId: 'menu-copy-link',
    },
    { label: selection.selected ? 'Deselect' : 'Select', onSelect: selection.select, testId: 'menu-select' },
  ];
  if (hasMediaFiles(message.media) && !message.media.onComputer && !message.media.localFile)
    items.push({
      label: 'Download media',
      // Progress is pushed to the row's own media view; an error shows there too.
      onSelect: () => void scrollback.downloadMedia({ chatId: message.chatId, messageId: message.id }).catch(() => undefined),
      testId: 'menu-download-media',
    });
  return items;
}
