import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryByteSource } from '../../../electron/core/files/ByteSource.ts';
import { TelegramExportScanner } from '../../../electron/core/import/telegram/TelegramExportScanner.ts';
import { toTelegramSourceMessage } from '../../../electron/core/import/telegram/toTelegramSourceMessage.ts';
import { readWhatsAppMessages } from '../../../electron/core/import/whatsapp/readWhatsAppMessages.ts';
import { toWhatsAppSourceMessage } from '../../../electron/core/import/whatsapp/toWhatsAppSourceMessage.ts';
import { ScrollbackError } from '../../../shared/errors.ts';

/** Either a result or our own error with a message; any other throw (a crash) fails the property. */
function parsesOrExplains(run: () => void): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScrollbackError);
    expect((error as ScrollbackError).message.length).toBeGreaterThan(10);
  }
}

function scanTelegram(text: string, chunkSize: number): number {
  let count = 0;
  let ordinal = 0;
  const scanner = new TelegramExportScanner('fuzz.json', {
    chatStart() {},
    message(raw) {
      if (toTelegramSourceMessage(raw, ++ordinal, () => 'fuzz.json')) count++;
    },
    chatEnd() {},
  });
  let bytes = 0;
  for (let i = 0; i < text.length; i += chunkSize) {
    const piece = text.slice(i, i + chunkSize);
    scanner.push(piece, bytes);
    bytes += Buffer.byteLength(piece);
  }
  scanner.end();
  return count;
}

function readWhatsApp(text: string): number {
  const source = memoryByteSource(Buffer.from(text), 'fuzz.txt');
  return readWhatsAppMessages(source, (line) => toWhatsAppSourceMessage(line, 0));
}

const sampleExport = JSON.stringify({
  name: 'Fuzz "chat" \\ with escapes',
  type: 'personal_chat',
  id: 1,
  messages: [
    { id: 1, type: 'message', date: '2020-01-01T10:00:00', from: 'A', from_id: 1, text: ['a "quoted" \\ ', { type: 'bold', text: '😀b' }] },
    { id: 2, type: 'service', date_unixtime: '1600000000', actor: null, action: 'invite_members', members: ['B', null], text: '' },
    {
      id: 3,
      type: 'message',
      date_unixtime: '1600000001',
      from: null,
      from_id: 'user9',
      photo: 'p.jpg',
      width: 1,
      height: 2,
      text: '}]{["',
    },
  ],
});
const sampleChat =
  '\ufeff[12/01/2024, 10:00:00] Ana: hi\nmore\n\u200e[13/01/2024, 9:01:02 PM] Bo: <attached: x.jpg>\n12.01.24, 10:00 - Du hast Ana hinzugefügt.\n';

describe('import parsers under random and mutated input', () => {
  it('the Telegram scanner reads the same export in any chunking', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), (chunkSize) => {
        expect(scanTelegram(sampleExport, chunkSize)).toBe(3);
      }),
      { numRuns: 64 },
    );
  });

  it('the Telegram scanner never crashes or hangs on mutated exports', () => {
    const mutation = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 8 }),
      insert: fc.string({ maxLength: 6 }),
      chunk: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(mutation, ({ at, cut, insert, chunk }) => {
        const position = at % sampleExport.length;
        const mutated = sampleExport.slice(0, position) + insert + sampleExport.slice(position + cut);
        parsesOrExplains(() => scanTelegram(mutated, chunk));
      }),
      { numRuns: 1500 },
    );
  });

  it('the Telegram scanner never crashes on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => parsesOrExplains(() => scanTelegram(text, 17))),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.json(), (text) => parsesOrExplains(() => scanTelegram(text, 5))),
      { numRuns: 500 },
    );
  });

  it('the WhatsApp reader never crashes or hangs on mutated or random chats', () => {
    const mutation = fc.record({ at: fc.nat(), cut: fc.nat({ max: 8 }), insert: fc.string({ maxLength: 8 }) });
    fc.assert(
      fc.property(mutation, ({ at, cut, insert }) => {
        const position = at % sampleChat.length;
        parsesOrExplains(() => readWhatsApp(sampleChat.slice(0, position) + insert + sampleChat.slice(position + cut)));
      }),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => parsesOrExplains(() => readWhatsApp(text))),
      { numRuns: 1000 },
    );
  });
});
