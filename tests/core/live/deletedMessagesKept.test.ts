import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOf, openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { saveTelegramAccount } from '../../../electron/core/sources/telegram/saveTelegramAccount.ts';
import { createFakeClock } from '../../support/fakeRyzeApiServer.ts';
import { createFakeTelegram, seedFakeChat } from '../../support/fakeTelegram.ts';
import { fakeTelegramClient } from '../../support/fakeTelegramClient.ts';
import { silentLogger } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

describe('a message deleted at the source is kept', () => {
  it('through an app restart, a full re-download of the chat and an export → import round trip, its mark kept', async () => {
    const folder = tempFolder();
    const clock = createFakeClock(Date.UTC(2025, 0, 1));
    const group = seedFakeChat({ type: 'channel', id: 777, accessHash: 4242 }, 'Team', 450, { start: Date.UTC(2024, 0, 1) / 1000 });
    const fake = createFakeTelegram({ chats: [group], clock });
    const open = (refresh = {}) =>
      openScrollbackCore({
        databasePath: path.join(folder, 'kept.db'),
        logger: silentLogger,
        telegram: { clientFor: () => fakeTelegramClient(fake), connects: false, clock, pacingMs: 0 },
        refresh,
      });
    let core = open();
    const sourceId = saveTelegramAccount(core.providerContext, { userId: '42', name: 'Me', apiId: 12345 });
    const [chat] = await core.refreshChats(sourceId);
    core.sync.start({ chatId: chat!.id, from: null, to: null });
    expect((await core.sync.settled(chat!.id)).state).toBe('done');
    const gone = [group.messages[10]!.id, group.messages[11]!.id, group.messages.at(-2)!.id];
    const texts = gone.map((id) => group.messages.find((message) => message.id === id)!.message);
    // Deleted at Telegram while the app was closed: a refresh looks at the newest 400 only, so finds one.
    fake.deleteMessages(group, gone, { unseen: true });
    expect(await core.refresh.refresh(chat!.id)).toMatchObject({ deleted: 1 });
    await core.close();

    // Restart, then a re-download of the whole chat from Telegram (every page fetched again).
    core = open({ recheckDays: 100_000, recheckPages: 1_000 });
    const marked = () => core.getMessages(chat!.id, gone.map(String));
    expect(marked().filter((message) => message.deletedAt !== null)).toHaveLength(1);
    const again = await core.refresh.refresh(chat!.id);
    expect(again.recheckedFrom).toBe(group.messages[0]!.date * 1000);
    const afterRedownload = marked();
    expect(afterRedownload.map((message) => message.text)).toEqual(texts);
    expect(afterRedownload.every((message) => message.deletedAt !== null)).toBe(true);
    const cachedCount = core.getChat(chat!.id).cachedCount;
    expect(cachedCount).toBe(group.messages.length + gone.length);

    // Exported to JSON and imported into another archive: the three are there, still marked.
    const file = path.join(folder, 'team.json');
    await core.exports.exportChat(
      { chatId: chat!.id, format: 'json', from: null, to: null, filter: null, includeService: true, csvBom: false },
      file,
    );
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { messages: Array<Record<string, unknown>> };
    expect(exported.messages.filter((message) => message.scrollback_deleted_at_source_unixtime !== undefined)).toHaveLength(3);
    await core.close();
    const other = openScrollbackCore({ databasePath: path.join(folder, 'other.db'), logger: silentLogger });
    const [imported] = findImportInputs(file).map((input) => importFile(databaseOf(other), input));
    const importedChat = imported!.chats[0]!.chatId;
    const roundTrip = other.getMessages(importedChat, gone.map(String));
    expect(roundTrip.map((message) => [message.text, message.deletedAt !== null])).toEqual(texts.map((text) => [text, true]));
    expect(other.getChat(importedChat).cachedCount).toBe(cachedCount);
    await other.close();
  }, 60_000);
});
