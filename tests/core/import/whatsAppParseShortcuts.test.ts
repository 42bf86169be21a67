import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { whatsAppLanguages } from '../../../electron/core/import/whatsapp/languages/index.ts';
import { headerByPattern, parseWhatsAppHeader, scanStamp } from '../../../electron/core/import/whatsapp/parseWhatsAppHeader.ts';
import { authorColon } from '../../../electron/core/import/whatsapp/readWhatsAppMessages.ts';
import {
  TEXT_HAS_BULLET,
  TEXT_HAS_BYTE_ORDER_MARK,
  TEXT_HAS_COLON_NEWLINE,
  TEXT_HAS_LINK,
  TEXT_HAS_MARK,
  TEXT_HAS_NEWLINE,
  textTraits,
  WhatsAppPhrases,
} from '../../../electron/core/import/whatsapp/WhatsAppPhrases.ts';
// Seeded, so a failure names a stamp that fails again.
import { createRandom } from '../../../electron/core/sources/demo/seededRandom.ts';

const SPACES = [' ', '\u00a0', '\u202f'];
const MERIDIEMS = ['AM', 'PM', 'am', 'pm', 'a.m.', 'p.m.', 'a. m.', 'p.\u00a0m.', 'A.M', 'P\u202fM', 'a', 'pm.', '上午', '下午', '오후'];
/** Characters a stamp is built of, and a few it must not hold, for the edits. */
const NOISE = [
  '0',
  '1',
  '9',
  '.',
  '/',
  '-',
  ':',
  ',',
  ' ',
  '\u00a0',
  '\u202f',
  '_',
  '[',
  ']',
  '\u2013',
  'a',
  'P',
  'm',
  '\u200e',
  '下',
  'x',
];

/** A stamp as phones write them, each part drawn from what the reader accepts and from what it does not. */
function stampOf(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // Mostly numbers of the width phones write (a valid day, hour, minute), sometimes any width.
  const digits = (min: number, max: number, usual: readonly string[] = ['1', '07', '12', '23', '31', '59', '2024']): string =>
    next() < 0.8
      ? pick(usual)
      : Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => String(Math.floor(next() * 10))).join('');
  const separator = pick(['.', '/', '-', '.', '/']);
  const bracketed = next() < 0.4;
  const date = `${digits(1, 5, ['1', '07', '12', '29', '2024'])}${separator}${digits(1, 3, ['1', '08', '12'])}${next() < 0.95 ? separator : pick(['.', '/', '-'])}${digits(1, 5, ['18', '23', '2017', '5'])}`;
  const seconds = next() < 0.5 ? `${pick([':', '.'])}${digits(1, 3, ['00', '09', '41', '59', '60'])}` : '';
  const meridiem = next() < 0.4 ? `${pick(['', ...SPACES, '_', '  '])}${pick(MERIDIEMS)}` : '';
  const cjkFirst = next() < 0.05 ? pick(['上午', '下午', '오전']) : '';
  const time = `${cjkFirst}${digits(1, 3, ['0', '1', '09', '12', '13', '23', '24'])}${pick([':', '.', ':'])}${digits(1, 3, ['00', '08', '30', '59', '60'])}${seconds}${meridiem}`;
  const gap = `${next() < 0.8 ? ',' : ''}${pick(SPACES)}${next() < 0.1 ? pick(SPACES) : ''}`;
  const end =
    bracketed || next() < 0.1
      ? `]${pick(['', ' ', '\u202f', '  '])}`
      : `${pick(SPACES)}${pick(['-', '\u2013', '-'])}${pick(SPACES)}${next() < 0.1 ? ' ' : ''}`;
  const marks = next() < 0.1 ? '\u200e' : '';
  let stamp = `${bracketed ? '[' : ''}${marks}${date}${gap}${time}${end}${pick(['Ana: hi', '', 'x', '\u200eMessages are end-to-end encrypted'])}`;
  // Some stamps get one to three edits: a character put in, taken out or changed.
  const edits = next() < 0.5 ? 0 : 1 + Math.floor(next() * 3);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(next() * (stamp.length + 1));
    const kind = next();
    if (kind < 0.4) stamp = stamp.slice(0, at) + pick(NOISE) + stamp.slice(at);
    else if (kind < 0.7) stamp = stamp.slice(0, at) + stamp.slice(at + 1);
    else stamp = stamp.slice(0, at) + pick(NOISE) + stamp.slice(at + 1);
  }
  return stamp;
}

describe('the hand-read WhatsApp stamp', () => {
  it('reads every stamp it reads as the pattern does, on generated and edited stamps', () => {
    const next = createRandom(20261207);
    let scanned = 0;
    let read = 0;
    const differing: unknown[] = [];
    for (let n = 0; n < 30_000; n++) {
      const stamp = stampOf(next);
      const byPattern = headerByPattern(stamp);
      if (byPattern) read++;
      const byScan = scanStamp(stamp);
      if (byScan !== undefined) {
        scanned++;
        if (!isDeepStrictEqual(byScan, byPattern)) differing.push({ stamp, byScan, byPattern });
      }
      // The reader takes marks off the line's start before either reads it.
      const unmarked = stamp.replace(/^[\u200e\u200f\ufeff\u202a-\u202e]+/, '');
      const expected = /^[\d[\u200e\u200f\ufeff\u202a-\u202e]/.test(stamp) ? headerByPattern(unmarked) : null;
      const header = parseWhatsAppHeader(stamp);
      if (!isDeepStrictEqual(header, expected)) differing.push({ stamp, header, expected });
    }
    expect(differing.slice(0, 3)).toEqual([]);
    // Both kinds are met often: stamps read, and stamps the scan settles without the pattern.
    expect(read).toBeGreaterThan(3_000);
    expect(scanned).toBeGreaterThan(3_000);
  });

  it('reads the stamps of every language table without the pattern, except CJK morning and afternoon words', () => {
    for (const language of whatsAppLanguages)
      for (const stamp of language.stamps ?? []) {
        if (/[上下午前後오전후]/.test(stamp.text)) continue;
        expect({ stamp: stamp.text, header: scanStamp(`${stamp.text}Ana: hi`) }).toEqual({
          stamp: stamp.text,
          header: headerByPattern(`${stamp.text}Ana: hi`),
        });
        expect(scanStamp(`${stamp.text}Ana: hi`), stamp.text).not.toBeUndefined();
      }
  });
});

/** A text of a few pieces that the shortcuts look for, and of ordinary letters. */
function textOf(next: () => number): string {
  const pieces = [
    'a',
    'Ana',
    ' ',
    ':',
    ': ',
    '\n',
    '/',
    '.',
    'w',
    'W',
    'www.',
    'WwW.',
    'http://x',
    '\u200e',
    '\u2022',
    ' • ',
    '\ufeff',
    '"',
    '“',
    '”',
    'é',
    'x'.repeat(60),
  ];
  return Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
}

describe('the shortcuts of a message text', () => {
  it('say what a text holds as the searches they spare do', () => {
    const next = createRandom(7);
    const differing: unknown[] = [];
    for (let n = 0; n < 20_000; n++) {
      const text = textOf(next);
      const traits = textTraits(text);
      const expected =
        (text.includes('\n') ? TEXT_HAS_NEWLINE : 0) |
        (text.includes('\u200e') ? TEXT_HAS_MARK : 0) |
        (text.includes('\u2022') ? TEXT_HAS_BULLET : 0) |
        (text.includes(':\n') ? TEXT_HAS_COLON_NEWLINE : 0) |
        (/:\/|www\./i.test(text) ? TEXT_HAS_LINK : 0) |
        (text.includes('\ufeff') ? TEXT_HAS_BYTE_ORDER_MARK : 0);
      if (traits !== expected) differing.push({ text, traits, expected });
    }
    expect(differing.slice(0, 3)).toEqual([]);
  });

  it('find the author where the pattern `Name: ` does', () => {
    const next = createRandom(11);
    const AUTHOR = /^([^:"“”\n]{1,100}?): /;
    const differing: unknown[] = [];
    for (let n = 0; n < 20_000; n++) {
      const text = textOf(next);
      const match = AUTHOR.exec(text);
      const colon = authorColon(text);
      if (colon !== (match ? match[1]!.length : -1)) differing.push({ text, colon });
    }
    expect(differing.slice(0, 3)).toEqual([]);
  });
});

describe('the encryption notice shortcut', () => {
  it('lets every table’s notice through in any case, and passes over texts that cannot hold one', () => {
    for (const language of whatsAppLanguages)
      for (const phrase of language.system.filter((system) => system.action === 'encryptionNotice'))
        for (const text of [phrase.example, phrase.example.toUpperCase(), phrase.example.toLowerCase(), `‎${phrase.example}`])
          expect({ language: language.code, text, notice: new WhatsAppPhrases().isEncryptionNotice(text) }).toEqual({
            language: language.code,
            text,
            notice: true,
          });
    expect(new WhatsAppPhrases().isEncryptionNotice('message 12 with some words in it')).toBe(false);
  });
});
