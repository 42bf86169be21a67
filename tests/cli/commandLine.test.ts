import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/runCli.ts';
import { USAGE } from '../../electron/cli/usage.ts';
import { commandsInUsage } from '../../electron/cli/commandUsage.ts';
import { importFormatInfos } from '../../electron/core/import/importFormats.ts';
import { writeTelegramExport } from '../support/writeTelegramExport.ts';
import { useTempFolder } from '../support/tempFolder.ts';

const tempFolder = useTempFolder();

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

/** The lines of the whole usage that start a command form ("  export <chat> …", "  export --all …"). */
function formLines(command: string): string[] {
  return USAGE.split('\n').filter((line) => /^ {2}\S/.test(line) && line.trim().split(/\s/)[0] === command);
}

describe('the command line', () => {
  const commands = commandsInUsage(USAGE);

  it('lists every command the usage names', () => {
    expect(commands).toEqual(
      expect.arrayContaining(['demo', 'chats', 'history', 'search', 'import', 'export', 'sync', 'changes', 'recover']),
    );
  });

  it.each(commands)(
    'help for %s (`help <command>` and `<command> --help`) shows that command’s usage only, and touches no archive',
    async (command) => {
      const db = path.join(tempFolder(), 'none.db');
      const viaHelp = await cli('--db', db, 'help', command);
      const viaFlag = await cli('--db', db, command, '--help');
      expect(viaHelp.code, viaHelp.stderr).toBe(0);
      expect(viaFlag).toEqual(viaHelp);
      expect(viaHelp.stdout.startsWith(`Usage: scrollback [--db PATH] ${command} `)).toBe(true);
      // Each of its forms is there, and no other command's.
      for (const line of formLines(command)) expect(viaHelp.stdout).toContain(line);
      for (const other of commands.filter((name) => name !== command))
        for (const line of formLines(other)) expect(viaHelp.stdout).not.toContain(line);
      expect(viaHelp.stdout.length).toBeLessThan(USAGE.length);
      expect(fs.existsSync(db)).toBe(false);
    },
  );

  it('`--help` and `help` alone show the whole usage; help for an unknown command names the commands', async () => {
    expect((await cli('--help')).stdout).toBe(`${USAGE}\n`);
    expect(await cli('help')).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
    const unknown = await cli('help', 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command “frobnicate”: the commands are demo, chats');
  });

  it.each([['chats'], ['history', '1'], ['search', '1', '--query', 'x'], ['changes'], ['sync', '1'], ['export', '1', '--out', 'x.txt']])(
    'a command that reads (%s) creates no archive where there is none, and says how to start one',
    async (...args) => {
      const db = path.join(tempFolder(), 'missing.db');
      const run = await cli('--db', db, ...args);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `scrollback: no archive at ${db}: run \`scrollback demo\` or \`scrollback import <file-or-folder>\` to start one (or pass --db PATH).\n`,
      );
      expect(fs.readdirSync(path.dirname(db))).toEqual([]);
    },
  );

  it('search says what it searched from the same model as the window: found at the source only where the where line says so', async () => {
    const db = path.join(tempFolder(), 'search.db');
    expect((await cli('--db', db, 'demo')).code).toBe(0);
    const chats = JSON.parse((await cli('--db', db, 'chats', '--json')).stdout) as Array<{ id: number; messageCount: number }>;
    const big = chats.find((chat) => chat.messageCount === 1_000_000)!;
    const run = await cli('--db', db, 'search', String(big.id), '--query', 'birthday', '--limit', '5');
    expect(run.code, run.stderr).toBe(0);
    const [total, where, offer, ...hits] = run.stdout.trimEnd().split('\n');
    expect(total).toMatch(/^[\d,]+ on this computer; showing 5 \(more with a larger --limit\)$/);
    expect(where).toMatch(/^Not on this computer: up to .+, searched at the demo archive$/);
    expect(offer).toBe(`To search all of it on this computer: scrollback sync ${big.id}`);
    expect(hits).toHaveLength(5);
    for (const hit of hits) expect(hit).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d {2}#\S+ .+\(found at the demo archive\)$/i);
  });

  it('import progress ends at 100 % for every file, even one read between two progress lines', async () => {
    const folder = tempFolder();
    const files = [path.join(folder, 'first.json'), path.join(folder, 'second.json')];
    writeTelegramExport(files[0]!, 3_000, { chatId: 1, name: 'First' });
    writeTelegramExport(files[1]!, 2_000, { chatId: 2, name: 'Second' });
    const run = await cli('--db', path.join(folder, 'import.db'), 'import', ...files);
    expect(run.code, run.stderr).toBe(0);
    const progress = run.stderr.split('\n').filter((line) => line.startsWith('importing '));
    for (const [index, file] of files.entries()) {
      const own = progress.filter((line) => line.startsWith(`importing ${index + 1}/2 ${file}: `));
      expect(own.at(-1), run.stderr).toBe(`importing ${index + 1}/2 ${file}: 100%`);
      // Never back down, and 100 % said once.
      const percents = own.map((line) => Number(/(\d+)%$/.exec(line)?.[1]));
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(percents.filter((percent) => percent === 100)).toHaveLength(1);
    }
    expect(run.stdout).toMatch(/^First \(chat \d+\): 3000 added/m);
  });

  it('an import error that names a format names every format the registry reads', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'x.json');
    fs.writeFileSync(file, '{"a": 1}');
    const run = await cli('--db', path.join(folder, 'import.db'), 'import', file);
    expect(run.code).toBe(1);
    const error = run.stderr.split('\n').find((line) => line.startsWith('scrollback: '))!;
    expect(error).toContain('not a Telegram Desktop export');
    for (const format of importFormatInfos()) expect(error).toContain(format.label);
  });

  it('preview:web on a busy port prints one line suggesting --port, and exits 1 without opening an archive', async () => {
    const folder = tempFolder();
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as net.AddressInfo;
    try {
      const child = spawn(
        process.execPath,
        [
          '--disable-warning=ExperimentalWarning',
          path.resolve('scripts/previewWeb.ts'),
          '--port',
          String(port),
          '--db',
          path.join(folder, 'p.db'),
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`preview:web: port ${port} is already in use; choose another with --port N (--port 0: any free one).\n`);
      expect(fs.readdirSync(folder)).toEqual([]);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});
