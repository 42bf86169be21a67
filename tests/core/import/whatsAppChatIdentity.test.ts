import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import type { WritableDB } from '../../../electron/core/cache/CacheDatabase.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

/** An iPhone export's text: `[d/m/yy, hh:mm:ss] Name: text`, one line a message, `days` days from `start`. */
function iosChat(start: Date, people: [string, string], lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const at = new Date(start.getTime() + i * 3_600_000);
    const pad = (value: number) => String(value).padStart(2, '0');
    out.push(
      `[${at.getDate()}/${at.getMonth() + 1}/${String(at.getFullYear()).slice(2)}, ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}] ${people[i % 2]}: line ${i} of ${people.join(' and ')}`,
    );
  }
  return `${out.join('\n')}\n`;
}

function exportFolder(root: string, folderName: string, text: string): string {
  const folder = path.join(root, folderName);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, '_chat.txt'), text);
  return folder;
}

const importAll = (db: WritableDB, target: string) => findImportInputs(target).flatMap((input) => importFile(db, input).chats);
const chatsOf = (db: WritableDB) =>
  db.prepare("SELECT name, cached_count AS messages FROM chats WHERE source_id = 'import' ORDER BY id").all() as {
    name: string;
    messages: number;
  }[];

describe('WhatsApp chats from iPhone exports (every one a _chat.txt)', () => {
  it('two different _chat.txt in two folders import as two chats named after their folders', () => {
    const root = tempFolder();
    const db = openCacheDatabase(path.join(root, 'cache.db'));
    importAll(db, exportFolder(root, 'WhatsApp Chat - Anna', iosChat(new Date(2023, 0, 1, 9), ['Anna', 'Me'], 30)));
    importAll(db, exportFolder(root, 'WhatsApp Chat - Ben', iosChat(new Date(2023, 5, 1, 9), ['Ben', 'Me'], 20)));
    expect(chatsOf(db)).toEqual([
      { name: 'Anna', messages: 30 },
      { name: 'Ben', messages: 20 },
    ]);
    db.close();
  });

  it('one _chat.txt imported twice, or exported again later with more, is one chat', () => {
    const root = tempFolder();
    const db = openCacheDatabase(path.join(root, 'cache.db'));
    const first = exportFolder(root, 'WhatsApp Chat - Anna', iosChat(new Date(2023, 0, 1, 9), ['Anna', 'Me'], 30));
    expect(importAll(db, first)[0]).toMatchObject({ name: 'Anna', added: 30 });
    expect(importAll(db, first)[0]).toMatchObject({ name: 'Anna', added: 0 });
    // A later export starts where the phone still had history (line 10) and goes on to line 39.
    const later = iosChat(new Date(2023, 0, 1, 9), ['Anna', 'Me'], 40)
      .split('\n')
      .slice(10)
      .join('\n');
    expect(importAll(db, exportFolder(path.join(root, 'later'), 'WhatsApp Chat - Anna', later))[0]).toMatchObject({
      name: 'Anna',
      added: 10,
    });
    expect(chatsOf(db)).toEqual([{ name: 'Anna', messages: 40 }]);
    db.close();
  });

  it('two different people both called Anna stay two chats', () => {
    const root = tempFolder();
    const db = openCacheDatabase(path.join(root, 'cache.db'));
    importAll(db, exportFolder(path.join(root, 'work'), 'WhatsApp Chat - Anna', iosChat(new Date(2022, 3, 1, 9), ['Anna', 'Me'], 12)));
    importAll(db, exportFolder(path.join(root, 'school'), 'WhatsApp Chat - Anna', iosChat(new Date(2021, 8, 1, 9), ['Anna', 'Me'], 7)));
    expect(chatsOf(db)).toEqual([
      { name: 'Anna', messages: 12 },
      { name: 'Anna', messages: 7 },
    ]);
    db.close();
  });
});
