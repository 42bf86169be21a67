import { hasMediaFiles, type ChatMessage } from '../../../../shared/domain.ts';
import { messageLinkOf } from '../../../../shared/messageLink.ts';
import { messageBody, transcriptLine } from '../../../../shared/messageTranscript.ts';
import type { ContextMenuItem } from '../../app/ContextMenu.tsx';
import { copyText } from '../../app/copyText.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { translate } from '../../i18n/translate.ts';
import { requestPersonView } from '../people/personViewRequests.ts';

/** A message's context menu: the copies, a link back to it, selection, and its file when it has one. */
export function messageMenuItems(message: ChatMessage, selection: { select(): void; selected: boolean }): ContextMenuItem[] {
  const items: ContextMenuItem[] = [
    {
      label: translate('history.menu.copyText'),
      onSelect: () => void copyText(message.text || messageBody(message)),
      testId: 'menu-copy-text',
    },
    { label: translate('history.menu.copyLine'), onSelect: () => void copyText(transcriptLine(message)), testId: 'menu-copy-line' },
    {
      label: translate('history.menu.copyLink'),
      onSelect: () => void copyText(messageLinkOf({ chatId: message.chatId, messageId: message.id })),
      testId: 'menu-copy-link',
    },
    {
      label: translate(selection.selected ? 'history.menu.deselect' : 'history.menu.select'),
      onSelect: selection.select,
      testId: 'menu-select',
    },
  ];
  if (message.senderId !== null)
    items.push({
      label: translate('people.about', {
        name: message.out ? translate('common.you') : (message.senderName ?? translate('common.unknownSender')),
      }),
      onSelect: () => requestPersonView({ chatId: message.chatId, messageId: message.id }),
      testId: 'menu-about-person',
    });
  if (hasMediaFiles(message.media) && !message.media.onComputer && !message.media.localFile)
    items.push({
      label: translate('history.menu.downloadMedia'),
      // Progress is pushed to the row's own media view; an error shows there too.
      onSelect: () => void scrollback.downloadMedia({ chatId: message.chatId, messageId: message.id }).catch(() => undefined),
      testId: 'menu-download-media',
    });
  return items;
}
