import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TelegramHtmlPageParser } from '../../../electron/core/import/telegram-html/TelegramHtmlPageParser.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures/telegram-html');

/** The messages a page gives when written in the pieces given (a file is read in chunks that cut anywhere). */
function messagesOf(pieces: string[]): unknown[] {
  const messages: unknown[] = [];
  const parser = new TelegramHtmlPageParser((message) => messages.push(message), 'page');
  for (const piece of pieces) parser.write(piece);
  parser.end();
  return messages;
}

describe('a Telegram HTML page cut into chunks anywhere', () => {
  it.skipIf(!fs.existsSync(fixtures))('gives the same messages as read whole, even cut inside the layout around a text', () => {
    let tried = 0;
    for (const name of fs.readdirSync(fixtures).filter((file) => file.endsWith('.html'))) {
      const page = fs.readFileSync(path.join(fixtures, name), 'utf8');
      const whole = messagesOf([page]);
      expect(whole.length, name).toBeGreaterThan(0);
      // Cuts between a line break and the indentation after it inside a message's text (the layout the text's
      // own spaces must not be mistaken for), four of them a page.
      const cuts = [...page.matchAll(/\n(?=[ \t])/g)]
        .map((match) => match.index + 1)
        .filter((at) => {
          const before = page.slice(Math.max(0, at - 400), at);
          return before.lastIndexOf('class="text"') > before.lastIndexOf('</div>');
        });
      tried += cuts.length;
      const step = Math.max(1, Math.floor(cuts.length / 4));
      for (let k = 0; k < cuts.length; k += step) {
        const at = cuts[k]!;
        expect(messagesOf([page.slice(0, at), page.slice(at)]), `${name} cut at ${at}`).toEqual(whole);
      }
    }
    expect(tried).toBeGreaterThan(0);
  });
});
