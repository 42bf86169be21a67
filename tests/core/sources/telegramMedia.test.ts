import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../../shared/cursor.ts';
import { databaseOf, openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { findMessageMedia } from '../../../electron/core/cache/messageQueries.ts';
import { saveTelegramAccount } from '../../../electron/core/sources/telegram/saveTelegramAccount.ts';
import { createFakeClock } from '../../support/fakeRyzeApiServer.ts';
import { createFakeTelegram, FAKE_VIDEO_BYTES, seedFakeChat, type FakeTraps } from '../../support/fakeTelegram.ts';
import { fakeTelegramClient } from '../../support/fakeTelegramClient.ts';
import { silentLogger } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function telegramCore(traps: FakeTraps) {
  const clock = createFakeClock();
  const channel = seedFakeChat({ type: 'channel', id: 777, accessHash: 4242 }, 'Photos', 400);
  const fake = createFakeTelegram({ chats: [channel], clock, traps });
  const core = openScrollbackCore({
    databasePath: path.join(tempFolder(), 'telegram.db'),
    logger: silentLogger,
    telegram: { clientFor: () => fakeTelegramClient(fake), connects: false, clock, pacingMs: 1000 },
  });
  const sourceId = saveTelegramAccount(core.providerContext, { userId: '42', name: 'Me', apiId: 12345 });
  const [chat] = await core.refreshChats(sourceId);
  const page = await core.history.getHistoryPage({ chatId: chat!.id, anchor: { kind: 'latest' }, limit: 100 });
  return { core, fake, clock, chat: chat!, page };
}

describe('Telegram media through the account’s scheduler', () => {
  it('gives pictures their stripped preview with the page (no request), and fetches the `m` thumbnail', async () => {
    const { core, fake, chat, page } = await telegramCore({});
    const photo = page.messages.find((message) => message.media?.kind === 'photo')!;
    expect(photo.media).toMatchObject({ kind: 'photo', width: 1280, height: 720, thumb: true });
    expect((photo.media as { preview?: string }).preview).toMatch(/^AR/);
    // The window never sees the source's locator (ids, access hash, file reference).
    expect(JSON.stringify(page.messages)).not.toContain('fileReference');
    const before = fake.fileCalls;
    const thumb = await core.media.fileFor(chat.id, photo.id, 'thumb');
    expect(fake.fileCalls).toBe(before + 1);
    expect(sha256(fs.readFileSync(thumb!.path))).toBe(sha256(await fake.fileBytes(`photo:${photo.id}:m`)));
    // Kept: asked again, it is served without a request.
    await core.media.fileFor(chat.id, photo.id, 'thumb');
    expect(fake.fileCalls).toBe(before + 1);
    // The chat's photo, from its stripped thumbnail and then the small photo.
    expect(core.getChat(chat.id).avatar?.preview).toMatch(/^AR/);
    const avatar = await core.media.avatarFor(chat.id);
    expect(sha256(fs.readFileSync(avatar!.path))).toBe(sha256(await fake.fileBytes('peerPhoto:777:')));
    await core.close();
  });

  it('downloads a video in 512 KB parts through an expired file reference and a flood wait: whole, nothing sent early', async () => {
    const { core, fake, chat, page } = await telegramCore({ expireFileReferences: true, fileFloodWaits: new Map([[3, 30]]) });
    const video = page.messages.find((message) => message.media?.kind === 'video' && message.media.mimeType === 'video/mp4')!;
    expect(video.media).toMatchObject({ kind: 'video', size: FAKE_VIDEO_BYTES, mimeType: 'video/mp4', thumb: true });
    const statuses: string[] = [];
    const unsubscribe = core.events.subscribe((event) => {
      if (event.kind === 'mediaDownload') statuses.push(event.status.state);
    });
    await core.media.download(chat.id, video.id);
    unsubscribe();
    const stored = core.media.store.open(chat.id, video.id, 'full')!;
    expect(stored.size).toBe(FAKE_VIDEO_BYTES);
    expect(sha256(fs.readFileSync(stored.path))).toBe(sha256(await fake.fileBytes(`document:${100_000 + Number(video.id)}:`)));
    expect(fake.floodViolations).toEqual([]);
    expect(statuses).toContain('waiting');
    expect(statuses.at(-1)).toBe('done');
    const calls = fake.log.filter((entry) => entry.request === 'GetFile' || entry.request === 'GetMessages').map((entry) => entry.request);
    // Refused (expired), the message fetched again, then three parts (one refused by the flood wait, retried after it).
    expect(calls).toEqual(['GetFile', 'GetMessages', 'GetFile', 'GetFile', 'GetFile', 'GetFile']);
    const offsets = fake.log.filter((entry) => entry.request === 'GetFile').map((entry) => entry.offsetId);
    expect(offsets).toEqual([0, 0, 524288, 524288, 1048576]);
    // The fresh reference was stored with the message, so the next download does not need renewing.
    const fresh = findMessageMedia(databaseOf(core), chat.id, video.id)!.media as unknown as { locator: { fileReference: string } };
    expect(Buffer.from(fresh.locator.fileReference, 'base64').toString()).toMatch(/-2$/);
    await core.close();
  });

  it('answers a history page asked during a media download before the download’s next part', async () => {
    const { core, fake, chat, page } = await telegramCore({});
    const video = page.messages.find((message) => message.media?.kind === 'video' && message.media.mimeType === 'video/mp4')!;
    const download = core.media.download(chat.id, video.id);
    // Once the download's first part has gone out, the window asks for a page.
    while (fake.fileCalls === 0) await new Promise((resolve) => setImmediate(resolve));
    const oldest = page.messages[0]!;
    const position = core.findMessagePosition(chat.id, oldest.id)!;
    await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'before', cursor: encodeCursor(position) }, limit: 100 });
    await download;
    const order = fake.log.filter((entry) => entry.request === 'GetFile' || entry.request === 'GetHistory').map((entry) => entry.request);
    // The page's request went out right after the part in flight, not behind the whole file.
    expect(order.slice(-4)).toEqual(['GetFile', 'GetHistory', 'GetFile', 'GetFile']);
    await core.close();
  });

  it('a voice message keeps its waveform and plays from the stored file', async () => {
    const { core, chat, page } = await telegramCore({});
    const voice = page.messages.find((message) => message.media?.kind === 'voice')!;
    expect(voice.media).toMatchObject({
      kind: 'voice',
      durationS: 7,
      waveform: Buffer.from([0x1f, 0x8c, 0x31, 0xc6, 0x18]).toString('base64'),
    });
    await core.media.download(chat.id, voice.id);
    expect(core.media.store.open(chat.id, voice.id, 'full')!.mimeType).toBe('audio/ogg');
    await core.close();
  });
});
