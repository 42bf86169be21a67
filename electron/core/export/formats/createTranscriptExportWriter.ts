import { localIsoSeconds, mediaLabel, type ExportWriter, type TextSink } from './ExportWriter.ts';

/** Characters Markdown would read as formatting, escaped so a transcript shows the text as written. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>()#+\-.!|~])/g, '\\$1');
}

/**
 * A plain-text or Markdown transcript: a heading per day, one line (or paragraph) per message, local time.
 */
export function createTranscriptExportWriter(out: TextSink, format: 'txt' | 'md'): ExportWriter {
  let day = '';
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
      const deleted = message.deletedAt === null ? '' : `[deleted at the source on ${localIsoSeconds(message.deletedAt).slice(0, 10)}]`;
      const body = [mediaLabel(message), message.text, deleted].filter((part) => part !== '').join(' ');
      if (format === 'txt') {
        out(message.service ? `[${time}] — ${body}\n` : `[${time}] ${message.senderName ?? 'Unknown'}: ${body.replace(/\n/g, '\n    ')}\n`);
        return;
      }
      const text = escapeMarkdown(body).replace(/\n/g, '  \n');
      out(message.service ? `*${time} — ${text}*\n\n` : `**${time} ${escapeMarkdown(message.senderName ?? 'Unknown')}:** ${text}\n\n`);
    },
    end() {},
  };
}
