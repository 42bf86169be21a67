import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { createMediaStore } from '../../../electron/core/media/createMediaStore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { fixturesFolder } from '../../support/fixturesFolder.ts';

const tempFolder = useTempFolder();
const fixtures = fixturesFolder();
const DISCORD = fixtures === null ? '' : path.join(fixtures, 'discord-json');

interface DceMessage {
  id: string;
  type: string;
  author?: { id: string };
  attachments?: unknown[];
  reactions?: unknown[];
  reference?: { messageId: string | null } | null;
}

/** What an export holds, read here with JSON.parse (its own messageCount is wrong in two of them). */
function countExport(file: string) {
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { messages: DceMessage[] };
  const unique = new Map(exported.messages.map((message) => [message.id, message]));
  const messages = [...unique.values()];
  return {
    messages: messages.reduce((sum, message) => sum + Math.max(1, Math.min(8, message.attachments?.length ?? 0)), 0),
    authors: new Set(messages.flatMap((message) => (message.author ? [message.author.id] : []))).size,
    attachments: messages.reduce((sum, message) => sum + Math.min(8, message.attachments?.length ?? 0), 0),
    reactions: messages.reduce((sum, message) => sum + (message.reactions?.length ?? 0), 0),
    replies: messages.filter((message) => typeof message.reference?.messageId === 'string').length,
  };
}

describe.skipIf(fixtures === null)(`DiscordChatExporter JSON${fixtures === null ? ' — skipped: no ../shared/fixtures here' : ''}`, () => {
  const files = fixtures === null ? [] : readdirSync(DISCORD).filter((name) => name.endsWith('.json'));

  it.each(files)('%s imports every message, author, attachment, reaction and reply', (file) => {
    const folder = tempFolder();
    const db = openCacheDatabase(path.join(folder, 'cache.db'));
    const [result] = findImportInputs(path.join(DISCORD, file)).map((input) => importFile(db, input));
    const chatId = result!.chats[0]!.chatId;
    const one = (sql: string) => (db.prepare(sql).get(chatId) as { n: number }).n;
    expect({
      messages: one('SELECT count(*) AS n FROM messages WHERE chat_id = ?'),
      authors: one('SELECT count(DISTINCT sender_id) AS n FROM messages WHERE chat_id = ? AND sender_id IS NOT NULL'),
      attachments: one("SELECT count(*) AS n FROM messages WHERE chat_id = ? AND kind IN ('photo', 'gif', 'video', 'audio', 'file')"),
      reactions: one(
        'SELECT coalesce(sum(json_array_length(reactions)), 0) AS n FROM messages WHERE chat_id = ? AND reactions IS NOT NULL',
      ),
      replies: one('SELECT count(*) AS n FROM messages WHERE chat_id = ? AND reply_to IS NOT NULL'),
    }).toEqual(countExport(path.join(DISCORD, file)));
    db.close();
  });

  it('names the chat after its server and channel (a DM after itself), keeps calls, joins and edits, and imports again as nothing new', () => {
    const folder = tempFolder();
    const db = openCacheDatabase(path.join(folder, 'cache.db'));
    const general = files.find((name) => name.includes('general_1012224565567721552'))!;
    const direct = files.find((name) => name.includes('DM_2A_2M'))!;
    const [guild] = findImportInputs(path.join(DISCORD, general)).map((input) => importFile(db, input));
    expect(guild!.chats[0]!.name).toBe('Example guild · #general');
    const [dm] = findImportInputs(path.join(DISCORD, direct)).map((input) => importFile(db, input));
    const dmChat = db.prepare('SELECT name, kind FROM chats WHERE id = ?').get(dm!.chats[0]!.chatId) as { name: string; kind: string };
    expect(dmChat.kind).toBe('private');
    const services = db.prepare('SELECT service FROM messages WHERE service IS NOT NULL').all() as { service: string }[];
    expect(services.map((row) => (JSON.parse(row.service) as { action: string }).action)).toEqual(
      expect.arrayContaining(['memberJoined', 'phoneCall']),
    );
    const [again] = findImportInputs(path.join(DISCORD, general)).map((input) => importFile(db, input));
    expect(again!.chats[0]).toMatchObject({ chatId: guild!.chats[0]!.chatId, added: 0 });
    db.close();
  });

  it('a message whose file came with the export (asset download) has that file in the media store', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'chat.json');
    writeFileSync(path.join(folder, 'photo.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    writeFileSync(
      file,
      JSON.stringify({
        guild: { id: '1', name: 'G' },
        channel: { id: '2', type: 'GuildTextChat', name: 'pics' },
        messages: [
          {
            id: '1064990824305274930',
            type: 'Default',
            timestamp: '2023-01-17T19:33:19.087+00:00',
            content: 'look',
            author: { id: '3', name: 'ana' },
            attachments: [{ id: '9', url: 'photo.png', fileName: 'photo.png', fileSizeBytes: 8 }],
          },
        ],
      }),
    );
    const db = openCacheDatabase(path.join(folder, 'cache.db'));
    const mediaStore = createMediaStore(db, path.join(folder, 'media'));
    const [result] = findImportInputs(file).map((input) => importFile(db, input, { mediaStore }));
    const chatId = result!.chats[0]!.chatId;
    const media = JSON.parse((db.prepare('SELECT media FROM messages WHERE chat_id = ?').get(chatId) as { media: string }).media) as {
      kind: string;
      size: number;
    };
    expect(media).toMatchObject({ kind: 'photo', size: 8 });
    const stored = db.prepare("SELECT message_id FROM message_media WHERE chat_id = ? AND variant = 'full'").all(chatId);
    expect(stored).toEqual([{ message_id: '1064990824305274930' }]);
    db.close();
  });
});
