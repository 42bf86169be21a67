import { writeFileSync } from 'node:fs';
import path from 'node:path';
import bigInt from 'big-integer';
import { Api } from 'telegram';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseOf, openScrollbackCore, type ScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { getChatRecord, upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { storeHistoryRun } from '../../../electron/core/cache/storeHistoryRun.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { sourceMessage, type SourceMessage } from '../../../electron/core/model/SourceMessage.ts';
import { mapTelegramMessage } from '../../../electron/core/sources/telegram/mapTelegramMessage.ts';
import { TelegramDirectory } from '../../../electron/core/sources/telegram/TelegramDirectory.ts';
import { silentLogger } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const T0 = Date.UTC(2024, 0, 1) / 1000;
const ANA_PHONE = '491511234567';

/** A Telegram Desktop single-chat export whose messages alternate between Ana (user777), Dana (user888) and the owner (user1). */
function writeExport(folder: string, chatId: number, name: string, count: number): string {
  const senders = [
    { from: 'Ana Costa', from_id: 'user777' },
    { from: 'Dana Levi', from_id: 'user888' },
    { from: 'Me', from_id: 'user1' },
  ];
  const messages = Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    type: 'message',
    date: new Date((T0 + index * 60) * 1000).toISOString().slice(0, 19),
    date_unixtime: String(T0 + index * 60),
    ...senders[index % 3],
    text: `${name} message ${index + 1}`,
  }));
  const file = path.join(folder, `${name}.json`);
  writeFileSync(file, JSON.stringify({ name, type: 'private_group', id: chatId, messages }));
  return file;
}

/** A live Telegram chat where Ana (a contact, with her phone) and the owner write, mapped from GramJS TL objects. */
function liveTelegramMessages(count: number): SourceMessage[] {
  const directory = new TelegramDirectory(
    [
      new Api.User({ id: bigInt(777), accessHash: bigInt(1), firstName: 'Ana', lastName: 'Costa', phone: ANA_PHONE, contact: true }),
      new Api.User({ id: bigInt(1), accessHash: bigInt(2), firstName: 'Me', self: true }),
    ],
    [],
  );
  return Array.from({ length: count }, (_, index) => {
    const mine = index % 2 === 1;
    const mapped = mapTelegramMessage(
      new Api.Message({
        id: index + 1,
        peerId: new Api.PeerUser({ userId: bigInt(777) }),
        fromId: new Api.PeerUser({ userId: bigInt(mine ? 1 : 777) }),
        date: T0 + index * 60,
        message: `live message ${index + 1}`,
        out: mine,
      }),
      directory,
    );
    if (!mapped) throw new Error('a message mapped to nothing');
    return mapped;
  });
}

/** WhatsApp over RyzeAPI: Ana's number as a JID. */
function whatsAppMessages(count: number): SourceMessage[] {
  return Array.from({ length: count }, (_, index) =>
    sourceMessage({
      id: `wa${index + 1}`,
      sortKey: index + 1,
      date: (T0 + index * 60) * 1000,
      sender: { key: `${ANA_PHONE}@s.whatsapp.net`, name: `+${ANA_PHONE}` },
      out: false,
      text: `whatsapp message ${index + 1}`,
    }),
  );
}

function storeChat(
  core: ScrollbackCore,
  source: { id: string; kind: 'telegram' | 'ryze' },
  name: string,
  messages: SourceMessage[],
): number {
  const db = databaseOf(core);
  upsertSource(db, { id: source.id, kind: source.kind, name: source.kind === 'telegram' ? 'Telegram' : 'WhatsApp', settings: {} });
  const [chatId] = upsertChats(db, source.id, [{ key: name, name, kind: 'private', messageCount: null, lastMessageDate: null }]);
  storeHistoryRun(db, getChatRecord(db, chatId!), {
    messages,
    coverage: { from: messages[0]!, to: messages.at(-1)!, reachesOldest: true },
    reachesNewest: true,
  });
  return chatId!;
}

let core: ScrollbackCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** An archive with Ana met four ways (two imports, live Telegram, WhatsApp) and a namesake known only by name. */
function archiveWithAna() {
  const folder = tempFolder();
  core = openScrollbackCore({ databasePath: path.join(folder, 'scrollback.db'), logger: silentLogger });
  const db = databaseOf(core);
  for (const file of [writeExport(folder, 1, 'Book club', 30), writeExport(folder, 2, 'Hiking', 12)])
    for (const input of findImportInputs(file)) importFile(db, input);
  storeChat(core, { id: 'telegram:1', kind: 'telegram' }, 'Ana Costa', liveTelegramMessages(10));
  storeChat(core, { id: 'ryze:1', kind: 'ryze' }, 'Ana (WhatsApp)', whatsAppMessages(8));
  // A WhatsApp export whose author is only a name: the same name, no proof.
  const exported = path.join(folder, 'WhatsApp Chat with Ana Costa.txt');
  writeFileSync(exported, '15/07/2024, 12:00 - Ana Costa: namesake one\n15/07/2024, 12:01 - Ana Costa: namesake two\n');
  for (const input of findImportInputs(exported)) importFile(db, input);
  return core;
}

async function searchAll(open: ScrollbackCore, query: string) {
  const page = await open.search.search({
    chatId: null,
    from: null,
    to: null,
    query,
    sender: '',
    kinds: [],
    order: 'newest',
    limit: 500,
    cursor: null,
  });
  return page.hits.map((hit) => hit.message);
}

describe('one person across every source', () => {
  it('the same Telegram user in two imported chats and a live chat, and a WhatsApp JID with her contact phone, are one person', () => {
    const open = archiveWithAna();
    const [ana, ...others] = open.people.peopleNamed('+49 151 1234567');
    expect(others).toEqual([]);
    expect(ana!.name).toBe('Ana Costa');
    const identities = ana!.senders.flatMap((sender) => sender.identities);
    expect(identities).toEqual(
      expect.arrayContaining(['telegram:user:777', `phone:+${ANA_PHONE}`, `whatsapp:jid:${ANA_PHONE}@s.whatsapp.net`]),
    );
    // Her senders: the imports' user777 (one sender for both imported chats), live Telegram's, WhatsApp's.
    expect(ana!.senders.map((sender) => sender.sourceName).sort()).toEqual(['Imported', 'Telegram', 'WhatsApp']);
    const chats = open.people.getPerson(ana!.id).chats;
    expect(chats.map((chat) => [chat.chatName, chat.messages]).sort()).toEqual([
      ['Ana (WhatsApp)', 8],
      ['Ana Costa', 5],
      ['Book club', 10],
      ['Hiking', 4],
    ]);
  });

  it('a name alone is a suggestion, never a link', () => {
    const open = archiveWithAna();
    const [ana] = open.people.peopleNamed('person:' + String(open.people.peopleNamed('+491511234567')[0]!.id));
    const details = open.people.getPerson(ana!.id);
    expect(details.senders.some((sender) => sender.identities.length === 0)).toBe(false);
    const [namesake, ...more] = details.suggestions;
    expect(more).toEqual([]);
    expect(namesake!.name).toBe('Ana Costa');
    expect(namesake!.senders.map((sender) => sender.identities)).toEqual([[]]);
    expect(namesake!.id).not.toBe(ana!.id);
  });

  it('"you" is one person across all sources', () => {
    const open = archiveWithAna();
    const [me] = open.people.listPeople('', 1);
    expect(me!.me).toBe(true);
    const chats = open.people.getPerson(me!.id).chats;
    expect(chats.map((chat) => [chat.chatName, chat.messages]).sort()).toEqual([
      ['Ana Costa', 5],
      ['Book club', 10],
      ['Hiking', 4],
    ]);
  });

  it('from:"Ana Costa" as a person means her in every source and excludes Dana Levi; from:Ana stays a part of a name', async () => {
    const open = archiveWithAna();
    const asPerson = await searchAll(open, 'from:"Ana Costa"');
    expect(asPerson.some((message) => message.senderName?.startsWith('Dana'))).toBe(false);
    expect(asPerson.filter((message) => message.text.startsWith('whatsapp message'))).toHaveLength(8);
    expect(asPerson.filter((message) => message.text.startsWith('live message'))).toHaveLength(5);
    // Her 10 + 4 imported messages, 5 live, 8 over WhatsApp, and the namesake's 2 (the same exact name).
    expect(asPerson).toHaveLength(10 + 4 + 5 + 8 + 2);
    const asText = await searchAll(open, 'from:Ana');
    expect(asText.some((message) => message.senderName === 'Dana Levi')).toBe(true);
    expect(asText.some((message) => message.text.startsWith('whatsapp message'))).toBe(false);
  });

  it('unlinking splits the results again; linking joins them; a rename is kept', async () => {
    const open = archiveWithAna();
    const ana = open.people.peopleNamed('+491511234567')[0]!;
    const query = `from:person:${ana.id}`;
    expect(await searchAll(open, query)).toHaveLength(10 + 4 + 5 + 8);
    const whatsApp = ana.senders.find((sender) => sender.sourceName === 'WhatsApp')!;
    const split = open.people.unlink(whatsApp.id);
    expect(await searchAll(open, query)).toHaveLength(10 + 4 + 5);
    expect(await searchAll(open, `from:person:${split.id}`)).toHaveLength(8);
    // New WhatsApp messages from the same JID stay where the user put them.
    storeChat(open, { id: 'ryze:1', kind: 'ryze' }, 'Ana (WhatsApp)', whatsAppMessages(9));
    expect(await searchAll(open, query)).toHaveLength(10 + 4 + 5);
    open.people.link(ana.id, split.id);
    expect(await searchAll(open, query)).toHaveLength(10 + 4 + 5 + 9);
    expect(open.people.rename(ana.id, 'Ana C.').name).toBe('Ana C.');
    expect(open.people.peopleNamed('Ana C.').map((person) => person.id)).toEqual([ana.id]);
  });
});
