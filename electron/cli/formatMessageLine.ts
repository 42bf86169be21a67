import type { ChatMessage } from '../../shared/domain.ts';
import { formatLocalStamp } from './formatLocalStamp.ts';

/** One message as a line for people reading a terminal: local date and time, sender, text or media. */
export function formatMessageLine(message: ChatMessage): string {
  const stamp = formatLocalStamp(message.date);
  if (message.service) return `${stamp}  — ${message.text} —`;
  const media = message.media ? `[${message.media.kind}${'fileName' in message.media ? `: ${message.media.fileName}` : ''}] ` : '';
  const edited = message.editDate ? ' (edited)' : '';
  return `${stamp}  #${message.id} ${message.senderName ?? 'Unknown'}: ${media}${message.text.replace(/\n/g, '\n    ')}${edited}`;
}
