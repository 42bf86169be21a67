import { describe, expect, it } from 'vitest';
import { createTelegramLogin } from '../../../electron/core/sources/telegram/createTelegramLogin.ts';
import { createFakeClock } from '../../support/fakeRyzeApiServer.ts';
import { createFakeTelegram, type FakeAccount } from '../../support/fakeTelegram.ts';
import { fakeTelegramClient } from '../../support/fakeTelegramClient.ts';

const API = { apiId: 12345, apiHash: '0123456789abcdef0123456789abcdef' };

function login(account: FakeAccount) {
  const fake = createFakeTelegram({ chats: [], clock: createFakeClock(), account });
  return { fake, login: createTelegramLogin({ newClient: () => fakeTelegramClient(fake) }) };
}

describe('Telegram login against the fake', () => {
  it('phone → code → logged in; the session is handed over once', async () => {
    const { login: flow } = login({ phone: '+447700900123', code: '12345', user: { id: 42, firstName: 'Ana' } });
    expect(await flow.startWithPhone({ ...API, phone: '+44 7700 900123' })).toMatchObject({ step: 'code', codeVia: 'app', error: null });
    expect(await flow.resendCode()).toMatchObject({ step: 'code', codeVia: 'sms' });
    expect(await flow.submitCode('12345')).toMatchObject({ step: 'done' });
    const result = flow.takeResult()!;
    expect(result).toMatchObject({ userId: '42', name: 'Ana', apiId: 12345 });
    expect(typeof result.session).toBe('string');
    expect(flow.takeResult()).toBeNull();
  });

  it('each error gets its own message, and the step can be retried', async () => {
    const { login: flow } = login({ phone: '+447700900123', code: '12345', user: { id: 42, firstName: 'Ana' }, sendCodeLimit: 1 });
    expect((await flow.startWithPhone({ ...API, phone: '12' })).error?.message).toMatch(/with its country code/);
    expect((await flow.startWithPhone({ ...API, apiHash: 'nope', phone: '+447700900123' })).error?.message).toMatch(
      /API hash is 32 hexadecimal/,
    );
    expect((await flow.startWithPhone({ ...API, phone: '+15555550100' })).error?.message).toMatch(/phone number is not valid/);
    expect(await flow.startWithPhone({ ...API, phone: '+447700900123' })).toMatchObject({ step: 'code' });
    expect((await flow.submitCode('99999')).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/code is not right/),
    });
    expect((await flow.resendCode()).error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 75_000 });
    expect(await flow.submitCode('12345')).toMatchObject({ step: 'code', error: { message: expect.stringMatching(/expired/) } });
  });

  it('two-step verification: the hint is shown, a wrong password is refused, the right one logs in (real SRP)', async () => {
    const { login: flow, fake } = login({
      phone: '+447700900123',
      code: '12345',
      password: { value: 'correct horse', hint: 'the horse' },
      user: { id: 42, firstName: 'Ana' },
    });
    await flow.startWithPhone({ ...API, phone: '+447700900123' });
    expect(await flow.submitCode('12345')).toMatchObject({ step: 'password', passwordHint: 'the horse' });
    expect((await flow.submitPassword('battery staple')).error?.message).toMatch(/password is not right/);
    expect(await flow.submitPassword('correct horse')).toMatchObject({ step: 'done' });
    expect(flow.takeResult()?.userId).toBe('42');
    expect(fake.log.map((entry) => entry.request)).toContain('auth.CheckPassword');
  }, 30_000);

  it('QR code: shown as tg://login, renewed on each poll until scanned, then logged in', async () => {
    const { login: flow } = login({ phone: '+447700900123', code: '12345', user: { id: 42, firstName: 'Ana' }, qrScannedAfter: 2 });
    const first = await flow.startWithQr(API);
    expect(first.step).toBe('qr');
    expect(first.qrUrl).toBe(`tg://login?token=${Buffer.from('token-1').toString('base64url')}`);
    const second = await flow.pollQr();
    expect(second.qrUrl).not.toBe(first.qrUrl);
    expect(await flow.pollQr()).toMatchObject({ step: 'done' });
    expect(flow.takeResult()?.name).toBe('Ana');
  });

  it('QR code on an account with two-step verification asks for the password next', async () => {
    const { login: flow } = login({
      phone: '+447700900123',
      code: '12345',
      password: { value: 'pw', hint: 'h' },
      user: { id: 42, firstName: 'Ana' },
      qrScannedAfter: 1,
    });
    await flow.startWithQr(API);
    expect(await flow.pollQr()).toMatchObject({ step: 'password', passwordHint: 'h' });
    expect(await flow.submitPassword('pw')).toMatchObject({ step: 'done' });
  }, 30_000);
});
