import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/runCli.ts';
import { openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { encodeCursor } from '../../shared/cursor.ts';
import type { HistoryAnchor } from '../../shared/history.ts';
import { toJsonMessage } from '../../shared/toJsonMessage.ts';
import { useTempFolder } from '../support/tempFolder.ts';

const tempFolder = useTempFolder();

async function cli(db: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--db', db, ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

interface JsonHistory {
  messages: Array<{ id: string; date: string; senderName: string | null; text: string }>;
  reachedOldest: boolean;
  reachedNewest: boolean;
}

describe('scrollback CLI', () => {
  it('demo, then chats --json lists the demo chats with ids and counts', async () => {
    const db = path.join(tempFolder(), 'cli.db');
    expect((await cli(db, 'demo')).code).toBe(0);
    const result = await cli(db, 'chats', '--json');
    expect(result.code).toBe(0);
    const chats = JSON.parse(result.stdout) as Array<{
      id: number;
      name: string;
      source: string;
      messageCount: number;
      cachedCount: number;
    }>;
    expect(chats.length).toBeGreaterThanOrEqual(3);
    const big = chats.find((chat) => chat.messageCount === 1_000_000)!;
    expect(big).toMatchObject({ source: 'demo', cachedCount: 0 });
    expect(typeof big.id).toBe('number');
  });

  it('history --around a date prints 100 messages in order, some before and some after the date', async () => {
    const db = path.join(tempFolder(), 'cli.db');
    await cli(db, 'demo');
    const result = await cli(db, 'history', '1', '--around', '2021-06-01', '--limit', '100', '--json');
    expect(result.stderr).toBe('');
    const page = JSON.parse(result.stdout) as JsonHistory;
    expect(page.messages).toHaveLength(100);
    const dates = page.messages.map((message) => Date.parse(message.date));
    for (let i = 1; i < dates.length; i++) expect(dates[i]).toBeGreaterThanOrEqual(dates[i - 1]!);
    const day = new Date(2021, 5, 1).getTime();
    expect(dates.filter((date) => date < day).length).toBeGreaterThan(0);
    expect(dates.filter((date) => date >= day).length).toBeGreaterThan(0);
  });

  it('history of an imported chat, read from the archive alone, prints what the core gives: newest page, paging back, --after, --ndjson', async () => {
    const folder = tempFolder();
    const db = path.join(folder, 'cli.db');
    const lines = Array.from(
      { length: 230 },
      (_, i) => `${1 + Math.floor(i / 60)}/03/2023, 10:${String(i % 60).padStart(2, '0')} - ${i % 2 ? 'Ana' : 'Bo'}: message ${i}`,
    );
    fs.writeFileSync(path.join(folder, 'WhatsApp Chat with Ana.txt'), lines.join('\n'));
    expect((await cli(db, 'import', path.join(folder, 'WhatsApp Chat with Ana.txt'), '--tz', 'UTC')).code).toBe(0);
    const viaCli = async (...args: string[]) => {
      const result = await cli(db, 'history', 'Ana', ...args);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      return result.stdout;
    };
    const newest = JSON.parse(await viaCli('--limit', '100', '--json')) as JsonHistory;
    const older = JSON.parse(await viaCli('--before', newest.messages[0]!.id, '--limit', '200', '--json')) as JsonHistory;
    const after = JSON.parse(await viaCli('--after', older.messages[0]!.id, '--limit', '5', '--json')) as JsonHistory;
    const streamed = (await viaCli('--ndjson')).trim().split('\n');

    const core = openScrollbackCore({ databasePath: db, logger: { info() {}, warn() {}, error() {} } });
    try {
      const chatId = core.listChats()[0]!.id;
      const page = async (anchor: HistoryAnchor, limit: number) => {
        const { messages, reachedOldest, reachedNewest, offline } = await core.history.getHistoryPage({ chatId, anchor, limit });
        return { chatId, messages: messages.map(toJsonMessage), reachedOldest, reachedNewest, offline };
      };
      const cursorOf = (id: string) => ({ cursor: encodeCursor(core.findMessagePosition(chatId, id)!) });
      expect(newest).toEqual(await page({ kind: 'latest' }, 100));
      expect(newest.reachedNewest).toBe(true);
      expect(older).toEqual(await page({ kind: 'before', ...cursorOf(newest.messages[0]!.id) }, 200));
      expect(older.reachedOldest).toBe(true);
      expect(after).toEqual(await page({ kind: 'after', ...cursorOf(older.messages[0]!.id) }, 5));
      expect(streamed.map((line) => (JSON.parse(line) as { text: string }).text)).toEqual(lines.map((_, i) => `message ${i}`).reverse());
    } finally {
      await core.close();
    }
  });

  it('paging --before from the newest message reaches the oldest with no gap and no repeat', async () => {
    const db = path.join(tempFolder(), 'cli.db');
    await cli(db, 'demo');
    const chats = JSON.parse((await cli(db, 'chats', '--json')).stdout) as Array<{ id: number; messageCount: number }>;
    const family = chats.find((chat) => chat.messageCount === 24_000)!;
    let page = JSON.parse((await cli(db, 'history', String(family.id), '--limit', '500', '--json')).stdout) as JsonHistory;
    expect(page.reachedNewest).toBe(true);
    const ids: string[] = page.messages.map((message) => message.id);
    let pages = 1;
    while (!page.reachedOldest) {
      const result = await cli(db, 'history', String(family.id), '--before', page.messages[0]!.id, '--limit', '500', '--json');
      expect(result.code).toBe(0);
      page = JSON.parse(result.stdout) as JsonHistory;
      ids.unshift(...page.messages.map((message) => message.id));
      if (++pages > 100) throw new Error('did not reach the oldest message');
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(24_000);
    // Demo ids are consecutive: any gap would show as a jump.
    ids.forEach((id, index) => expect(Number(id)).toBe(index + 1));
  });

  it.each([
    [['history', '1', '--around', '2021-13-45'], 2, /--around: .*not a/],
    [['history', '1', '--around', 'yesterday'], 2, /Use YYYY-MM-DD/],
    [['history', '1', '--limit', 'ten'], 2, /--limit must be a whole number/],
    [['history', '1', '--before', '5', '--after', '6'], 2, /only one of/],
    [['history', '4242'], 1, /no chat with id 4242/],
    [['history', '1', '--before', '77'], 1, /not in the cache/],
    [['chats', '--limit', '5'], 2, /chats does not take --limit/],
    [['frobnicate'], 2, /Unknown command/],
    [['chats', '--colour'], 2, /Unknown option/],
  ])('%j exits %i with a clear message on stderr', async (args, code, message) => {
    const db = path.join(tempFolder(), 'cli.db');
    await cli(db, 'demo');
    const result = await cli(db, ...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('reports a corrupt database as an error, not a crash, from the real executable', () => {
    const folder = tempFolder();
    const db = path.join(folder, 'broken.db');
    fs.writeFileSync(db, 'garbage '.repeat(1000));
    const run = spawnSync(process.execPath, [path.resolve('bin/scrollback.js'), '--db', db, 'chats'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not a readable Scrollback database/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('names its own way out of a bad database (--db, SCROLLBACK_DB), which the core’s words leave to it', async () => {
    const db = path.join(tempFolder(), 'broken.db');
    fs.writeFileSync(db, 'garbage '.repeat(1000));
    const run = await cli(db, 'chats');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /not a readable Scrollback database[^\n]*\nscrollback: to use another database, pass --db PATH or set SCROLLBACK_DB/,
    );
  });
});

describe('scrollback CLI streams past one page', () => {
  it('history --ndjson and search --ndjson list more than 500 results, one JSON object a line, in order, without repeats', async () => {
    const db = path.join(tempFolder(), 'db');
    const out: string[] = [];
    const io = { stdout: (text: string) => void out.push(text), stderr: () => undefined, env: {} };
    expect(await runCli(['--db', db, 'demo'], io)).toBe(0);
    out.length = 0;
    expect(await runCli(['--db', db, 'history', '1', '--limit', '1234', '--ndjson'], io)).toBe(0);
    const history = out
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; date: string });
    expect(history).toHaveLength(1234);
    expect(new Set(history.map((message) => message.id)).size).toBe(1234);
    for (let i = 1; i < history.length; i++) expect(Date.parse(history[i]!.date)).toBeLessThanOrEqual(Date.parse(history[i - 1]!.date));
    out.length = 0;
    expect(await runCli(['--db', db, 'search', '1', '--type', 'text', '--limit', '700', '--ndjson'], io)).toBe(0);
    const hits = out
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string });
    expect(hits.length).toBe(700);
    expect(new Set(hits.map((hit) => hit.id)).size).toBe(700);
  });
});
