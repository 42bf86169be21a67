import { localIsoSeconds, mediaLabel, type ExportFormatSpec, type ExportWriter, type TextSink } from './ExportWriter.ts';

/** Characters Markdown would read as formatting, escaped so a transcript shows the text as written. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>()#+\-.!|~])/g, '\\$1');
}

/** Senders remembered for naming who a reply answers: replies mostly answer recent messages. */
const SENDERS_KEPT = 50_000;

/**
 * A plain-text or Markdown transcript: a heading per day, one line (or paragraph) per message, local time,
 * saying whom a message answers ("in reply to Ana", or the message's number when it is not in the export)
 * and where a forward came from.
 */
export function createTranscriptExportWriter(out: TextSink, format: 'txt' | 'md'): ExportWriter {
  let day = '';
  const senders = new Map<string, string>();
  const context = (message: Parameters<ExportWriter['message']>[0]): string => {
    const parts: string[] = [];
    if (message.replyToId !== null) {
      const answered = senders.get(message.replyToId);
      parts.push(answered === undefined ? `in reply to message ${message.replyToId}` : `in reply to ${answered}`);
    }
    if (message.forward) parts.push(`forwarded from ${message.forward.fromName}`);
    return parts.join(', ');
  };
  return {
    begin(chat) {
      out(format === 'md' ? `# ${escapeMarkdown(chat.name)}\n` : `${chat.name}\n${'='.repeat(Math.min(60, chat.name.length))}\n`);
    },
    message(message) {
      const stamp = localIsoSeconds(message.date);
      if (stamp.slice(0, 10) !== day) {
        day = stamp.slice(0, 10);
        out(format === 'md' ? `\n## ${day}\n\n` : `\n--- ${day} ---\n`);
      }
      const time = stamp.slice(11, 16);
      const about = context(message);
      senders.set(message.id, message.senderName ?? 'Unknown');
      if (senders.size > SENDERS_KEPT) {
        const oldest = senders.keys().next();
        if (!oldest.done) senders.delete(oldest.value);
      }
      const deleted = message.deletedAt === null ? '' : `[deleted at the source on ${localIsoSeconds(message.deletedAt).slice(0, 10)}]`;
      const body = [mediaLabel(message), message.text, deleted].filter((part) => part !== '').join(' ');
      const sender = message.senderName ?? 'Unknown';
      if (format === 'txt') {
        const who = about === '' ? sender : `${sender} (${about})`;
        out(message.service ? `[${time}] — ${body}\n` : `[${time}] ${who}: ${body.replace(/\n/g, '\n    ')}\n`);
        return;
      }
      const text = escapeMarkdown(body).replace(/\n/g, '  \n');
      const who =
        about === '' ? `**${time} ${escapeMarkdown(sender)}:**` : `**${time} ${escapeMarkdown(sender)}** *(${escapeMarkdown(about)})*:`;
      out(message.service ? `*${time} — ${text}*\n\n` : `${who} ${text}\n\n`);
    },
    end() {},
  };
}

export const txtExportFormat: ExportFormatSpec = {
  id: 'txt',
  label: 'Plain text',
  extension: 'txt',
  mimeType: 'text/plain',
  bytesPerMessage: 110,
  carriesMedia: false,
  offersBom: false,
  createWriter: (out) => createTranscriptExportWriter(out, 'txt'),
};

export const mdExportFormat: ExportFormatSpec = {
  id: 'md',
  label: 'Markdown',
  extension: 'md',
  mimeType: 'text/markdown',
  bytesPerMessage: 120,
  carriesMedia: false,
  offersBom: false,
  createWriter: (out) => createTranscriptExportWriter(out, 'md'),
};
