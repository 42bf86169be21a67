import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot } from './support/startBrowserSession.ts';
import { useBrowserSession } from './support/useBrowserSession.ts';
import { scroller } from './support/listGeometry.ts';
import { createFakeClock } from '../support/fakeRyzeApiServer.ts';
import { createFakeTelegram, seedFakeChat } from '../support/fakeTelegram.ts';
import { fakeSessionString } from '../support/fakeTelegramClient.ts';
import { databaseOf } from '../../electron/core/app/openScrollbackCore.ts';

const skipReason = browserSkipReason();
const API_HASH = '0123456789abcdef0123456789abcdef';

/** Every file under a folder, as text, to search for a secret. */
function everyFileIn(folder: string): Array<{ file: string; text: string }> {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => ({ file, text: fs.readFileSync(file).toString('latin1') }));
}

describe.skipIf(skipReason !== null)(`Telegram login in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let sessionString = '';
  const replies: string[] = [];
  const browserSession = useBrowserSession(async () => {
    sessionString = await fakeSessionString();
    const fake = createFakeTelegram({
      chats: [
        seedFakeChat({ type: 'channel', id: 777, accessHash: 4242 }, 'Rust news', 2_000),
        seedFakeChat({ type: 'user', id: 555, accessHash: 99 }, 'Bruno', 40),
      ],
      clock: createFakeClock(),
      account: {
        phone: '+447700900123',
        code: '24680',
        password: { value: 'correct horse', hint: 'stable' },
        user: { id: 42, firstName: 'Ana' },
        qrScannedAfter: 2,
      },
    });
    return { telegram: { fake, session: sessionString } };
  });
  beforeAll(() => {
    browserSession().page.on('response', async (response) => {
      if (response.url().includes('/rpc/')) replies.push(await response.text().catch(() => ''));
    });
  });

  it('phone → wrong code → code → two-step password (hint shown, wrong one refused) → the account’s chats', async () => {
    const { page } = browserSession();
    await page.waitForSelector('[data-chat-id]');
    await page.click('[data-testid="add-menu"]');
    await page.click('[data-testid="add-source-telegram"]');
    await page.fill('[data-testid="telegram-api-id"]', '12345');
    await page.fill('[data-testid="telegram-api-hash"]', API_HASH);
    await page.fill('[data-testid="telegram-phone"]', '+44 7700 900123');
    await saveScreenshot(page, 'telegram-login-phone');
    await page.click('[data-testid="telegram-send-code"]');
    await page.waitForSelector('[data-testid="telegram-code"]');
    expect(await page.textContent('.telegram-dialog')).toContain('Telegram sent a code in your Telegram app to +447700900123');
    await page.fill('[data-testid="telegram-code"]', '11111');
    await page.click('.telegram-dialog button[type="submit"]');
    await page.waitForSelector('[data-testid="telegram-error"]');
    expect(await page.textContent('[data-testid="telegram-error"]')).toContain('That code is not right');
    await saveScreenshot(page, 'telegram-login-code-error');
    await page.fill('[data-testid="telegram-code"]', '24680');
    await page.click('.telegram-dialog button[type="submit"]');
    await page.waitForSelector('[data-testid="telegram-password"]');
    expect(await page.textContent('.telegram-dialog')).toContain('Hint: stable');
    await page.fill('[data-testid="telegram-password"]', 'wrong');
    await page.click('.telegram-dialog button[type="submit"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="telegram-error"]')?.textContent?.includes('password is not right'),
    );
    await saveScreenshot(page, 'telegram-login-password');
    await page.fill('[data-testid="telegram-password"]', 'correct horse');
    await page.click('.telegram-dialog button[type="submit"]');
    await page.waitForSelector('[data-testid="telegram-done"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="telegram-done"]')).toContain('Logged in as Ana');
    await page.click('.telegram-dialog button:has-text("Done")');
    await page.waitForSelector('[data-chat-id]:has-text("Rust news")');
    await page.click('[data-chat-id]:has-text("Rust news")');
    await page.waitForSelector(`${scroller} [data-message-id="2000"]`);
    await saveScreenshot(page, 'telegram-chat');
  }, 60_000);

  it('after login, sync and export, the session string is in no IPC reply, log or file of the data folder', async () => {
    const { core, folder } = browserSession();
    const chat = core.listChats().find((candidate) => candidate.name === 'Rust news')!;
    core.sync.start({ chatId: chat.id, from: null, to: null });
    expect((await core.sync.settled(chat.id)).state).toBe('done');
    await core.exports.exportChat(
      { chatId: chat.id, format: 'json', from: null, to: null, filter: null, includeService: true, csvBom: false },
      path.join(folder, 'rust.json'),
    );
    databaseOf(core).pragma('wal_checkpoint(TRUNCATE)');
    const needles = [sessionString, sessionString.slice(10, 60)];
    expect(sessionString.length).toBeGreaterThan(300);
    for (const needle of needles) {
      expect(replies.filter((reply) => reply.includes(needle))).toEqual([]);
      expect(browserSession().logs.filter((line) => line.includes(needle))).toEqual([]);
      expect(
        everyFileIn(folder)
          .filter(({ text }) => text.includes(needle))
          .map(({ file }) => file),
      ).toEqual([]);
    }
    expect(replies.length).toBeGreaterThan(20);
  }, 60_000);

  it('says at the field, in words, what is wrong with an API id or hash, and sends nothing', async () => {
    const { page } = browserSession();
    await page.click('[data-testid="add-menu"]');
    await page.click('[data-testid="add-source-telegram"]');
    await page.fill('[data-testid="telegram-api-id"]', 'my app');
    await page.fill('[data-testid="telegram-api-hash"]', API_HASH);
    await page.click('[data-testid="telegram-qr"]');
    await expect.poll(() => page.textContent('.telegram-dialog')).toContain('The API id is a number');
    expect(await page.textContent('.telegram-dialog')).not.toMatch(/expected number|INVALID_INPUT/);
    await page.fill('[data-testid="telegram-api-id"]', '12345');
    await page.fill('[data-testid="telegram-api-hash"]', 'abc');
    await page.click('[data-testid="telegram-qr"]');
    await expect.poll(() => page.textContent('.telegram-dialog')).toContain('The API hash is the 32 letters and digits');
    expect(await page.$('.qr-code')).toBeNull();
    await page.keyboard.press('Escape');
  });

  it('log in by QR code: the code is shown and renewed until scanned', async () => {
    const { page } = browserSession();
    await page.click('[data-testid="add-menu"]');
    await page.click('[data-testid="add-source-telegram"]');
    await page.fill('[data-testid="telegram-api-id"]', '12345');
    await page.fill('[data-testid="telegram-api-hash"]', API_HASH);
    await page.click('[data-testid="telegram-qr"]');
    await page.waitForSelector('.qr-code');
    await saveScreenshot(page, 'telegram-login-qr');
    // The fake counts it scanned after two renewals; this account has two-step verification.
    await page.waitForSelector('[data-testid="telegram-password"]', { timeout: 60_000 });
    await page.fill('[data-testid="telegram-password"]', 'correct horse');
    await page.click('.telegram-dialog button[type="submit"]');
    await page.waitForSelector('[data-testid="telegram-done"]', { timeout: 60_000 });
    await page.click('.telegram-dialog button:has-text("Done")');
  }, 60_000);

  it('log out ends the session and removes the account’s chats and session', async () => {
    const { page, core } = browserSession();
    page.once('dialog', (dialog) => void dialog.accept());
    // Accounts are logged out of in Settings.
    await page.click('[data-testid="open-settings"]');
    await page.click('[data-testid="remove-source-telegram"]');
    await page.waitForSelector('[data-chat-id]:has-text("Rust news")', { state: 'detached' });
    expect(core.listSources().some((source) => source.kind === 'telegram')).toBe(false);
  }, 30_000);
});
