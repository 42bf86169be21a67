import type { ChatMessage } from '../../shared/domain.ts';

/** One message as a line for people reading a terminal: local date and time, sender, text or media. */
export function formatMessageLine(message: ChatMessage): string {
  const when = new Date(message.date);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}:${pad(when.getMinutes())}`;
  if (message.service) return `${stamp}  — ${message.text} —`;
  const media = message.media ? `[${message.media.kind}${'fileName' in message.media ? `: ${message.media.fileName}` : ''}] ` : '';
  const edited = message.editDate ? ' (edited)' : '';
  return `${stamp}  #${message.id} ${message.senderName ?? 'Unknown'}: ${media}${message.text.replace(/\n/g, '\n    ')}${edited}`;
}
