import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';
import type { ChatMessage } from '../../../shared/domain.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

/** Demo files: each "file" message's download is exactly its stated size, so sizes are known in advance. */
async function demoWithFiles(folder: string) {
  const core = await openTestCoreWithDemo(folder);
  const chat = core.listChats().find((candidate) => candidate.name === 'Everything Archive 📚')!;
  const files: ChatMessage[] = [];
  let page = await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 200 });
  for (let pages = 0; pages < 20 && files.length < 5; pages++) {
    files.unshift(...page.messages.filter((message) => message.media?.kind === 'file'));
    page = await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'before', cursor: page.olderCursor! }, limit: 200 });
  }
  return { core, chat, files };
}

describe('the media store', () => {
  it('keeps whole files within its limit, least recently viewed first to go, never pinned ones or a “keep media” chat’s', async () => {
    const { core, chat, files } = await demoWithFiles(tempFolder());
    expect(files.length).toBeGreaterThanOrEqual(5);
    const [pinned, ...rest] = files.slice(0, 5);
    const size = (id: string) => (files.find((file) => file.id === id)!.media as { size: number }).size;
    // A limit that holds the pinned file and about two others.
    const limit = size(pinned!.id) + size(rest[2]!.id) + size(rest[3]!.id) + 1;
    core.media.store.setLimitBytes(limit);
    await core.media.download(chat.id, pinned!.id);
    core.media.setPinned(chat.id, pinned!.id, true);
    for (const file of rest) await core.media.download(chat.id, file.id);
    const kept = files
      .slice(0, 5)
      .filter((file) => core.media.store.open(chat.id, file.id, 'full') !== null)
      .map((file) => file.id);
    // The pinned one stays, and the most recently downloaded (viewed) ones that fit; the oldest went first.
    expect(kept).toEqual([pinned!.id, rest[2]!.id, rest[3]!.id]);
    expect(core.media.store.usage().fullBytes).toBeLessThanOrEqual(limit);
    // What was evicted is "not on this computer" (not missing), and downloads again.
    const around = await core.history.getHistoryPage({
      chatId: chat.id,
      anchor: { kind: 'aroundMessage', messageId: rest[0]!.id },
      limit: 3,
    });
    expect(around.messages.find((message) => message.id === rest[0]!.id)!.media).not.toHaveProperty('onComputer');

    // A chat marked "keep media" is never evicted, even far past the limit.
    core.media.setKeepMedia(chat.id, true);
    core.media.store.setLimitBytes(1);
    for (const file of rest) await core.media.download(chat.id, file.id);
    expect(core.media.store.evictOverLimit().evicted).toBe(0);
    expect(files.slice(0, 5).every((file) => core.media.store.open(chat.id, file.id, 'full') !== null)).toBe(true);
    core.media.setKeepMedia(chat.id, false);
    expect(core.media.store.evictOverLimit().evicted).toBe(4);
    expect(core.media.store.open(chat.id, pinned!.id, 'full')).not.toBeNull();
    // Files on disk are exactly what is recorded.
    const onDisk = fs
      .readdirSync(core.media.store.folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name)).length;
    expect(onDisk).toBe(core.media.store.usage().files);
    await core.close();
  });

  it('stores one file for identical bytes, and removing the source deletes its files', async () => {
    const folder = tempFolder();
    const core = await openTestCoreWithDemo(folder);
    const chat = core.listChats().find((candidate) => candidate.name === 'Everything Archive 📚')!;
    const page = await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 200 });
    const voices = page.messages.filter((message) => message.media?.kind === 'voice').slice(0, 3);
    expect(voices.length).toBe(3);
    for (const voice of voices) await core.media.download(chat.id, voice.id);
    // The demo's voice messages share one clip: three links, one file.
    expect(new Set(voices.map((voice) => core.media.store.open(chat.id, voice.id, 'full')!.path)).size).toBe(1);
    const db = databaseOf(core);
    expect((db.prepare("SELECT count(*) AS n FROM message_media WHERE variant = 'full'").get() as { n: number }).n).toBe(3);
    await core.removeSource('demo');
    expect(core.media.store.usage().files).toBe(0);
    expect(
      fs
        .readdirSync(path.join(folder, 'media'))
        .filter((name) => /^[0-9a-f]{2}$/.test(name) && fs.readdirSync(path.join(folder, 'media', name)).length > 0),
    ).toEqual([]);
    await core.close();
  });
});
