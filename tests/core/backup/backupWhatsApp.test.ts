import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBackupSettings } from '../../../shared/backup.ts';
import { createMemorySecretStore } from '../../../electron/core/base/SecretStore.ts';
import { databaseOf, openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { ryzeTokenKey } from '../../../electron/core/sources/ryze/ryzeSettings.ts';
import { createFakeClock, seedRyzeChat, startFakeRyzeApiServer, storedWithoutMedia } from '../../support/fakeRyzeApiServer.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const TOKEN = 'ryze-secret-token-7f3a';
const GROUP = '120363000000000001@g.us';
const PERSON = '447700900123@s.whatsapp.net';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('backing up a WhatsApp connection (RyzeAPI)', () => {
  it('covers every added chat and its images within the 100 requests a minute', async () => {
    const chats = { [GROUP]: seedRyzeChat(GROUP, 90), [PERSON]: seedRyzeChat(PERSON, 40) };
    const server = await startFakeRyzeApiServer({ token: TOKEN, instance: 'main', chats, clock: createFakeClock() });
    closers.push(server.close);
    const secrets = createMemorySecretStore();
    secrets.set(ryzeTokenKey('ryze:main'), TOKEN);
    const core = openScrollbackCore({
      databasePath: path.join(tempFolder(), 'ryze-backup.db'),
      logger: { info() {}, warn() {}, error() {} },
      secrets,
    });
    closers.push(() => core.close());
    core.providerContext.saveSource({
      id: 'ryze:main',
      kind: 'ryze',
      name: 'WhatsApp (main)',
      settings: { instance: 'main', baseUrl: server.baseUrl },
    });
    upsertChats(databaseOf(core), 'ryze:main', [
      { key: GROUP, name: 'Group', kind: 'group', messageCount: null, lastMessageDate: null },
      { key: PERSON, name: 'Ana', kind: 'private', messageCount: null, lastMessageDate: null },
    ]);
    core.backup.setSettings('ryze:main', { ...defaultBackupSettings, media: [{ type: 'photos', maxBytes: null }] });
    core.backup.start('ryze:main');
    const final = await core.backup.settled('ryze:main');
    expect(final.error).toBeNull();
    expect(final.state).toBe('done');
    const db = databaseOf(core);
    for (const [jid, messages] of Object.entries(chats)) {
      const stored = db
        .prepare('SELECT count(*) AS n FROM messages m JOIN chats c ON c.id = m.chat_id WHERE c.source_key = ?')
        .get(jid) as { n: number };
      expect(stored.n, jid).toBe(messages.length);
    }
    // Every image RyzeAPI still has is on this computer, each asked once; the ones it never stored are skipped, not fatal.
    const images = Object.values(chats).flatMap((messages) => messages.filter((message) => message.type === 'image'));
    const kept = db.prepare("SELECT count(*) AS n FROM message_media WHERE variant = 'full' AND message_id != ''").get() as { n: number };
    expect(kept.n).toBe(images.filter((message) => !storedWithoutMedia(message.id)).length);
    expect(server.mediaRequests).toHaveLength(images.length);
    expect(final.chats).toMatchObject({ total: 2, done: 2, failed: 0 });
    const times = server.requests.map((request) => request.at).sort((a, b) => a - b);
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 60_000) j++;
      expect(i - j + 1).toBeLessThanOrEqual(100);
    }
  });
});
