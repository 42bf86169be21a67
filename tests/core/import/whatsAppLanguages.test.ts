import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Media } from '../../../shared/domain.ts';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { selectMessagesByIds } from '../../../electron/core/cache/messageQueries.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { whatsAppLanguages } from '../../../electron/core/import/whatsapp/languages/index.ts';
import { parseWhatsAppHeader } from '../../../electron/core/import/whatsapp/parseWhatsAppHeader.ts';
import { readAllWhatsAppMessages } from '../../../electron/core/import/whatsapp/readWhatsAppMessages.ts';
import { memoryByteSource } from '../../../electron/core/files/ByteSource.ts';
import type { WritableDB } from '../../../electron/core/cache/CacheDatabase.ts';
import type { OmittedKind, WhatsAppLanguage } from '../../../electron/core/import/whatsapp/languages/WhatsAppLanguage.ts';
import { fixturesFolder } from '../../support/fixturesFolder.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const fixtures = fixturesFolder();
const LRM = '\u200e';
const NNBSP = '\u202f';

type Layout = { phone: 'Android' | 'iPhone'; clock: 12 | 24 };
const layouts: Layout[] = [
  { phone: 'Android', clock: 24 },
  { phone: 'Android', clock: 12 },
  { phone: 'iPhone', clock: 24 },
  { phone: 'iPhone', clock: 12 },
];

/** What each line of a generated export must become. */
type Expected =
  | { service: { action: string } & Record<string, unknown> }
  | { deleted: true }
  | { edited: true; text: string }
  | { media: OmittedKind | 'file' | 'location' | 'poll'; text: string };

/** The kind a stored message's media has for a placeholder's kind. */
function kindOf(media: Media | null): string | null {
  if (!media) return null;
  if (media.kind === 'other')
    return media.label.startsWith('Contact') ? 'contact' : media.label.startsWith('Live location') ? 'liveLocation' : 'media';
  if (media.kind === 'video' && media.round) return 'videoNote';
  if (media.kind === 'file') return 'document';
  return media.kind;
}

const CJK_AFTERNOON: Record<string, string> = { 上午: '下午', 午前: '午後', 오전: '오후', 下午: '下午', 午後: '午後', 오후: '오후' };

/**
 * A stamp builder in the way the language's phones write dates (its table's `stamps`: the one of this phone
 * and clock, else of this phone, else any), for 25 March 2024 from 13:00 on; English's way when none is known.
 */
function stampWriter(language: WhatsAppLanguage, layout: Layout): (minute: number) => string {
  const stamps = (language.stamps ?? []).map((stamp) => ({ text: stamp.text, header: parseWhatsAppHeader(stamp.text)! }));
  const fits = (stamp: (typeof stamps)[number], clock: boolean) =>
    stamp.header.bracketed === (layout.phone === 'iPhone') && (!clock || (stamp.header.meridiem !== null) === (layout.clock === 12));
  const chosen = stamps.find((stamp) => fits(stamp, true)) ?? stamps.find((stamp) => fits(stamp, false)) ?? stamps[0];
  const header = chosen?.header;
  const separator = header?.dateSeparator ?? '/';
  const year = header?.yearDigits === 2 ? '24' : '2024';
  const date = header?.yearFirst ? `2024${separator}3${separator}25` : `25${separator}03${separator}${year}`;
  const comma = header ? (header.comma ? ',' : '') : ',';
  const timeSeparator = header?.timeSeparator ?? ':';
  const marker = header?.meridiem ?? null;
  const example = chosen?.text ?? '';
  const at = marker === null ? -1 : example.indexOf(marker);
  // Chinese and Korean phones may write the marker before the time (`下午1:54`, `오후 03:06`).
  const markerFirst = marker !== null && /\d/.test(example.slice(at + marker.length));
  const afternoon = marker === null ? 'PM' : (CJK_AFTERNOON[marker] ?? marker.replace(/a/, 'p').replace(/A/, 'P'));
  const space =
    marker === null
      ? NNBSP
      : markerFirst
        ? example[at + marker.length]!.trim() === ''
          ? example[at + marker.length]!
          : ''
        : example[at - 1]!;
  return (minute) => {
    const hour = 13 + Math.floor(minute / 60);
    const mm = String(minute % 60).padStart(2, '0');
    const seconds = layout.phone === 'iPhone' ? `${timeSeparator}00` : '';
    let time = `${layout.clock === 24 ? hour : hour - 12}${timeSeparator}${mm}${seconds}`;
    if (layout.clock === 12) time = markerFirst ? `${afternoon}${space}${time}` : `${time}${space}${afternoon}`;
    return layout.phone === 'iPhone' ? `[${date}${comma} ${time}]` : `${date}${comma} ${time} -`;
  };
}

/** An export as the language's phone would write it, built from the table itself: one line per phrase. */
function generateExport(language: WhatsAppLanguage, layout: Layout): { lines: string[]; expected: Expected[] } {
  const lines: string[] = [];
  const expected: Expected[] = [];
  let minute = 0;
  const writeStamp = stampWriter(language, layout);
  const stamp = (): string => writeStamp(minute++);
  const system = (text: string): string => (layout.phone === 'iPhone' ? `${stamp()} Familie: ${LRM}${text}` : `${stamp()} ${text}`);
  const from = (text: string): string => `${stamp()} Anna: ${text}`;
  lines.push(from('hello'));
  expected.push({ media: 'none' as OmittedKind, text: 'hello' });
  for (const phrase of language.system) {
    lines.push(system(phrase.example));
    expected.push({ service: { action: phrase.action, ...phrase.detail } });
  }
  for (const phrase of language.omitted) {
    const bracketed = phrase.text.startsWith('<');
    if (bracketed) {
      lines.push(from(phrase.text));
      expected.push({ media: phrase.kind, text: '' });
      // Android writes the caption on the lines after the placeholder.
      lines.push(from(phrase.text), 'on the beach');
      expected.push({ media: phrase.kind, text: 'on the beach' });
    } else {
      lines.push(from(`${LRM}${phrase.text}`));
      expected.push({ media: phrase.kind, text: '' });
      // iPhone writes the caption first, then a left-to-right mark and the placeholder.
      lines.push(from(`on the beach${LRM}${phrase.text}`));
      expected.push({ media: phrase.kind, text: 'on the beach' });
    }
  }
  for (const phrase of language.attached) {
    const line =
      phrase.form === 'iphone'
        ? `${LRM}<${phrase.text}: 00000042-PHOTO-2024-03-25-13-00-00.jpg>`
        : phrase.form === 'after'
          ? `${LRM}<00000042-PHOTO-2024-03-25-13-00-00.jpg ${phrase.text}>`
          : `${LRM}IMG-20240325-WA0001.jpg (${phrase.text})`;
    lines.push(from(line));
    expected.push({ media: 'photo', text: '' });
  }
  for (const phrase of language.deleted) {
    lines.push(from(layout.phone === 'iPhone' ? `${LRM}${phrase.text}.` : phrase.text));
    expected.push({ deleted: true });
  }
  for (const phrase of language.edited) {
    lines.push(from(layout.phone === 'iPhone' ? `see you at 5 ${LRM}<${phrase.text}.>` : `see you at 5 <${phrase.text}>`));
    expected.push({ edited: true, text: 'see you at 5' });
  }
  for (const phrase of language.location) {
    lines.push(from(`${phrase.text}: https://maps.google.com/?q=52.37,4.89`));
    expected.push({ media: 'location', text: '' });
  }
  if (language.poll) {
    const { question, option } = language.poll;
    lines.push(
      from(`${LRM}${question}:`),
      'Where do we eat?',
      `${option}: Pizza (2 votes)`,
      `${option}: Sushi (1 vote)`,
      `${option}: Tacos`,
    );
    expected.push({ media: 'poll', text: '' });
  }
  return { lines, expected };
}

/** One database for every generated export (each its own chat): opening one costs more than importing a file. */
let sharedDb: { db: WritableDB; root: string } | null = null;
let exportCount = 0;
afterAll(() => {
  sharedDb?.db.close();
  if (sharedDb) rmSync(sharedDb.root, { recursive: true, force: true });
});

/** Imports lines as an iPhone-style `_chat.txt` in a folder named after a chat of its own. */
function importLines(lines: string[]) {
  if (!sharedDb) {
    const root = mkdtempSync(path.join(tmpdir(), 'scrollback-test-'));
    sharedDb = { db: openCacheDatabase(path.join(root, 'cache.db')), root };
  }
  const folder = path.join(sharedDb.root, `WhatsApp Chat - Familie ${++exportCount}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, '_chat.txt'), `${lines.join('\n')}\n`);
  return importInto(sharedDb.db, folder);
}

function importPath(input: string, root: string = tempFolder()) {
  const db = openCacheDatabase(path.join(root, 'cache.db'));
  try {
    return importInto(db, input);
  } finally {
    db.close();
  }
}

function importInto(db: WritableDB, input: string) {
  const [result] = findImportInputs(input).map((found) => importFile(db, found));
  const chatId = result!.chats[0]!.chatId;
  const ids = (
    db.prepare('SELECT source_msg_id AS id FROM messages WHERE chat_id = ? ORDER BY date, sort_key').all(chatId) as { id: string }[]
  ).map((row) => row.id);
  const messages = selectMessagesByIds(db, chatId, ids);
  return { result: result!, messages };
}

/** Every phrase of every table, lower-cased, for the property that none stays in a message's text. */
const allPhrases = whatsAppLanguages
  .flatMap((language) => [
    ...language.omitted.map((phrase) => phrase.text),
    ...language.deleted.map((phrase) => phrase.text),
    ...language.edited.map((phrase) => phrase.text),
    ...language.attached.filter((phrase) => phrase.form !== 'android').map((phrase) => `<${phrase.text}`),
    ...language.attached.filter((phrase) => phrase.form === 'android').map((phrase) => `(${phrase.text})`),
  ])
  .map((phrase) => phrase.toLowerCase());

describe('WhatsApp exports in every language of the phrase tables', () => {
  it('has at least 20 languages, each phrase with where it was learnt', () => {
    expect(whatsAppLanguages.length).toBeGreaterThanOrEqual(20);
    expect(new Set(whatsAppLanguages.map((language) => language.code)).size).toBe(whatsAppLanguages.length);
    for (const language of whatsAppLanguages) {
      const phrases = [
        ...language.system,
        ...language.omitted,
        ...language.attached,
        ...language.deleted,
        ...language.edited,
        ...language.location,
      ];
      expect(phrases.length, language.name).toBeGreaterThan(0);
      for (const phrase of phrases) expect(phrase.source.trim(), `${language.name}: ${JSON.stringify(phrase)}`).not.toBe('');
    }
  });

  for (const language of whatsAppLanguages) {
    for (const layout of layouts) {
      it(`reads a generated ${language.name} export (${layout.phone}, ${layout.clock} h clock) with nothing of its wording left in a message`, () => {
        const { lines, expected } = generateExport(language, layout);
        const { result, messages } = importLines(lines);
        expect(result.readAs).toBe(`read as ${language.name}, ${layout.phone}`);
        expect(messages).toHaveLength(expected.length);
        messages.forEach((message, index) => {
          const want = expected[index]!;
          // Read at the time written (the stamp in the language's own way), never 1970.
          expect(message.date, `${language.name} line ${index + 1}`).toBe(new Date(2024, 2, 25, 13, index).getTime());
          const where = `${language.name} line ${index + 1}: ${lines.find((line) => line.includes(message.text)) ?? message.text}`;
          if ('service' in want) {
            expect(message.service, where).toEqual(want.service);
            // Never a person, never the group's name as a sender.
            expect(message.senderName, where).toBeNull();
          } else if ('deleted' in want) {
            expect(message.service?.action, where).toBe('messageDeleted');
          } else if ('edited' in want) {
            expect(message.editDate, where).not.toBeNull();
            expect(message.text, where).toBe(want.text);
            expect(message.media, where).toBeNull();
          } else {
            expect(message.service, where).toBeNull();
            expect(message.senderName, where).toBe('Anna');
            expect(message.text, where).toBe(want.text);
            expect(kindOf(message.media), where).toBe(want.media === ('none' as OmittedKind) ? null : want.media);
            expect(message.editDate, where).toBeNull();
          }
          if (message.service === null) {
            const text = message.text.toLowerCase();
            for (const phrase of allPhrases) expect(text.includes(phrase), `${where} keeps “${phrase}”`).toBe(false);
          }
        });
      });
    }
  }

  it('decides the language from all the phrases of a file, not its first: English lines first, then Dutch, read as Dutch', () => {
    const { result, messages } = importLines([
      '[25/03/2024, 13:00:00] Papa: \u200eimage omitted',
      '[25/03/2024, 13:01:00] Familie: \u200ePapa heeft Mam toegevoegd',
      '[25/03/2024, 13:02:00] Mam: \u200eafbeelding weggelaten',
      '[25/03/2024, 13:03:00] Mam: Dit bericht is verwijderd.',
    ]);
    expect(result.readAs).toBe('read as Dutch, iPhone');
    // Each line is read as what it says, whichever table says it.
    expect(messages.map((message) => [message.service?.action ?? null, message.text, kindOf(message.media)])).toEqual([
      [null, '', 'photo'],
      ['membersAdded', 'Papa heeft Mam toegevoegd', null],
      [null, '', 'photo'],
      ['messageDeleted', 'This message was deleted', null],
    ]);
    // English attachment lines stay files in any language's export.
    const attached = importLines([
      '[25/03/2024, 13:00:00] Familie: \u200ePapa heeft Mam toegevoegd',
      '[25/03/2024, 13:01:00] Papa: \u200e<attached: 00000042-PHOTO-2024-03-25-13-00-00.jpg>',
    ]);
    expect(kindOf(attached.messages[1]!.media)).toBe('photo');
  });

  it('breaks a tie between two languages by the way the file writes its dates, whichever phrase comes first', () => {
    const spanishPhrase = 'Se eliminó este mensaje';
    const portuguesePhrase = 'Esta mensagem foi apagada';
    for (const phrases of [
      [spanishPhrase, portuguesePhrase],
      [portuguesePhrase, spanishPhrase],
    ]) {
      // Colombian Android (I2): no comma, "p. m." with a no-break space.
      const colombian = importLines(phrases.map((phrase, i) => `25/3/2024 1:0${i} p.\u00a0m. - Ana: ${phrase}`));
      expect(colombian.result.readAs, phrases.join(' / ')).toBe('read as Spanish, Android');
      // Brazilian Android (FS fixture): no comma, 24 hours, four-digit year.
      const brazilian = importLines(phrases.map((phrase, i) => `25/03/2024 13:0${i} - Ana: ${phrase}`));
      expect(brazilian.result.readAs, phrases.join(' / ')).toBe('read as Portuguese, Android');
      for (const { messages } of [colombian, brazilian])
        expect(messages.map((message) => message.service?.action)).toEqual(['messageDeleted', 'messageDeleted']);
    }
  });

  it('names the chat from a file name in the phone’s language, with spaces or underscores', () => {
    const names = [
      'Chat de WhatsApp con Ana.txt',
      'Conversa_do_WhatsApp_com_Ana.txt',
      '與Ana的 WhatsApp 對話.txt',
      'Чат WhatsApp с Ana.txt',
    ];
    for (const name of names) {
      const root = tempFolder();
      const file = path.join(root, name);
      writeFileSync(file, '25/03/2024, 13:00 - Ana: hola\n');
      const { result } = importPath(file, root);
      expect(result.chats[0]!.name, name).toBe('Ana');
    }
  });

  it('reads an iPhone poll as a poll with its question and options', () => {
    const { messages } = importLines([
      `[25/03/2024, 13:00:00] Anna: ${LRM}POLL:`,
      'Where do we eat?',
      'OPTION: Pizza (2 votes)',
      'OPTION: Sushi (1 vote)',
      'OPTION: Tacos (0 votes)',
    ]);
    expect(messages[0]!.media).toEqual({ kind: 'poll', question: 'Where do we eat?', options: ['Pizza', 'Sushi', 'Tacos'], closed: false });
    expect(messages[0]!.text).toBe('');
  });

  it('reads a document named before its placeholder as a file with that name, and says when no phrase was met', () => {
    const { messages } = importLines([
      '25.03.24, 13:00 - Leon hat die Gruppe erstellt.',
      `[25.03.24, 13:01:00] Leon: Marathon.zip ${LRM}Dokument weggelassen`,
    ]);
    expect(messages[0]!.service).toEqual({ action: 'chatCreate' });
    expect(messages[1]!.media).toEqual({ kind: 'file', fileName: 'Marathon.zip', size: 0 });
    expect(messages[1]!.text).toBe('');
    const plain = importLines(['25/03/2024, 13:00 - Anna: hi', '25/03/2024, 13:01 - Ben: hello']);
    expect(plain.result.readAs).toBe('read as an Android export; no WhatsApp wording in it tells its language');
  });
});

describe.skipIf(!fixtures)('real WhatsApp exports of ../shared/fixtures', () => {
  it('keeps no placeholder or marker of any table in a stored text, dates nothing 1970, and says how each file was read', () => {
    const names = readdirSync(path.join(fixtures!, 'whatsapp'));
    const readAs: string[] = [];
    const root = tempFolder();
    const db = openCacheDatabase(path.join(root, 'cache.db'));
    try {
      for (const name of names) {
        const { result, messages } = importInto(db, path.join(fixtures!, 'whatsapp', name));
        readAs.push(result.readAs ?? '');
        expect(messages.length, name).toBeGreaterThan(0);
        for (const message of messages) {
          expect(new Date(message.date).getUTCFullYear(), `${name}: ${message.text}`).toBeGreaterThan(2000);
          if (message.service !== null) continue;
          const text = message.text.toLowerCase();
          for (const phrase of allPhrases) expect(text.includes(phrase), `${name}: “${message.text}” keeps “${phrase}”`).toBe(false);
        }
      }
    } finally {
      db.close();
    }
    expect(readAs.filter((words) => words.startsWith('read as German'))).toHaveLength(4);
    expect(readAs.filter((words) => words.startsWith('read as English')).length).toBeGreaterThanOrEqual(4);
    expect(readAs.every((words) => /^read as .*(?:iPhone|Android)/.test(words))).toBe(true);
  });
});

describe('WhatsApp stamps read in this computer’s zone', () => {
  it('reads every minute of a day with a clock change as a Date would (each day’s midnight is reused only on plain days)', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago']) {
        process.env.TZ = tz;
        const lines: string[] = [];
        const expected: number[] = [];
        // Berlin's spring and autumn changes, Lord Howe's half-hour one, Santiago's at midnight; and a plain day.
        for (const [year, month, day] of [
          [2024, 3, 31],
          [2024, 10, 27],
          [2024, 4, 7],
          [2024, 9, 8],
          [2024, 6, 15],
        ] as const)
          for (let minute = 0; minute < 24 * 60; minute += 7) {
            const hour = Math.floor(minute / 60);
            const mm = minute % 60;
            lines.push(`${day}/${month}/${year}, ${hour}:${String(mm).padStart(2, '0')} - Ana: ${minute}`);
            expected.push(new Date(year, month - 1, day, hour, mm).getTime());
          }
        const read = readAllWhatsAppMessages(memoryByteSource(Buffer.from(lines.join('\n')), 'dst.txt'));
        expect(
          read.map((message) => message.date),
          tz,
        ).toEqual(expected);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('WhatsApp attachment lines beside system phrases', () => {
  it('keeps an iPhone attachment whose file name holds a system word a file, in any language’s export', () => {
    const { messages } = importLines([
      '[25/03/2024, 13:00:00] Familie: \u200ePapa heeft Mam toegevoegd',
      '[25/03/2024, 13:01:00] Papa: \u200e<bijgevoegd: 00000042-added-removed-left.pdf>',
      '[25/03/2024, 13:02:00] Papa: \u200e<attached: 00000043-joined.jpg>',
    ]);
    expect(messages.map((message) => [message.service?.action ?? null, message.senderName, message.media?.kind ?? null])).toEqual([
      ['membersAdded', null, null],
      [null, 'Papa', 'file'],
      [null, 'Papa', 'photo'],
    ]);
  });
});
