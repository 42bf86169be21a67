import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Writes a Telegram Desktop single-chat `result.json` of `count` messages in the current schema (date with
 * date_unixtime, text as a string or a mixed array, text_entities, replies, edits, photos, files, service
 * actions, reactions), streamed to disk so a million messages never sit in memory.
 */
export function writeTelegramExport(path: string, count: number, options: { chatId?: number; name?: string; start?: number } = {}): void {
  const fd = openSync(path, 'w');
  const start = options.start ?? Date.UTC(2016, 0, 1) / 1000;
  let pending = `{\n "name": ${JSON.stringify(options.name ?? 'Generated chat')},\n "type": "private_group",\n "id": ${options.chatId ?? 4242},\n "messages": [\n`;
  for (let i = 1; i <= count; i++) {
    const unix = start + i * 271;
    const sender = i % 5;
    const message: Record<string, unknown> = {
      id: i,
      type: 'message',
      date: new Date(unix * 1000).toISOString().slice(0, 19),
      date_unixtime: String(unix),
      from: ['Ana Lima', 'Bo 张', 'Chen', 'Dana', 'Eli'][sender],
      from_id: `user${1000 + sender}`,
    };
    if (i % 97 === 0) {
      message.type = 'service';
      message.actor = message.from;
      message.actor_id = message.from_id;
      message.action = 'pin_message';
      message.message_id = i - 1;
      message.text = '';
      message.text_entities = [];
    } else if (i % 7 === 0) {
      const parts = [
        `message ${i} with `,
        { type: 'bold', text: 'bold' },
        ' and a ',
        { type: 'text_link', text: 'link', href: `https://example.com/${i}` },
        ' 🎉',
      ];
      message.text = parts;
      message.text_entities = parts.map((part) => (typeof part === 'string' ? { type: 'plain', text: part } : part));
    } else {
      message.text = `message ${i}: the quick brown fox jumps over the lazy dog ${i % 1000}`;
      message.text_entities = [{ type: 'plain', text: message.text }];
    }
    if (i % 11 === 0) message.reply_to_message_id = i - 3;
    if (i % 13 === 0) {
      message.photo = '(File not included. Change data exporting settings to download.)';
      message.width = 1280;
      message.height = 960;
    }
    if (i % 17 === 0) {
      message.edited = new Date((unix + 60) * 1000).toISOString().slice(0, 19);
      message.edited_unixtime = String(unix + 60);
    }
    if (i % 19 === 0) message.reactions = [{ type: 'emoji', count: 2, emoji: '👍' }];
    pending += `  ${JSON.stringify(message)}${i === count ? '' : ','}\n`;
    if (pending.length > 1 << 20) {
      writeSync(fd, pending);
      pending = '';
    }
  }
  pending += ' ]\n}\n';
  writeSync(fd, pending);
  closeSync(fd);
}
