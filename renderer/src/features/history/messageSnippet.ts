import type { ChatMessage } from '../../../../shared/domain.ts';

/** A message in one short line, for a reply quote or what a pin pinned. */
export function snippetOf(message: ChatMessage): string {
  if (message.text) return message.text.length > 90 ? `${message.text.slice(0, 90)}…` : message.text;
  return message.media ? message.media.kind[0]!.toUpperCase() + message.media.kind.slice(1) : 'Message';
}
