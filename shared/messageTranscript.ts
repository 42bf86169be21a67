import type { ChatMessage } from './domain.ts';

/** An attachment in words, for text that has no room for the file: "[photo]", "[file: report.pdf]". */
export function mediaLabel(message: Pick<ChatMessage, 'media'>): string {
  const media = message.media;
  if (!media) return '';
  switch (media.kind) {
    case 'file':
      return `[file: ${media.fileName}]`;
    case 'poll':
      return `[poll: ${media.question}]`;
    case 'location':
      return `[location: ${media.latitude}, ${media.longitude}]`;
    case 'contact':
      return `[contact: ${media.name} ${media.phone}]`;
    case 'webpage':
      return `[link: ${media.url}]`;
    case 'other':
      return `[${media.label}]`;
    default:
      return `[${media.kind}]`;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "12 Mar 2021 14:02" in local time. A transcript is plain text people paste and scripts read back, so it
 * has one fixed shape whatever the window's locale (as Telegram Desktop's own copied text does).
 */
export function transcriptStamp(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What a message says in words: its attachment's label, then its text. */
export function messageBody(message: Pick<ChatMessage, 'media' | 'text'>): string {
  return [mediaLabel(message), message.text].filter((part) => part !== '').join(' ');
}

/** One message as a transcript line: "[12 Mar 2021 14:02] Ana: text"; a service line has no sender. */
export function transcriptLine(message: Pick<ChatMessage, 'date' | 'senderName' | 'service' | 'media' | 'text'>): string {
  const stamp = `[${transcriptStamp(message.date)}]`;
  const body = messageBody(message).replace(/\n/g, '\n    ');
  return message.service ? `${stamp} — ${body}` : `${stamp} ${message.senderName ?? 'Unknown'}: ${body}`;
}
