import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDialogFilters, importDropWording, type ImportFormatInfo } from '../../../shared/importFormats.ts';
import { importUsage } from '../../../electron/cli/commands/importCommand.ts';
import { USAGE } from '../../../electron/cli/usage.ts';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { ChatWriter } from '../../../electron/core/import/ChatWriter.ts';
import { fileInput } from '../../../electron/core/import/examineFile.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import type { ImportFormat } from '../../../electron/core/import/ImportFormat.ts';
import { importFormatInfos, importFormats } from '../../../electron/core/import/importFormats.ts';
import { sourceMessage } from '../../../electron/core/model/SourceMessage.ts';
import { handlersFor } from '../../support/handlersFor.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

/** The usage text as one line (it is wrapped to the terminal's width). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/**
 * What adding a format takes, done here: a folder's record (this one reads a made-up "date,author,text"
 * CSV) and one more line in the list. Nothing else is told about it.
 */
const csvFormat: ImportFormat = {
  id: 'csv-chat',
  app: 'Chatty',
  label: 'Chatty CSV exports (.csv)',
  extensions: ['csv'],
  recognise: (file) => (file.content === 'text' && file.head.startsWith('date,author,text') ? 'sure' : null),
  expand: (file) => [fileInput(file.path, csvFormat, path.basename(file.path, '.csv'))],
  read(input, { db, files }, options) {
    const writer = new ChatWriter(
      db,
      { key: `csv:${input.chatNameHint}`, name: input.chatNameHint, kind: 'group', messageCount: null, lastMessageDate: null },
      files,
    );
    const rows = readFileSync(input.path, 'utf8').trim().split('\n').slice(1);
    rows.forEach((row, index) => {
      const [date, author, text] = row.split(',');
      writer.add(
        sourceMessage({
          id: String(index + 1),
          sortKey: index,
          date: Date.parse(date!),
          sender: { key: author!, name: author! },
          out: false,
          text: text!,
        }),
      );
    });
    options.onProgress?.(input.sizeBytes);
    return { chats: [writer.finish()], timeZone: null };
  },
};

describe('import formats come from one registry', () => {
  it('names every registered format in the CLI usage, the open dialog, the window and the error for an unknown file', async () => {
    const infos = importFormatInfos();
    expect(infos.map((info) => info.id)).toEqual(['telegram', 'telegram-html', 'whatsapp', 'discord']);
    const filters = importDialogFilters(infos);
    // The window asks main for the list over IPC, the same list.
    const core = await openTestCoreWithDemo(tempFolder());
    const listed = await handlersFor(core).listImportFormats(undefined, new AbortController().signal);
    await core.close();
    expect(listed).toEqual(infos);
    const unknown = path.join(tempFolder(), 'photo.png');
    writeFileSync(unknown, '\x89PNG\r\n\x1a\n\0\0\0');
    const error = (() => {
      try {
        findImportInputs(unknown);
      } catch (caught) {
        return (caught as Error).message;
      }
      return '';
    })();
    expect(error).toMatch(/photo\.png: not an export Scrollback can read/);
    for (const format of importFormats) {
      expect(oneLine(USAGE)).toContain(format.label);
      expect(filters).toContainEqual({ name: format.label, extensions: [...format.extensions] });
      expect(filters[0]!.extensions).toEqual(expect.arrayContaining([...format.extensions]));
      expect(importDropWording(listed)).toContain(format.app);
      expect(error).toContain(format.label);
    }
    expect(importDropWording(listed)).toBe('Drop Telegram, WhatsApp or Discord exports to import them');
  });

  it('a new format is its record and one line: it is found (alone and in a folder), imported, and named everywhere', () => {
    const formats = [...importFormats, csvFormat];
    const folder = tempFolder();
    const file = path.join(folder, 'Book club.csv');
    writeFileSync(file, 'date,author,text\n2024-01-12T10:00:00Z,Ana,hello\n2024-01-12T10:05:00Z,Bo,hi Ana\n');
    writeFileSync(path.join(folder, 'notes.csv'), 'not, a, chat\n');

    // Without its line, nothing knows it.
    expect(() => findImportInputs(file)).toThrow(/not an export Scrollback can read/);

    const [input] = findImportInputs(file, formats);
    expect(input!.format).toBe(csvFormat);
    // A folder: the files the formats read (notes.csv is no one's, and is left alone).
    expect(findImportInputs(folder, formats).map((found) => path.basename(found.path))).toEqual(['Book club.csv']);

    const db = openCacheDatabase(path.join(folder, 'cache.db'));
    const result = importFile(db, input!);
    expect(result.chats).toEqual([expect.objectContaining({ name: 'Book club', added: 2, inFile: 2 })]);
    const texts = db.prepare('SELECT text FROM messages ORDER BY date').all() as Array<{ text: string }>;
    expect(texts.map((row) => row.text)).toEqual(['hello', 'hi Ana']);
    db.close();

    const infos: ImportFormatInfo[] = importFormatInfos(formats);
    expect(oneLine(importUsage(infos))).toContain('Chatty CSV exports (.csv)');
    expect(importDialogFilters(infos)[0]!.extensions).toContain('csv');
    expect(importDialogFilters(infos)).toContainEqual({ name: 'Chatty CSV exports (.csv)', extensions: ['csv'] });
    expect(importDropWording(infos)).toBe('Drop Telegram, WhatsApp, Discord or Chatty exports to import them');
    expect(() => findImportInputs(path.join(folder, 'notes.csv'), formats)).toThrow(/Chatty CSV exports \(\.csv\)/);
  });

  it('a format sure of a file wins over one that only might read it, whatever their order', () => {
    const folder = tempFolder();
    const discord = path.join(folder, 'channel.json');
    writeFileSync(discord, '{"guild": {"id": "1", "name": "G"}, "channel": {"id": "2"}, "messages": []}');
    for (const formats of [importFormats, [...importFormats].reverse()])
      expect(findImportInputs(discord, formats).map((input) => input.format.id)).toEqual(['discord']);
    writeFileSync(path.join(folder, 'result.json'), '{"name": "Chat", "messages": []}');
    expect(findImportInputs(path.join(folder, 'result.json')).map((input) => input.format.id)).toEqual(['telegram']);
  });
});
