import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localMediaFor } from '../../../electron/core/app/localMediaFor.ts';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { writeExportFolderWithMedia } from '../../support/writeExportFolderWithMedia.ts';

const tempFolder = useTempFolder();

describe('media files beside an export', () => {
  it('are linked when inside the export folder, and served for their message only', () => {
    const folder = tempFolder();
    const exportFolder = writeExportFolderWithMedia(folder);
    const db = openCacheDatabase(path.join(folder, 'cache.db'));
    const [result] = findImportInputs(exportFolder).map((input) => importFile(db, input));
    const chatId = result!.chats[0]!.chatId;
    const media = (
      db.prepare('SELECT source_msg_id AS id, media FROM messages ORDER BY sort_key').all() as Array<{ id: string; media: string }>
    ).map((row) => [row.id, JSON.parse(row.media).localFile ?? null]);
    expect(media).toEqual([
      ['1', path.join(exportFolder, 'photos', 'photo_1.png')],
      ['2', null], // ../ leaves the folder
      ['3', null], // an absolute path
      ['4', null], // not downloaded
      ['5', null], // not there
    ]);
    expect(localMediaFor(db, `/media/${chatId}/1`)).toEqual({
      path: path.join(exportFolder, 'photos', 'photo_1.png'),
      contentType: 'image/png',
    });
    expect(localMediaFor(db, `/media/${chatId}/2`)).toBeNull();
    expect(localMediaFor(db, `/media/${chatId}/..%2F..%2Fcache.db`)).toBeNull();
    expect(localMediaFor(db, `/media/${chatId + 1}/1`)).toBeNull();
    expect(localMediaFor(db, '/media/x/1')).toBeNull();
    db.close();
  });
});
