import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Api } from 'telegram';
import { databaseOf, openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { listCoverage } from '../../../electron/core/cache/coverageQueries.ts';
import { createFakeClock } from '../../support/fakeRyzeApiServer.ts';
import { createFakeTelegram, seedFakeChat, seedFakeForum, type FakeTraps } from '../../support/fakeTelegram.ts';
import { fakeTelegramClient } from '../../support/fakeTelegramClient.ts';
import { silentLogger } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { pagesAnsweredDuring } from '../../support/pagesAnsweredDuring.ts';
import { describeSearchTotal } from '../../../shared/describeSearchTotal.ts';
import { saveTelegramAccount } from '../../../electron/core/sources/telegram/saveTelegramAccount.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { getChatRecord, upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { storeHistoryRun } from '../../../electron/core/cache/storeHistoryRun.ts';
import { sourceMessage } from '../../../electron/core/model/SourceMessage.ts';
import type { SearchHit, SearchRequest } from '../../../shared/search.ts';
import { createTranslator } from '../../../electron/core/i18n/createTranslator.ts';

const tempFolder = useTempFolder();

async function telegramCore(folder: string, traps: FakeTraps, count = 20_000, options: { refresh?: boolean; takeout?: boolean } = {}) {
  const clock = createFakeClock();
  const channel = seedFakeChat({ type: 'channel', id: 777, accessHash: 4242 }, 'Big channel', count, { deletedEvery: 50 });
  const friend = seedFakeChat({ type: 'user', id: 555, accessHash: 99 }, 'Friend', 60);
  friend.pinned = true;
  const other = seedFakeChat({ type: 'channel', id: 888, accessHash: 1 }, 'Other', 10);
  other.archived = true;
  const fake = createFakeTelegram({
    chats: [channel, friend, other],
    clock,
    traps,
  });
  const core = openScrollbackCore({
    databasePath: path.join(folder, 'telegram.db'),
    logger: silentLogger,
    telegram: { clientFor: () => fakeTelegramClient(fake), connects: false, clock, pacingMs: 1000 },
    sync: { sleep: (ms) => clock.sleep(ms), now: clock.now, pacingMs: 0, outageRetryDelaysMs: [10_000, 10_000, 10_000] },
  });
  const sourceId = saveTelegramAccount(core.providerContext, { userId: '42', name: 'Me', apiId: 12345, takeout: options.takeout });
  const chats = options.refresh === false ? core.listChats() : await core.refreshChats(sourceId);
  return { core, fake, clock, channel, chats, sourceId, fakeChats: [channel, friend, other] };
}

describe('Telegram source against a faithful fake', () => {
  it('lists every dialog once, pinned first, with the peer stored to reach it again', async () => {
    const { core, chats, fake } = await telegramCore(tempFolder(), { duplicateDialogs: true });
    expect(chats.map((chat) => chat.name)).toEqual(['Friend', 'Big channel', 'Other']);
    expect(chats.map((chat) => chat.kind)).toEqual(['private', 'group', 'group']);
    // Pinned and archived as the account has them: the list puts pinned first and archived last.
    expect(chats.map((chat) => [chat.name, chat.pinned, chat.archived])).toEqual([
      ['Friend', true, false],
      ['Big channel', false, false],
      ['Other', false, true],
    ]);
    expect(fake.log.filter((entry) => entry.request === 'GetDialogs').length).toBeGreaterThan(1);
    const stored = databaseOf(core).prepare('SELECT peer FROM chats WHERE name = ?').get('Big channel') as { peer: string };
    expect(JSON.parse(stored.peer)).toEqual({ type: 'channel', id: '777', accessHash: '4242' });
    await core.close();
  });

  it('full sync with short pages, messageEmpty, a FLOOD_WAIT above 60 s and 5 dropped connections: exactly the fake’s messages, complete', async () => {
    const traps: FakeTraps = {
      shortPageEvery: 3,
      floodWaits: new Map([[7, 300]]),
      drops: new Set([3, 9, 15, 40, 80]),
      missingUsers: new Set([103]),
    };
    const { core, fake, channel, chats } = await telegramCore(tempFolder(), traps);
    const chat = chats.find((candidate) => candidate.name === 'Big channel')!;
    core.sync.start({ chatId: chat.id, from: null, to: null });
    const status = await core.sync.settled(chat.id);
    expect(status.error).toBeNull();
    expect(status.state).toBe('done');
    const stored = databaseOf(core)
      .prepare('SELECT source_msg_id AS id FROM messages WHERE chat_id = ? ORDER BY sort_key')
      .all(chat.id) as Array<{ id: string }>;
    const expected = channel.messages.map((message) => String(message.id));
    expect(stored.length).toBe(expected.length);
    expect(stored.map((row) => row.id)).toEqual(expected);
    expect(core.getChat(chat.id).oldestReached).toBe(true);
    const coverage = listCoverage(databaseOf(core), chat.id);
    expect(coverage).toHaveLength(1);
    expect(coverage[0]!.reachesOldest).toBe(true);
    // The rules of the account: one request at a time, nothing sent during the flood wait, and paced.
    expect(fake.maxInFlight).toBe(1);
    expect(fake.floodViolations).toEqual([]);
    const floodAt = fake.log.findIndex((entry, index) => index > 0 && entry.at - fake.log[index - 1]!.at >= 300_000);
    expect(floodAt).toBeGreaterThan(0);
    await core.close();
  }, 120_000);

  it('maps messages completely: astral-emoji entities, replies, edits, albums, photos, missing and deleted users', async () => {
    const { core, chats } = await telegramCore(tempFolder(), { missingUsers: new Set([103]) }, 200);
    const chat = chats.find((candidate) => candidate.name === 'Big channel')!;
    const page = await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'aroundMessage', messageId: '85' }, limit: 40 });
    const byId = new Map(page.messages.map((message) => [message.id, message]));
    const emoji = byId.get('85')!;
    expect(emoji.text).toBe('😀 bold 85 👍🏽 link');
    // "😀" is two UTF-16 units: "bold 85 " starts at 3.
    expect(emoji.entities).toEqual([
      { type: 'bold', offset: 3, length: 7 },
      { type: 'textLink', offset: 16, length: 4, url: 'https://example.com' },
    ]);
    // "😀" and "👍🏽" are 2 and 4 UTF-16 units: the entities still cover exactly these words.
    expect(emoji.text.slice(3, 10)).toBe('bold 85');
    expect(emoji.text.slice(16, 20)).toBe('link');
    expect(byId.get('88')!.replyToId).toBe('87');
    expect(byId.get('78')!.editDate).not.toBeNull();
    expect(byId.get('68')!.media).toMatchObject({
      kind: 'photo',
      width: 1280,
      height: 720,
      thumb: true,
      preview: expect.stringMatching(/^AR/),
    });
    expect(byId.get('68')!.groupedId).toBe('68');
    expect(byId.get('83')!.senderName).toBe('Deleted Account');
    expect(byId.get('82')!.senderName).toBe('Unknown (user103)');
    expect(byId.get('81')!.senderName).toBe('Ben Okafor');
    expect(byId.has('100')).toBe(false);
    await core.close();
  });

  it('a flood wait is persisted: after a restart nothing is sent before it ends', async () => {
    const folder = tempFolder();
    const first = await telegramCore(folder, { floodWaits: new Map([[1, 3600]]) });
    const chat = first.chats.find((candidate) => candidate.name === 'Big channel')!;
    await expect(first.core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 50 })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 3_600_000,
    });
    expect(first.fake.historyCalls).toBe(1);
    await first.core.close();
    const second = await telegramCore(folder, {}, 20_000, { refresh: false });
    await expect(second.core.refreshChats(second.sourceId)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(second.fake.log).toEqual([]);
    const callsBefore = second.fake.historyCalls;
    await expect(second.core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 50 })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect(second.fake.historyCalls).toBe(callsBefore);
    await second.core.close();
  });

  // How long those pages take while a download runs is the bench's figure (history_page_during_sync_p99_ms).
  it('while a sync runs, history pages of a downloaded chat are answered midway through it', async () => {
    const { core, chats } = await telegramCore(tempFolder(), { shortPageEvery: 5 });
    const friend = chats.find((candidate) => candidate.name === 'Friend')!;
    core.sync.start({ chatId: friend.id, from: null, to: null });
    await core.sync.settled(friend.id);
    const channel = chats.find((candidate) => candidate.name === 'Big channel')!;
    core.sync.start({ chatId: channel.id, from: null, to: null });
    const settled = core.sync.settled(channel.id);
    // Pages of a downloaded chat come from the cache; the sync's requests must not hold them up: pages are
    // answered while the sync has stored some of the channel and not all of it.
    const probed = await pagesAnsweredDuring(
      core,
      friend.id,
      settled,
      () => {
        const status = core.sync.status(channel.id);
        return status.state === 'running' && status.fetched > 0;
      },
      (index) => ({ kind: 'aroundMessage', messageId: String(10 + (index % 40)) }),
    );
    expect((await settled).state).toBe('done');
    expect(probed.midway).toBeGreaterThan(0);
    await core.close();
  }, 60_000);

  it('a session used elsewhere (AUTH_KEY_DUPLICATED) stops the sync with "log in again", without retrying', async () => {
    const { core, chats, fake } = await telegramCore(tempFolder(), { authKeyDuplicatedFrom: 3 });
    const chat = chats.find((candidate) => candidate.name === 'Big channel')!;
    core.sync.start({ chatId: chat.id, from: null, to: null });
    const status = await core.sync.settled(chat.id);
    expect(status.state).toBe('failed');
    expect(status.error).toMatchObject({
      code: 'AUTH_REQUIRED',
      message: expect.stringMatching(/used from two places at once\)\. Log in again/),
    });
    expect(fake.historyCalls).toBe(3);
    await core.close();
  });

  it('with takeout allowed, downloads inside a takeout session, waiting (and saying so) until the user approves it', async () => {
    const { core, chats, fake } = await telegramCore(tempFolder(), {}, 3_000, { takeout: true });
    const chat = chats.find((candidate) => candidate.name === 'Big channel')!;
    // The first attempt meets TAKEOUT_INIT_DELAY: the message says what the wait is for.
    const { core: waiting, chats: waitingChats } = await telegramCore(tempFolder(), { takeoutDelays: 1 }, 3_000, { takeout: true });
    await expect(
      waiting.history.getHistoryPage({ chatId: waitingChats[1]!.id, anchor: { kind: 'latest' }, limit: 50 }),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 60_000,
      message: expect.stringMatching(/allow this data export in another Telegram app/),
    });
    await waiting.close();
    core.sync.start({ chatId: chat.id, from: null, to: null });
    expect((await core.sync.settled(chat.id)).state).toBe('done');
    expect(core.getChat(chat.id).cachedCount).toBe(2_940);
    expect(fake.takeoutHistoryCalls).toBe(fake.historyCalls);
    expect(fake.log.filter((entry) => entry.request === 'InitTakeoutSession')).toHaveLength(1);
    await core.close();
  });

  it('reply quotes: originals the cache lacks are fetched by id in one channels.getMessages, kept, and not asked again', async () => {
    const { core, chats, fake, channel } = await telegramCore(tempFolder(), {}, 2_000);
    const chat = chats.find((candidate) => candidate.name === 'Big channel')!;
    // 7 and 1234 exist; 50 is deleted at the source (messageEmpty); 999999 never existed.
    const found = await core.getQuotedMessages(chat.id, ['7', '50', '1234', '999999']);
    expect(found.map((message) => message.id)).toEqual(['7', '1234']);
    const raw = channel.messages.find((message) => message.id === 1234)!;
    expect(found[1]!.text).toBe(raw.message);
    expect(found[1]!.senderName).not.toBeNull();
    expect(fake.log.filter((entry) => entry.request === 'GetMessages')).toHaveLength(1);
    expect(fake.historyCalls).toBe(0);
    // Kept: asked again, the cache answers (the missing ones are asked again, in one request).
    expect(core.getMessages(chat.id, ['7', '1234']).map((message) => message.id)).toEqual(['7', '1234']);
    expect((await core.getQuotedMessages(chat.id, ['7', '1234'])).map((message) => message.id)).toEqual(['7', '1234']);
    expect(fake.log.filter((entry) => entry.request === 'GetMessages')).toHaveLength(1);
    // Nothing was proven: a quote marks no stretch covered.
    expect(listCoverage(databaseOf(core), chat.id)).toEqual([]);
    await core.close();
  });

  it('searches what the cache lacks with messages.search, and keeps what it found', async () => {
    const { core, chats, fake, channel } = await telegramCore(tempFolder(), {}, 2_000);
    const chat = chats.find((candidate) => candidate.name === 'Big channel')!;
    const page = await core.search.search({
      chatId: chat.id,
      from: null,
      to: null,
      query: 'bold',
      sender: '',
      kinds: [],
      order: 'newest',
      limit: 50,
      cursor: null,
    });
    // Every 5th message says "bold"; every 50th id is deleted: the newest 50 of them.
    const expected = channel.messages
      .filter((message) => message.message.includes('bold'))
      .reverse()
      .slice(0, 50)
      .map((message) => String(message.id));
    expect(page.hits.map((hit) => hit.message.id)).toEqual(expected);
    expect(page.searched.some((span) => span.where === 'source')).toBe(true);
    expect(fake.log.filter((entry) => entry.request === 'Search').length).toBeGreaterThan(0);
    expect(fake.historyCalls).toBe(0);
    await core.close();
  });

  it('the total says what is on this computer, what Telegram counts in the whole chat, and what is not downloaded', async () => {
    const { core, chats, channel } = await telegramCore(tempFolder(), {}, 2_000);
    const chat = chats.find((candidate) => candidate.name === 'Big channel')!;
    const filter = { chatId: chat.id, from: null, to: null, query: 'bold', sender: '', kinds: [] };
    await core.search.search({ ...filter, order: 'newest', limit: 50, cursor: null });
    const total = await core.search.count(filter);
    // Only the 50 found so far are here; Telegram counts every message with the word.
    expect(total.onComputer).toBe(50);
    expect(total.atSource).toEqual({
      count: channel.messages.filter((message) => message.message.includes('bold')).length,
      sourceName: 'Telegram',
      scope: 'chat',
    });
    expect(total.notDownloaded.length).toBeGreaterThan(0);
    expect(describeSearchTotal(total, createTranslator('en'))).toMatch(
      /^50 on this computer · about [\d,]+ in the whole chat at Telegram$/,
    );
    // An operator the source cannot count as asked: no count from it.
    expect((await core.search.count({ ...filter, query: 'bold has:photo' })).atSource).toBeNull();
    // The chat's lifetime comes from its first page (offset_id 1).
    core.getChatCoverage(chat.id);
    await expect
      .poll(() => core.getChatCoverage(chat.id).firstMessageDate)
      .toBe(Math.min(...channel.messages.map((message) => message.date)) * 1000);
    await core.close();
  });

  it('all-chats search asks Telegram (messages.searchGlobal): every match once, in order, page after page, labelled where found', async () => {
    const { core, fake, chats, fakeChats } = await telegramCore(tempFolder(), {}, 2_000);
    // A WhatsApp chat with one match cached: searched on this computer only, and said so.
    const db = databaseOf(core);
    upsertSource(db, { id: 'ryze:main', kind: 'ryze', name: 'WhatsApp (main)' });
    const [ryzeChatId] = upsertChats(db, 'ryze:main', [
      { key: 'anna@s.whatsapp.net', name: 'Anna', kind: 'private', messageCount: 1, lastMessageDate: null },
    ]);
    const kept = sourceMessage({
      id: 'w1',
      sortKey: 1,
      date: Date.UTC(2019, 0, 1, 0, 30),
      sender: { key: 'ana', name: 'Ana Lopes' },
      out: false,
      text: 'in bold letters',
    });
    storeHistoryRun(db, getChatRecord(db, ryzeChatId!), { messages: [kept], coverage: null });
    // What Telegram holds: every message with the word, in every chat (none of it downloaded).
    const byName = new Map(chats.map((chat) => [chat.name, chat.id]));
    const expected = [
      ...fakeChats.flatMap((chat) =>
        chat.messages
          .filter((message) => message.message.includes('bold'))
          .map((message) => ({ chatId: byName.get(chat.title)!, id: String(message.id), date: message.date * 1000, sortKey: message.id })),
      ),
      { chatId: ryzeChatId!, id: 'w1', date: kept.date, sortKey: 1 },
    ]
      .sort((a, b) => b.date - a.date || b.sortKey - a.sortKey || b.chatId - a.chatId)
      .map((hit) => `${hit.chatId}:${hit.id}`);
    expect(expected.length).toBeGreaterThan(300);

    const request: SearchRequest = {
      chatId: null,
      from: null,
      to: null,
      query: 'bold',
      sender: '',
      kinds: [],
      order: 'newest',
      limit: 50,
      cursor: null,
    };
    const searchEveryPage = async (query = 'bold') => {
      const hits: SearchHit[] = [];
      let sources: unknown = null;
      for (let cursor: string | null = null, pages = 0; ; pages++) {
        // A guard against a cursor that never ends (300-odd hits at 50 a page end long before).
        if (pages === 80) throw new Error('search paging did not end after 80 pages');
        const page = await core.search.search({ ...request, query, cursor });
        sources ??= page.sources;
        hits.push(...page.hits);
        if (!page.nextCursor) return { hits, sources };
        cursor = page.nextCursor;
      }
    };
    // First a query most of Telegram's word matches fail (one sender of four): each page reads Telegram's
    // pages until its budget ends, and is cut there, so the cached WhatsApp match never jumps ahead.
    const byAna = await searchEveryPage('bold from:Ana');
    const anaMessages = new Set(
      fakeChats.flatMap((chat) =>
        chat.messages
          .filter(
            (message) => (message.fromId as Api.PeerUser | undefined)?.userId.toJSNumber() === 101 && message.message.includes('bold'),
          )
          .map((message) => `${byName.get(chat.title)!}:${message.id}`),
      ),
    );
    expect(byAna.hits.map((hit) => `${hit.message.chatId}:${hit.message.id}`)).toEqual(
      expected.filter((key) => anaMessages.has(key) || key === `${ryzeChatId}:w1`),
    );
    const { hits, sources } = await searchEveryPage();
    const seen = hits.map((hit) => `${hit.message.chatId}:${hit.message.id}`);
    const foundAt = new Set(hits.map((hit) => (hit.message.chatId === ryzeChatId ? `cached:${hit.foundAt}` : hit.foundAt)));
    expect(seen).toEqual(expected);
    // Each Telegram hit came from Telegram's search; the WhatsApp one was here already.
    expect([...foundAt].sort()).toEqual(['Telegram', 'cached:null']);
    expect(sources).toEqual([
      { sourceName: 'Telegram (Me)', where: 'source', reason: null },
      { sourceName: 'WhatsApp (main)', where: 'computer', reason: 'RyzeAPI cannot search all chats' },
    ]);
    expect(fake.log.filter((entry) => entry.request === 'SearchGlobal').length).toBeGreaterThan(3);
    expect(fake.historyCalls).toBe(0);

    // Searched again: the same hits, still found at Telegram (kept here, but not downloaded history).
    const again = await core.search.search(request);
    expect(again.hits.map((hit) => `${hit.message.chatId}:${hit.message.id}`)).toEqual(expected.slice(0, 50));
    expect(again.hits.every((hit) => hit.foundAt === 'Telegram')).toBe(true);
    // Once a chat is downloaded, its hits are simply history on this computer.
    const friend = chats.find((chat) => chat.name === 'Friend')!;
    core.sync.start({ chatId: friend.id, from: null, to: null });
    await core.sync.settled(friend.id);
    const afterDownload = (await searchEveryPage()).hits;
    expect(afterDownload.map((hit) => `${hit.message.chatId}:${hit.message.id}`)).toEqual(expected);
    const friendHits = afterDownload.filter((hit) => hit.message.chatId === friend.id);
    expect(friendHits.length).toBe(12);
    expect(friendHits.every((hit) => hit.foundAt === null)).toBe(true);
    expect(afterDownload.filter((hit) => hit.foundAt === 'Telegram').length).toBe(expected.length - 1 - 12);

    // The total: what is here now, and Telegram's own count over all chats.
    const total = await core.search.count(request);
    expect(total.onComputer).toBe(expected.length);
    expect(total.atSource).toEqual({ count: expected.length - 1, sourceName: 'Telegram', scope: 'all chats' });
    expect(describeSearchTotal(total, createTranslator('en'))).toBe(
      `${expected.length.toLocaleString('en-US')} on this computer · about ${(expected.length - 1).toLocaleString('en-US')} in all chats at Telegram`,
    );
    await core.close();
  });

  it('the calendar counts the days not downloaded at Telegram: one history request per boundary, offset_id_offset apart', async () => {
    const { core, chats, channel, fake } = await telegramCore(tempFolder(), {}, 20_000);
    const chat = chats.find((candidate) => candidate.name === 'Big channel')!;
    const day = 86_400_000;
    const boundaries = Array.from({ length: 8 }, (_, index) => Date.UTC(2019, 0, 2) + index * day);
    const atTelegram = boundaries
      .slice(0, -1)
      .map(
        (from, index) =>
          channel.messages.filter((message) => message.date * 1000 >= from && message.date * 1000 < boundaries[index + 1]!).length,
      );
    expect(Math.min(...atTelegram)).toBeGreaterThan(800);
    // Day 3 downloaded: it is counted on this computer, not asked.
    core.sync.start({ chatId: chat.id, from: boundaries[2]!, to: boundaries[3]! });
    await core.sync.settled(chat.id);
    const before = fake.historyCalls;
    const density = await core.getSourceDensity(chat.id, boundaries);
    expect(density.sourceName).toBe('Telegram');
    expect(density.counts).toEqual(atTelegram.map((count, index) => (index === 2 ? null : count)));
    expect(core.getMessageDensity(chat.id, boundaries).counts[2]).toBe(atTelegram[2]);
    // Boundaries 0–2 and 3–7: each asked once.
    expect(fake.historyCalls - before).toBe(8);
    await core.close();
  });

  it('a forum: its topics from channels.getForumTopics (paged), each message in its topic by its reply header', async () => {
    const clock = createFakeClock();
    const { chat: forum, topicOf } = seedFakeForum({ type: 'channel', id: 901, accessHash: 5 }, 'Hiking forum', 300);
    const fake = createFakeTelegram({ chats: [forum], clock, traps: {} });
    const core = openScrollbackCore({
      databasePath: path.join(tempFolder(), 'forum.db'),
      logger: silentLogger,
      telegram: { clientFor: () => fakeTelegramClient(fake), connects: false, clock, pacingMs: 0 },
      sync: { sleep: (ms) => clock.sleep(ms), now: clock.now, pacingMs: 0, outageRetryDelaysMs: [10_000] },
    });
    const sourceId = saveTelegramAccount(core.providerContext, { userId: '42', name: 'Me', apiId: 12345 });
    const chat = (await core.refreshChats(sourceId)).find((candidate) => candidate.name === 'Hiking forum')!;
    expect(chat.forum).toBe(true);
    const topics = await core.listTopics(chat.id);
    expect(topics.map((topic) => topic.title)).toEqual(['Off-topic', 'Announcements', 'Q&A']);
    // Three topics, two a page: two requests.
    expect(fake.log.filter((entry) => entry.request === 'GetForumTopics').length).toBe(2);
    core.sync.start({ chatId: chat.id, from: null, to: null });
    await core.sync.settled(chat.id);
    const ids = [...topicOf.keys()].map(String);
    const stored = core.getMessages(chat.id, ids);
    expect(stored.map((message) => [message.id, message.topicId ?? null])).toEqual(
      [...topicOf].map(([id, topic]) => [String(id), topic === null ? null : String(topic)]),
    );
    const counted = await core.listTopics(chat.id);
    for (const topic of counted)
      expect(topic.messagesOnComputer).toBe([...topicOf.values()].filter((value) => String(value) === topic.id).length);
    const page = await core.search.search({
      chatId: chat.id,
      from: null,
      to: null,
      query: 'forum in:"Q&A"',
      sender: '',
      kinds: [],
      order: 'newest',
      limit: 500,
      cursor: null,
    });
    expect(page.hits.length).toBe([...topicOf].filter(([id, topic]) => topic === 2 && id !== 2).length);
    expect(page.hits.every((hit) => hit.topicTitle === 'Q&A' && hit.message.topicId === '2')).toBe(true);
    await core.close();
  });
});
