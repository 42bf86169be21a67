import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { runExportJob } from '../../../electron/core/export/runExportJob.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { createMediaStore } from '../../../electron/core/media/createMediaStore.ts';
import type { ExportRequest } from '../../../shared/exporting.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const request = (chatId: number, media: ExportRequest['media']): ExportRequest => ({
  chatId,
  format: 'json',
  from: null,
  to: null,
  filter: null,
  includeService: true,
  csvBom: false,
  media,
});

describe('exports that carry media', () => {
  it('write Telegram Desktop’s layout, and an import of them stores every file with the same sha256', async () => {
    const folder = tempFolder();
    const core = await openTestCoreWithDemo(folder);
    const chat = core.listChats().find((candidate) => candidate.name === 'Ana Costa')!;
    // The newest 300 messages cached, and every one of their media on this computer (thumbnails and files).
    const page = await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 300 });
    const withFiles = page.messages.filter(
      (message) => message.media && ['photo', 'video', 'voice', 'sticker', 'file', 'gif'].includes(message.media.kind),
    );
    expect(withFiles.length).toBeGreaterThan(10);
    for (const message of withFiles) {
      await core.media.download(message.chatId, message.id);
      await core.media.fileFor(message.chatId, message.id, 'thumb');
    }
    const original = new Map(
      withFiles.map((message) => [message.id, sha256(core.media.store.open(chat.id, message.id, 'full')!.path)] as const),
    );
    const estimate = core.exports.estimate(request(chat.id, 'all'));
    // One copy per message in the export, even of a file the store holds once for many messages.
    expect(estimate.mediaBytes).toBeGreaterThanOrEqual(core.media.store.usage().fullBytes);
    await core.close();

    const exportFolder = path.join(folder, 'export');
    fs.mkdirSync(exportFolder);
    const target = path.join(exportFolder, 'result.json');
    const result = runExportJob({ databasePath: path.join(folder, 'scrollback.db'), request: request(chat.id, 'all'), target });
    const json = JSON.parse(fs.readFileSync(target, 'utf8')) as { messages: Array<Record<string, unknown>> };
    const photo = json.messages.find((message) => typeof message.photo === 'string' && !String(message.photo).startsWith('('))!;
    expect(photo.photo).toMatch(/^photos\/photo_\d+@\d\d-\d\d-\d{4}_\d\d-\d\d-\d\d\.jpg$/);
    const video = json.messages.find((message) => message.media_type === 'video_file' && typeof message.file === 'string');
    if (video) expect(video.thumbnail).toMatch(/^video_files\/.*_thumb\.jpg$/);
    const voice = json.messages.find((message) => message.media_type === 'voice_message');
    if (voice) expect(voice.file).toMatch(/^voice_messages\/audio_\d+@.*\.ogg$/);
    expect(result.bytes - fs.statSync(target).size).toBe(estimate.mediaBytes);

    const freshFolder = tempFolder();
    const fresh = openCacheDatabase(path.join(freshFolder, 'fresh.db'));
    const store = createMediaStore(fresh, path.join(freshFolder, 'media'));
    const [imported] = findImportInputs(target).map((input) => importFile(fresh, input, { mediaStore: store }));
    const freshChat = imported!.chats[0]!.chatId;
    fs.rmSync(exportFolder, { recursive: true });
    for (const [messageId, hash] of original) {
      const stored = store.open(freshChat, messageId, 'full');
      expect(stored, `file of message ${messageId}`).not.toBeNull();
      expect(sha256(stored!.path), `file of message ${messageId}`).toBe(hash);
    }
    fresh.close();
  });

  it('“thumbnails only” copies no whole file, and “no media” writes Telegram Desktop’s placeholder', async () => {
    const folder = tempFolder();
    const core = await openTestCoreWithDemo(folder);
    const chat = core.listChats().find((candidate) => candidate.name === 'Ana Costa')!;
    const page = await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 100 });
    const photo = page.messages.find((message) => message.media?.kind === 'photo')!;
    await core.media.fileFor(chat.id, photo.id, 'full');
    await core.media.fileFor(chat.id, photo.id, 'thumb');
    await core.close();
    const databasePath = path.join(folder, 'scrollback.db');
    const thumbs = path.join(folder, 'thumbs', 'result.json');
    fs.mkdirSync(path.dirname(thumbs));
    runExportJob({ databasePath, request: request(chat.id, 'thumbnails'), target: thumbs });
    const written = JSON.parse(fs.readFileSync(thumbs, 'utf8')).messages.find((message: { id: number }) => String(message.id) === photo.id);
    expect(written.photo).toBe('(File not included. Change data exporting settings to download.)');
    expect(written.thumbnail).toMatch(/^photos\/.*_thumb\.jpg$/);
    expect(fs.readdirSync(path.join(folder, 'thumbs', 'photos')).every((name) => name.endsWith('_thumb.jpg'))).toBe(true);
    const none = path.join(folder, 'none', 'result.json');
    fs.mkdirSync(path.dirname(none));
    runExportJob({ databasePath, request: request(chat.id, 'none'), target: none });
    expect(fs.readdirSync(path.dirname(none))).toEqual(['result.json']);
  });
});
