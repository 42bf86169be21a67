import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { createHistoryEngine } from '../../../electron/core/history/createHistoryEngine.ts';
import { createMediaService } from '../../../electron/core/media/createMediaService.ts';
import { createMediaStore } from '../../../electron/core/media/createMediaStore.ts';
import { createRyzeApiClient } from '../../../electron/core/sources/ryze/createRyzeApiClient.ts';
import { createRyzeSource } from '../../../electron/core/sources/ryze/createRyzeSource.ts';
import { createFakeClock, fakeImage, seedRyzeChat, startFakeRyzeApiServer, storedWithoutMedia } from '../../support/fakeRyzeApiServer.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const JID = '120363000000000001@g.us';
const TOKEN = 'ryze-secret-token-7f3a';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('RyzeAPI media', () => {
  it('fetches an image on view from /api/chat/base64 (the store makes its thumbnail), and says when RyzeAPI has none', async () => {
    const clock = createFakeClock();
    const server = await startFakeRyzeApiServer({ token: TOKEN, instance: 'main', chats: { [JID]: seedRyzeChat(JID, 300) }, clock });
    closers.push(server.close);
    const folder = tempFolder();
    const db = openCacheDatabase(path.join(folder, 'ryze.db'));
    upsertSource(db, { id: 'ryze:main', kind: 'ryze', name: 'WhatsApp (main)' });
    const [chatId] = upsertChats(db, 'ryze:main', [{ key: JID, name: 'Group', kind: 'group', messageCount: null, lastMessageDate: null }]);
    const client = createRyzeApiClient({ baseUrl: server.baseUrl, instance: 'main', token: TOKEN, clock, timeoutMs: 2000 });
    const source = createRyzeSource({ id: 'ryze:main', client, listChats: () => [] });
    const history = createHistoryEngine({ db, sourceFor: () => source });
    const media = createMediaService({
      db,
      store: createMediaStore(db, path.join(folder, 'media')),
      sourceFor: () => source,
      onStatus: () => undefined,
    });
    const page = await history.getHistoryPage({ chatId: chatId!, anchor: { kind: 'latest' }, limit: 200 });
    const images = page.messages.filter((message) => message.media?.kind === 'photo');
    const withMedia = images.find((message) => !storedWithoutMedia(message.id))!;
    const without = images.find((message) => storedWithoutMedia(message.id))!;
    expect(withMedia && without).toBeTruthy();
    const historyRequests = server.requests.length;

    const thumb = await media.fileFor(chatId!, withMedia.id, 'thumb');
    expect(server.mediaRequests).toEqual([withMedia.id]);
    const info = await sharp(fs.readFileSync(thumb!.path)).metadata();
    expect([info.width, info.height]).toEqual([320, 240]);
    const whole = await media.fileFor(chatId!, withMedia.id, 'full');
    const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    expect(sha(fs.readFileSync(whole!.path))).toBe(sha(await fakeImage(withMedia.id)));
    // The whole file was fetched once, for the thumbnail; asking for it again sends nothing.
    expect(server.mediaRequests).toEqual([withMedia.id]);

    expect(await media.fileFor(chatId!, without.id, 'thumb')).toBeNull();
    expect(server.mediaRequests).toEqual([withMedia.id, without.id]);
    expect(server.requests.length).toBe(historyRequests);
    db.close();
  });
});
