import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capMessageText, MAX_STORED_TEXT } from '../../../electron/core/cache/capMessageText.ts';
import { collapsedText, COLLAPSED_LENGTH } from '../../../renderer/src/features/history/collapsedText.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { writeZipBomb } from '../../support/writeZipBomb.ts';

const tempFolder = useTempFolder();

/** `scrollback …` in its own process, with its exit code, stderr and peak resident memory (Linux). */
async function runScrollback(args: string[]): Promise<{ code: number | null; stderr: string; peakMb: number }> {
  const child = spawn(process.execPath, [path.resolve('bin/scrollback.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  let peakKb = 0;
  const timer = setInterval(() => {
    try {
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0));
    } catch {
      // Exited between two samples.
    }
  }, 10);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  return { code, stderr, peakMb: peakKb / 1024 };
}

describe('bounded inputs', () => {
  // Refused by what it would unpack to (said in the message), within a memory bound: never by how long it took.
  it('a zip that unpacks to 1.5 GB (a bomb of 1.5 MB) is refused with a clear message, using little memory', async () => {
    const folder = tempFolder();
    const bomb = path.join(folder, 'WhatsApp Chat - Bomb.zip');
    await writeZipBomb(bomb, 1536);
    expect(fs.statSync(bomb).size).toBeLessThan(2 * 1024 * 1024);
    const run = await runScrollback(['--db', path.join(folder, 'db'), 'import', bomb]);
    expect(run.code).toBe(1);
    // Refused by the size the zip declares, or, where it hides it, by the ratio while unpacking.
    expect(run.stderr).toMatch(
      /_chat\.txt” (is \d+ MB( or more)?; Scrollback unpacks at most \d+ MB|would unpack to more than \d+ MB .*zip bomb).*Nothing was imported/,
    );
    expect(fs.readdirSync(folder).filter((name) => !name.startsWith('db') && !name.endsWith('.zip'))).toEqual([]);
    if (process.platform === 'linux') expect(run.peakMb).toBeLessThan(250);
  });

  it('stores at most 1,000,000 characters of a message, saying how much was left out', () => {
    const text = 'x'.repeat(MAX_STORED_TEXT + 123_456);
    const capped = capMessageText({
      text,
      entities: [
        { type: 'bold', offset: MAX_STORED_TEXT - 10, length: 100 },
        { type: 'italic', offset: MAX_STORED_TEXT + 5, length: 3 },
      ],
    });
    expect(capped.text.startsWith('x'.repeat(MAX_STORED_TEXT))).toBe(true);
    expect(capped.text).toContain('123,456 more characters not kept');
    expect(capped.entities).toEqual([{ type: 'bold', offset: MAX_STORED_TEXT - 10, length: 10 }]);
    const short = { text: 'short', entities: [] };
    expect(capMessageText(short)).toBe(short);
  });

  it('shows long texts collapsed at a word break', () => {
    const text = 'word '.repeat(2000);
    const shown = collapsedText(text, [{ type: 'bold', offset: 0, length: 9000 }]);
    expect(shown.text.length).toBeLessThanOrEqual(COLLAPSED_LENGTH + 1);
    expect(shown.text.endsWith('word…')).toBe(true);
    expect(shown.entities[0]!.length).toBe(shown.text.length - 1);
  });
});
