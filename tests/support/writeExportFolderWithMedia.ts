import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A Telegram Desktop export folder with one photo beside result.json, and messages that name files they
 * must not reach (outside the folder, absolute, not downloaded, missing).
 */
export function writeExportFolderWithMedia(folder: string): string {
  const exportFolder = path.join(folder, 'ChatExport_2024-01-12');
  mkdirSync(path.join(exportFolder, 'photos'), { recursive: true });
  writeFileSync(path.join(exportFolder, 'photos', 'photo_1.png'), TINY_PNG);
  writeFileSync(path.join(folder, 'secret.png'), TINY_PNG);
  const message = (id: number, fields: Record<string, unknown>) => ({
    id,
    type: 'message',
    date_unixtime: String(1704067200 + id * 60),
    from: 'Ana',
    from_id: 'user1',
    text: `m${id}`,
    ...fields,
  });
  writeFileSync(
    path.join(exportFolder, 'result.json'),
    JSON.stringify({
      name: 'Photos',
      type: 'personal_chat',
      id: 31,
      messages: [
        message(1, { photo: 'photos/photo_1.png', width: 1, height: 1 }),
        message(2, { photo: '../secret.png', width: 1, height: 1 }),
        message(3, { photo: path.join(folder, 'secret.png'), width: 1, height: 1 }),
        message(4, { photo: '(File not included. Change data exporting settings to download.)', width: 1, height: 1 }),
        message(5, { photo: 'photos/missing.png', width: 1, height: 1 }),
      ],
    }),
  );
  return exportFolder;
}
