import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/runCli.ts';
import { createJsonLinesExportWriter } from '../../../electron/core/export/formats/createJsonLinesExportWriter.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

async function cli(db: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--db', db, ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {} });
  return { code, stdout, stderr };
}

describe('JSON Lines export', () => {
  it('scrollback export --format jsonl writes one message a line, with exactly the fields of history --ndjson', async () => {
    const folder = tempFolder();
    const db = path.join(folder, 'cli.db');
    expect((await cli(db, 'demo')).code).toBe(0);
    const target = path.join(folder, 'ana.jsonl');
    // Not cached yet: the export downloads the chat from the (demo) source first, then writes it.
    const exported = await cli(db, 'export', 'Ana Costa', '--format', 'jsonl', '--out', target);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`${target}: 900 messages`);

    const text = readFileSync(target, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(900);
    const messages = lines.map((line) => JSON.parse(line) as Record<string, unknown>);

    const history = await cli(db, 'history', 'Ana Costa', '--ndjson');
    expect(history.code).toBe(0);
    const streamed = history.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    // --ndjson streams newest first; the export is oldest first. Otherwise the same objects, field for field.
    expect(messages).toEqual(streamed.reverse());
    expect(Object.keys(messages[0]!).sort()).toEqual(Object.keys(streamed[0]!).sort());
    expect(messages[0]).toMatchObject({ date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
  }, 60_000);

  it('a message with line breaks in its text stays on one line', async () => {
    const core = await openTestCoreWithDemo(tempFolder());
    const chat = core.listChats().find((candidate) => candidate.name === 'Ana Costa')!;
    const [message] = (await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 1 })).messages;
    let out = '';
    const writer = createJsonLinesExportWriter((text) => (out += text));
    writer.begin(chat);
    writer.message({ ...message!, text: 'first\nsecond\r\nthird\u2028fourth' });
    writer.message(message!);
    writer.end();
    const lines = out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect((JSON.parse(lines[0]!) as { text: string }).text).toBe('first\nsecond\r\nthird\u2028fourth');
    await core.close();
  });
});
