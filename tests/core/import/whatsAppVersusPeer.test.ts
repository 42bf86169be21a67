import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseString } from 'whatsapp-chat-parser';
import { describe, expect, it } from 'vitest';
import { fileByteSource } from '../../../electron/core/files/ByteSource.ts';
import { parseWhatsAppHeader } from '../../../electron/core/import/whatsapp/parseWhatsAppHeader.ts';
import { readAllWhatsAppMessages } from '../../../electron/core/import/whatsapp/readWhatsAppMessages.ts';
import { fixturesFolder } from '../../support/fixturesFolder.ts';

const fixtures = fixturesFolder();

/** Invisible marks and trailing blank lines are presentation; both parsers are compared without them. */
const normalise = (text: string) => text.replace(/^[\u200e\u200f\ufeff]+/, '').replace(/\s+$/, '');

/**
 * The peer fails a file when it folds a real message line into the one before it (it does not skip a byte
 * order mark at the start of a line), or finds nothing.
 */
function peerFailed(messages: ReturnType<typeof parseString>): boolean {
  return (
    messages.length === 0 ||
    messages.some((message) =>
      message.message
        .split('\n')
        .slice(1)
        .some((line) => parseWhatsAppHeader(line) !== null),
    )
  );
}

describe.skipIf(!fixtures)('our WhatsApp parser beside whatsapp-chat-parser (the npm package)', () => {
  const files = fixtures ? readdirSync(path.join(fixtures, 'whatsapp')) : [];

  for (const file of files) {
    it(`reads ${file} as well as the peer does, or better`, () => {
      const full = path.join(fixtures!, 'whatsapp', file);
      const source = fileByteSource(full);
      const ours = readAllWhatsAppMessages(source);
      const theirs = parseString(readFileSync(full, 'utf8'));
      if (peerFailed(theirs)) {
        // Where the peer merges lines, we must have at least as many messages, each a real one.
        expect(ours.length).toBeGreaterThan(theirs.length);
        return;
      }
      expect(ours).toHaveLength(theirs.length);
      ours.forEach((message, i) => {
        const peer = theirs[i]!;
        expect(message.date).toBe(peer.date.getTime());
        // The peer needs a space after "Name:"; we also read "John Doe:." when John Doe writes elsewhere.
        if (peer.author === null && message.author !== null) {
          expect(normalise(peer.message)).toBe(`${message.author}:${message.text}`);
          return;
        }
        expect(message.author).toBe(peer.author);
        expect(normalise(message.text)).toBe(normalise(peer.message));
      });
    });
  }
});
