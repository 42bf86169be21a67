import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { selectMessagesByIds } from '../../../electron/core/cache/messageQueries.ts';
import { createSearchService } from '../../../electron/core/search/createSearchService.ts';
import { createDemoSource } from '../../../electron/core/sources/demo/createDemoSource.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const LRM = '\u200e';

/** Imports one `_chat.txt` from a folder named like WhatsApp names it, and reads every message back. */
function importChat(lines: string[]) {
  const root = tempFolder();
  const folder = path.join(root, 'WhatsApp Chat - Hiking Club');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, '_chat.txt'), `${lines.join('\n')}\n`);
  const db = openCacheDatabase(path.join(root, 'cache.db'));
  const [chat] = findImportInputs(folder).flatMap((input) => importFile(db, input).chats);
  const ids = (
    db.prepare('SELECT source_msg_id AS id FROM messages WHERE chat_id = ? ORDER BY date, sort_key').all(chat!.chatId) as { id: string }[]
  ).map((row) => row.id);
  return { db, chatId: chat!.chatId, messages: selectMessagesByIds(db, chat!.chatId, ids) };
}

describe('WhatsApp imports keep what the first round lost', () => {
  it('iPhone group system lines (the group’s name in the author’s place, a mark before the text) are service lines, not messages', () => {
    const { db, messages } = importChat([
      `[12/08/2020, 10:00:00] Hiking Club: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
      `[12/08/2020, 10:00:01] Hiking Club: ${LRM}Josh created this group`,
      `[12/08/2020, 10:00:02] Hiking Club: ${LRM}Josh added Mia`,
      '[12/08/2020, 10:01:00] Josh: I created this group for the trip',
      '[12/08/2020, 10:02:00] Mia: Thanks for adding me',
    ]);
    expect(messages.map((message) => [message.senderName, message.service?.action ?? null, message.text])).toEqual([
      [null, 'encryptionNotice', expect.stringContaining('end-to-end encrypted')],
      [null, 'chatCreate', 'Josh created this group'],
      [null, 'membersAdded', 'Josh added Mia'],
      // Typed by people, with no mark: messages, however they read.
      ['Josh', null, 'I created this group for the trip'],
      ['Mia', null, 'Thanks for adding me'],
    ]);
    db.close();
  });

  it('web addresses in messages are links, found by has:link and the link kind', async () => {
    const text = 'Route: https://example.com/trails?id=7, or www.hike.org. See you (https://maps.example/x)!';
    const { db, chatId, messages } = importChat(['[12/08/2020, 10:00:00] Josh: ' + text, '[12/08/2020, 10:01:00] Mia: no link here']);
    const links = messages[0]!.entities.map((entity) => text.slice(entity.offset, entity.offset + entity.length));
    expect(links).toEqual(['https://example.com/trails?id=7', 'www.hike.org', 'https://maps.example/x']);
    expect(messages[0]!.entities.every((entity) => entity.type === 'link')).toBe(true);
    expect(messages[1]!.entities).toEqual([]);
    const search = createSearchService({ db, sourceFor: () => createDemoSource() });
    const filter = { chatId, from: null, to: null, sender: '', order: 'newest' as const, limit: 10, cursor: null };
    expect((await search.search({ ...filter, query: 'has:link', kinds: [] })).hits.map((hit) => hit.message.senderName)).toEqual(['Josh']);
    expect((await search.search({ ...filter, query: '', kinds: ['link'] })).hits).toHaveLength(1);
    db.close();
  });
});
