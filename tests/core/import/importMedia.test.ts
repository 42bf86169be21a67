import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { mediaFileForPath } from '../../../electron/core/app/mediaFileForPath.ts';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { createMediaService } from '../../../electron/core/media/createMediaService.ts';
import { createMediaStore } from '../../../electron/core/media/createMediaStore.ts';
import { fixturesFolder } from '../../support/fixturesFolder.ts';
import type { HistorySource } from '../../../electron/core/sources/HistorySource.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { TINY_PNG, writeExportFolderWithMedia } from '../../support/writeExportFolderWithMedia.ts';
import { DEMO_VOICE } from '../../../electron/core/sources/demo/demoMediaClips.ts';

const tempFolder = useTempFolder();
const fixtures = fixturesFolder();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function setUp() {
  const folder = tempFolder();
  const db = openCacheDatabase(path.join(folder, 'cache.db'));
  const store = createMediaStore(db, path.join(folder, 'media'));
  const media = createMediaService({
    db,
    store,
    // Imported chats' source holds only the cache: it is never asked for a file.
    sourceFor: () => ({ id: 'import', kind: 'import', holdsOnlyTheCache: true }) as HistorySource,
    onStatus: () => undefined,
  });
  return { folder, db, store, media };
}

describe('media files an export brought', () => {
  it('are copied into the store when inside the export folder, and served for their message only', async () => {
    const { folder, db, store, media } = setUp();
    const exportFolder = writeExportFolderWithMedia(folder);
    const [result] = findImportInputs(exportFolder).map((input) => importFile(db, input, { mediaStore: store }));
    const chatId = result!.chats[0]!.chatId;
    // The export folder can go: the store has its own copy.
    fs.rmSync(exportFolder, { recursive: true });
    const served = await mediaFileForPath(media, `/media/${chatId}/1/full`);
    expect(served).toMatchObject({ mimeType: 'image/png', size: TINY_PNG.length });
    expect(sha256(fs.readFileSync(served!.path))).toBe(sha256(TINY_PNG));
    expect(path.relative(store.folder, served!.path).startsWith('..')).toBe(false);
    for (const id of ['2', '3', '4', '5']) expect(await mediaFileForPath(media, `/media/${chatId}/${id}/full`)).toBeNull();
    expect(await mediaFileForPath(media, `/media/${chatId}/..%2F..%2Fcache.db`)).toBeNull();
    expect(await mediaFileForPath(media, `/media/${chatId + 1}/1/full`)).toBeNull();
    expect(await mediaFileForPath(media, '/media/x/1')).toBeNull();
    // Nothing stored says where the file lay.
    const stored = db.prepare('SELECT media FROM messages WHERE media IS NOT NULL').all() as Array<{ media: string }>;
    expect(stored.some((row) => row.media.includes('localFile'))).toBe(false);
    db.close();
  });

  it.skipIf(!fixtures)(
    'takes a WhatsApp zip’s attachments by their kind, stores the ones a message names, and draws thumbnails',
    async () => {
      const { folder, db, store, media } = setUp();
      const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#4a8' } })
        .jpeg()
        .toBuffer();
      const voice = Buffer.from(DEMO_VOICE.base64, 'base64');
      const text = fs.readFileSync(path.join(fixtures!, 'whatsapp', 'gesiscss__WhatsR__inst__englishandroid24h.txt'), 'utf8');
      const zip = zipSync({
        'WhatsApp Chat with Alice.txt': strToU8(text + '1/30/18, 09:00 - Alice: IMG-20180130-WA0001.jpg (file attached)\n'),
        'PTT-20180129-WA0025.opus': voice,
        'IMG-20180130-WA0001.jpg': photo,
        'unrelated-secret.jpg': photo.subarray(0, 100),
      });
      const zipPath = path.join(folder, 'WhatsApp Chat with Alice.zip');
      fs.writeFileSync(zipPath, zip);
      const [result] = findImportInputs(zipPath).map((input) => importFile(db, input, { mediaStore: store }));
      const chatId = result!.chats[0]!.chatId;
      const kinds = db
        .prepare('SELECT source_msg_id AS id, kind, media FROM messages WHERE media IS NOT NULL ORDER BY date')
        .all() as Array<{
        id: string;
        kind: string;
        media: string;
      }>;
      const voiceRow = kinds.find((row) => row.kind === 'voice')!;
      const photoRow = kinds.find((row) => row.kind === 'photo')!;
      expect(JSON.parse(voiceRow.media)).toMatchObject({ kind: 'voice', size: voice.length, mimeType: 'audio/ogg' });
      expect(JSON.parse(photoRow.media)).toMatchObject({ kind: 'photo', size: photo.length, mimeType: 'image/jpeg' });
      expect(await media.download(chatId, voiceRow.id)).toEqual({ onComputer: true });
      expect(sha256(fs.readFileSync((await media.fileFor(chatId, voiceRow.id, 'full'))!.path))).toBe(sha256(voice));
      const thumb = await media.fileFor(chatId, photoRow.id, 'thumb');
      const info = await sharp(fs.readFileSync(thumb!.path)).metadata();
      expect([info.format, Math.max(info.width, info.height)]).toEqual(['jpeg', 320]);
      // Only named entries were taken: two files and a thumbnail, not the unrelated entry.
      expect(store.usage().files).toBe(3);
      db.close();
    },
  );
});

describe('what the window is sent', () => {
  it('is only a stored file of a type it may render: never an SVG or HTML a source sent', async () => {
    const { folder, db, store, media } = setUp();
    const exportFolder = writeExportFolderWithMedia(folder);
    const [result] = findImportInputs(exportFolder).map((input) => importFile(db, input, { mediaStore: store }));
    const chatId = result!.chats[0]!.chatId;
    expect(await mediaFileForPath(media, `/media/${chatId}/1/full`)).not.toBeNull();
    // The same message's file recorded as an SVG: the store keeps it, the window is not sent it.
    store.put({ chatId, messageId: '1', variant: 'full', origin: 'test' }, Buffer.from('<svg onload="alert(1)"/>'), 'image/svg+xml');
    expect(store.open(chatId, '1', 'full')!.mimeType).toBe('image/svg+xml');
    expect(await mediaFileForPath(media, `/media/${chatId}/1/full`)).toBeNull();
    db.close();
  });
});
