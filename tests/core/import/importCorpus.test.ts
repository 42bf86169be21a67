import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { readMessagesByRowId } from '../../../electron/core/cache/messageQueries.ts';
import type { ChatMessage } from '../../../shared/domain.ts';
import { fixturesFolder } from '../../support/fixturesFolder.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const fixtures = fixturesFolder();
const tempFolder = useTempFolder();

/**
 * Messages per file, counted by reading the files (message objects in each `messages` list; WhatsApp lines
 * that start with a date and time), not taken from the importer. Notes say where the count is not the
 * obvious one.
 */
const expected: Record<string, Array<{ stored: number; skipped?: number }>> = {
  // 87 objects; #87 is {"id": 87, "type": "unsupported"} with no date: a placeholder, skipped.
  'telegram-json/Loganavter__Tkonverter__examples__result.json': [{ stored: 86, skipped: 1 }],
  'telegram-json/Loganavter__Tkonverter__examples__result_group.json': [{ stored: 44, skipped: 1 }],
  // chats.list holds the same chat (id 5083816460, message ids 24429–24434) twice, renamed A → C.
  'telegram-json/akarsh1995__chat-analyser__tests__data__telegram.json': [{ stored: 6 }],
  'telegram-json/innerdvations__telegram-chat-parser__tests__data__bot.json': [{ stored: 2 }],
  'telegram-json/innerdvations__telegram-chat-parser__tests__data__personal.json': [{ stored: 0 }],
  'telegram-json/innerdvations__telegram-chat-parser__tests__data__private_channel.json': [{ stored: 7 }],
  'telegram-json/innerdvations__telegram-chat-parser__tests__data__private_group.json': [{ stored: 2 }],
  'telegram-json/innerdvations__telegram-chat-parser__tests__data__public_channel.json': [{ stored: 7 }],
  'telegram-json/innerdvations__telegram-chat-parser__tests__data__public_supergroup.json': [{ stored: 4 }],
  'telegram-json/innerdvations__telegram-chat-parser__tests__data__saved.json': [{ stored: 21 }],
  // Hand-made minimal exports: no ids, no chat id.
  'telegram-json/joweich__chat-miner__test__telegram__test_batch_export.json': [{ stored: 2 }],
  'telegram-json/joweich__chat-miner__test__telegram__test_single_export.json': [{ stored: 2 }],
  'telegram-json/la-ninpre__tg2md__tests__result.json': [{ stored: 19 }],
  'telegram-json/langchain-ai__langchain__docs__docs__integrations__document_loaders__example_data__telegram.json': [{ stored: 3 }],
  'telegram-json/langchain-ai__langchain__libs__langchain__tests__unit_tests__chat_loaders__data__telegram_chat_json__result.json': [
    { stored: 4 },
  ],
  'telegram-json/mlomb__chat-analytics__tests__samples__telegram__DM_2A_7M.json': [{ stored: 8 }],
  'whatsapp/Pustur__whatsapp-chat-parser__samples__short-chat.txt': [{ stored: 5 }],
  'whatsapp/akarsh1995__chat-analyser__tests__data__whatsapp.txt': [{ stored: 16 }],
  'whatsapp/gesiscss__WhatsR__inst__englishandroid24h.txt': [{ stored: 50 }],
  'whatsapp/gesiscss__WhatsR__inst__englishandroidampm.txt': [{ stored: 50 }],
  'whatsapp/gesiscss__WhatsR__inst__englishios24h.txt': [{ stored: 50 }],
  'whatsapp/gesiscss__WhatsR__inst__englishiosampm.txt': [{ stored: 50 }],
  'whatsapp/gesiscss__WhatsR__inst__germanandroid24h.txt': [{ stored: 50 }],
  'whatsapp/gesiscss__WhatsR__inst__germanandroidampm.txt': [{ stored: 50 }],
  'whatsapp/gesiscss__WhatsR__inst__germanios24h.txt': [{ stored: 50 }],
  'whatsapp/gesiscss__WhatsR__inst__germaniosampm.txt': [{ stored: 50 }],
  'whatsapp/joweich__chat-miner__test__whatsapp__test_[mmddyy]_24hrs.txt': [{ stored: 9 }],
  'whatsapp/joweich__chat-miner__test__whatsapp__test_ddmmyy_24hrs.txt': [{ stored: 9 }],
  'whatsapp/joweich__chat-miner__test__whatsapp__test_mmddyyyy_12hrs.txt': [{ stored: 9 }],
  'whatsapp/joweich__chat-miner__test__whatsapp__test_yyyymmdd_24hrs.txt': [{ stored: 9 }],
  // The last line reads "1/23/23, 3:22_AM - User 1: …": an underscore for the space before AM; 12 messages.
  'whatsapp/langchain-ai__langchain__docs__docs__integrations__document_loaders__example_data__whatsapp_chat.txt': [{ stored: 12 }],
  'whatsapp/langchain-ai__langchain__libs__langchain__tests__unit_tests__chat_loaders__data__whatsapp_chat.txt': [{ stored: 12 }],
  'whatsapp/lucasrodes__whatstk__chats__whatsapp__lorem.txt': [{ stored: 500 }],
  'whatsapp/lucasrodes__whatstk__chats__whatsapp__pokemon.txt': [{ stored: 20 }],
  'whatsapp/lucasrodes__whatstk__tests__chats__example-12h-2.txt': [{ stored: 20 }],
  'whatsapp/mlomb__chat-analytics__tests__samples__whatsapp__2A_5M.txt': [{ stored: 5 }],
  'whatsapp/mlomb__chat-analytics__tests__samples__whatsapp__4A_11M.txt': [{ stored: 14 }],
};

function importOne(relative: string) {
  const db = openCacheDatabase(path.join(tempFolder(), 'corpus.db'));
  const results = findImportInputs(path.join(fixtures!, relative)).map((input) => importFile(db, input));
  const chats = results.flatMap((result) => result.chats);
  const messagesOf = (chatId: number): ChatMessage[] => {
    const ids = (db.prepare('SELECT id FROM messages WHERE chat_id = ? ORDER BY date, sort_key').all(chatId) as Array<{ id: number }>).map(
      (row) => row.id,
    );
    return readMessagesByRowId(db, ids);
  };
  return { db, chats, messagesOf };
}

describe.skipIf(!fixtures)(`import corpus (${fixtures ?? 'skipped: no ../shared/fixtures and no SCROLLBACK_FIXTURES'})`, () => {
  it('lists a count for every fixture file (a new fixture must be counted by hand here)', async () => {
    const { readdirSync } = await import('node:fs');
    const onDisk = ['telegram-json', 'whatsapp'].flatMap((folder) =>
      readdirSync(path.join(fixtures!, folder)).map((name) => `${folder}/${name}`),
    );
    expect(onDisk.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [relative, chats] of Object.entries(expected)) {
    it(`imports ${relative}`, () => {
      const { db, chats: imported } = importOne(relative);
      expect(imported.map((chat) => ({ stored: chat.added, skipped: chat.skipped }))).toEqual(
        chats.map((chat) => ({ stored: chat.stored, skipped: chat.skipped ?? 0 })),
      );
      for (const chat of imported) {
        const row = db.prepare('SELECT count(*) AS n FROM messages WHERE chat_id = ?').get(chat.chatId) as { n: number };
        expect(row.n).toBe(chat.added);
      }
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }

  it('keeps the fields of a current Telegram export (entities, edits, replies, forwards, media, polls, reactions)', () => {
    const { chats, messagesOf } = importOne('telegram-json/Loganavter__Tkonverter__examples__result.json');
    const byId = new Map(messagesOf(chats[0]!.chatId).map((message) => [message.id, message]));
    const first = byId.get('1')!;
    expect(first.date).toBe(1769936400_000);
    expect(first.senderName).toBe('Me');
    expect(first.senderId).toBe('user777000');
    expect(first.text.startsWith('Baseaj text with @alice')).toBe(true);
    expect(first.entities.slice(0, 2)).toEqual([
      { type: 'bold', offset: 0, length: 6 },
      { type: 'mention', offset: 17, length: 6 },
    ]);
    const second = byId.get('2')!;
    expect(second.editDate).toBe(1769936580_000);
    expect(second.replyToId).toBe('1');
    expect(second.forward).toEqual({ fromName: 'Channel News', date: null });
    expect(byId.get('3')!.media).toEqual({ kind: 'photo', width: 1280, height: 720 });
    expect(byId.get('4')!.media).toMatchObject({ kind: 'sticker', emoji: '🙂' });
    expect(byId.get('6')!.media).toEqual({ kind: 'voice', durationS: 11 });
    expect(byId.get('8')!.media).toMatchObject({ kind: 'video', durationS: 95, width: 1280 });
    expect(byId.get('9')!.media).toMatchObject({ kind: 'audio', durationS: 210 });
    expect(byId.get('17')!.media).toMatchObject({ kind: 'poll', question: 'Best language?', options: ['C++', 'Rust'], closed: false });
    expect(byId.get('25')!.service).toMatchObject({ action: 'custom' });
    // An emoji reaction, a custom emoji (drawn as ★) and paid stars.
    expect(first.reactions).toEqual([
      { emoji: '🔥', count: 2 },
      { emoji: '★', count: 1 },
      { emoji: '⭐', count: 3 },
    ]);
  });

  it('reads a 2020 export: local dates without a zone, text arrays, entities, channel senders', () => {
    const { chats, messagesOf } = importOne('telegram-json/la-ninpre__tg2md__tests__result.json');
    const byId = new Map(messagesOf(chats[0]!.chatId).map((message) => [message.id, message]));
    expect(byId.get('3')!.date).toBe(new Date(2020, 10, 12, 12, 57, 31).getTime());
    expect(byId.get('3')!.senderId).toBe('channel1292077344');
    expect(byId.get('5')!.editDate).toBe(new Date(2020, 10, 12, 13, 3, 0).getTime());
    expect(byId.get('9')!.text).toBe('italic in text\n\nitalic on whole line');
    expect(byId.get('9')!.entities).toEqual([
      { type: 'italic', offset: 0, length: 6 },
      { type: 'italic', offset: 16, length: 20 },
    ]);
    expect(byId.get('13')!.entities[1]).toMatchObject({ type: 'pre', length: 19 });
    expect(byId.get('14')!.entities[0]).toEqual({ type: 'textLink', offset: 0, length: 11, url: 'http://example.com/' });
  });

  it('counts an astral emoji as two UTF-16 units in entity offsets', () => {
    const { chats, messagesOf } = importOne('telegram-json/mlomb__chat-analytics__tests__samples__telegram__DM_2A_7M.json');
    const message = messagesOf(chats[0]!.chatId).find((candidate) => candidate.id === '3644')!;
    expect(message.text).toBe('https://google.com 👀');
    expect(message.text.length).toBe(21);
    expect(message.entities).toEqual([{ type: 'link', offset: 0, length: 18 }]);
  });

  it('reads WhatsApp system lines, attachments, omitted media and deleted messages, in English and German', () => {
    const english = importOne('whatsapp/gesiscss__WhatsR__inst__englishandroid24h.txt');
    const en = english.messagesOf(english.chats[0]!.chatId);
    expect(en[0]!.service).toEqual({ action: 'encryptionNotice' });
    expect(en.find((message) => message.text.startsWith('You created group'))!.service).toEqual({ action: 'chatCreate' });
    // A voice note by its name (PTT-…opus), its file not in a .txt export.
    expect(en.find((message) => message.media?.kind === 'voice')!.media).toEqual({ kind: 'voice', durationS: 0, mimeType: 'audio/ogg' });
    // The omitted medium and "live location shared" (the export writes no coordinates).
    expect(en.filter((message) => message.media?.kind === 'other')).toHaveLength(2);
    expect(en.find((message) => message.media?.kind === 'location')!.media).toEqual({
      kind: 'location',
      latitude: 50.9425526,
      longitude: 6.9523387,
    });
    // 29/01/2018 12:24 local, read month-first because "1/29/18" has a day above 12.
    expect(en[0]!.date).toBe(new Date(2018, 0, 29, 12, 24).getTime());
    const german = importOne('whatsapp/gesiscss__WhatsR__inst__germanios24h.txt');
    const de = german.messagesOf(german.chats[0]!.chatId);
    expect(de[0]!.service).toEqual({ action: 'encryptionNotice' });
    expect(de.find((message) => message.text.includes('hinzugefügt'))!.service).toEqual({ action: 'membersAdded' });
    expect(de.find((message) => message.media?.kind === 'voice')!.media).toMatchObject({ kind: 'voice', mimeType: 'audio/ogg' });
    // iPhone's "Bild weggelassen": a photo whose file the export left out, no text.
    expect(de.some((message) => message.media?.kind === 'photo' && message.text === '' && message.senderName === 'Bob')).toBe(true);
    const deleted = importOne('whatsapp/akarsh1995__chat-analyser__tests__data__whatsapp.txt');
    const dl = deleted.messagesOf(deleted.chats[0]!.chatId);
    expect(dl.filter((message) => message.service?.action === 'messageDeleted')).toHaveLength(2);
    expect(dl[0]!.text).toBe('hello\nworld\nthis is the test case input\nfile');
    expect(dl[0]!.date).toBe(new Date(2018, 8, 28, 13, 53).getTime());
  });

  it('reads "a. m." clocks, year-first dates and a name followed directly by its colon', () => {
    const spanish = importOne('whatsapp/joweich__chat-miner__test__whatsapp__test_mmddyyyy_12hrs.txt');
    const es = spanish.messagesOf(spanish.chats[0]!.chatId);
    expect(es[2]!.date).toBe(new Date(2019, 0, 30, 20, 49).getTime());
    expect(es[1]!).toMatchObject({ senderName: 'John Doe', text: '.' });
    const yearFirst = importOne('whatsapp/joweich__chat-miner__test__whatsapp__test_yyyymmdd_24hrs.txt');
    expect(yearFirst.messagesOf(yearFirst.chats[0]!.chatId)[1]!.date).toBe(new Date(2019, 0, 20, 11, 23).getTime());
  });
});
