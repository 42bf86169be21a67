import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../support/tempFolder.ts';

const tempFolder = useTempFolder();

/** The real CLI in a process of its own, in the time zone given (the computer's, for the importer). */
function scrollback(tz: string, args: string[]) {
  return spawnSync(process.execPath, [path.resolve('bin/scrollback.js'), ...args], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
}

/** A WhatsApp (Android) export whose times straddle Berlin's spring change, and one in summer. */
function writeExport(folder: string): string {
  const chatFolder = path.join(folder, 'WhatsApp Chat - Anna');
  fs.mkdirSync(chatFolder, { recursive: true });
  const file = path.join(chatFolder, '_chat.txt');
  fs.writeFileSync(
    file,
    [
      '31/03/2024, 01:30 - Anna: before the clocks went forward',
      '31/03/2024, 03:30 - Anna: after',
      '15/07/2024, 12:00 - Anna: summer',
      '',
    ].join('\n'),
  );
  return file;
}

function importedDates(databasePath: string): string[] {
  const history = scrollback('UTC', ['--db', databasePath, 'history', '1', '--json']);
  expect(history.stderr).toBe('');
  return (JSON.parse(history.stdout) as { messages: Array<{ date: string }> }).messages.map((message) =>
    new Date(message.date).toISOString(),
  );
}

describe('import --tz: WhatsApp times are read in the phone’s zone', () => {
  it('reads them in the zone given, says so, and refuses a zone that does not exist', () => {
    const folder = tempFolder();
    const file = writeExport(folder);
    const databasePath = path.join(folder, 'tz.db');
    const run = scrollback('America/New_York', ['--db', databasePath, 'import', file, '--tz', 'Europe/Berlin']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('WhatsApp times read in Europe/Berlin');
    expect(run.stderr).not.toContain("this computer's zone");
    // 01:30 CET is 00:30Z; 03:30 CEST is 01:30Z; 12:00 CEST is 10:00Z (the process's own zone plays no part).
    expect(importedDates(databasePath)).toEqual(['2024-03-31T00:30:00.000Z', '2024-03-31T01:30:00.000Z', '2024-07-15T10:00:00.000Z']);

    const bad = scrollback('UTC', ['--db', path.join(folder, 'bad.db'), 'import', file, '--tz', 'Mars/Olympus']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('“Mars/Olympus” is not a time zone');
  });

  it('without --tz reads them in the computer’s zone, and says that it did', () => {
    const folder = tempFolder();
    const file = writeExport(folder);
    const databasePath = path.join(folder, 'local.db');
    const run = scrollback('Asia/Tokyo', ['--db', databasePath, 'import', file]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("WhatsApp times read in Asia/Tokyo (this computer's zone; another with --tz)");
    expect(importedDates(databasePath)).toEqual(['2024-03-30T16:30:00.000Z', '2024-03-30T18:30:00.000Z', '2024-07-15T03:00:00.000Z']);
  });
});
