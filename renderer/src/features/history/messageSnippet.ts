import type { ChatMessage } from '../../../../shared/domain.ts';
import { translate } from '../../i18n/translate.ts';

/** A message in one short line, for a reply quote or what a pin pinned. */
export function snippetOf(message: ChatMessage): string {
  if (message.text) return message.text.length > 90 ? `${message.text.slice(0, 90)}…` : message.text;
  return translate('common.messageKind', { kind: message.media?.kind ?? 'other' });
}
