import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compareCosts, finish, type Figures } from '../benchResults.ts';
import { childCost } from '../support/childCost.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/scrollback.js');
const bundle = path.join(root, 'out/cli/main.js');

/** Messages in the imported chat: a page of 50 reads the same rows whatever the size, so it is kept small. */
const MESSAGES = 20_000;

/** Newest modification time of any file under `folder` (source the bundle is built from). */
function newestUnder(folder: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The command as users run it is the bundle (bin/scrollback.js prefers it): built when missing or older than its source. */
function ensureFreshBundle(): void {
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  const source = Math.max(...['electron/cli', 'electron/core', 'shared'].map((folder) => newestUnder(path.join(root, folder))));
  if (built > source) return;
  const began = performance.now();
  process.stderr.write('cli: building the CLI bundle (its source is newer)…\n');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'cli.vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  process.stderr.write(`cli: bundle built in ${Math.round((performance.now() - began) / 1000)} s\n`);
}

/** A WhatsApp export of `count` messages from three people (what `scrollback import` reads). */
function whatsAppExport(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = 1 + (Math.floor(i / 400) % 28);
    const month = 1 + (Math.floor(i / 11_200) % 12);
    const sender = ['Ana', 'Bo', 'Chen'][i % 3];
    lines.push(`${day}/${month}/23, ${10 + (i % 12)}:${String(i % 60).padStart(2, '0')} - ${sender}: message ${i} with some words in it`);
  }
  return lines.join('\n');
}

/**
 * The command line's start-up, measured as users run it (a new process each time) in CPU, each beside its
 * floor in the same run, interleaved:
 * - `scrollback history <chat> --limit 50 --json` of an imported chat (read from the archive alone) beside a
 *   bare `node` that loads better-sqlite3, opens the same database read-only and prints the same 50 rows with
 *   their senders' names as JSON;
 * - `scrollback --help` beside a bare `node -e ''`.
 * A chat of a source that answers (the demo's, Telegram's) also asks its source for the newest page: that is
 * a source request, not start-up, and has no floor here.
 */
export async function runCliBench(folder: string, options: { quick: boolean }): Promise<Figures> {
  ensureFreshBundle();
  const db = path.join(folder, 'cli.db');
  const chatFile = path.join(folder, 'Chat with Ana.txt');
  fs.writeFileSync(chatFile, whatsAppExport(MESSAGES));
  execFileSync(process.execPath, [bin, '--db', db, 'import', chatFile, '--tz', 'UTC'], { stdio: 'ignore' });
  const chats = JSON.parse(execFileSync(process.execPath, [bin, '--db', db, 'chats', '--json'], { encoding: 'utf8' })) as Array<{
    id: number;
  }>;
  const chatId = chats[0]!.id;
  const floorScript = `
    const Database = require(${JSON.stringify(path.join(root, 'node_modules/better-sqlite3'))});
    const db = new Database(${JSON.stringify(db)}, { readonly: true });
    const rows = db.prepare(\`SELECT m.*, s.source_key AS sender_key, s.name AS sender_name FROM messages m
      LEFT JOIN senders s ON s.id = m.sender_id WHERE m.chat_id = ? ORDER BY m.date DESC, m.sort_key DESC LIMIT 50\`).all(${chatId});
    process.stdout.write(JSON.stringify(rows.reverse(), null, 2));`;
  const samples = options.quick ? 2 : 7;
  const figures: Figures = {};
  figures.cli_cold_start_vs_floor_ratio = finish(
    await compareCosts({
      what: `\`scrollback history <chat> --limit 50 --json\`, a new process each time: the newest 50 messages of an imported ${MESSAGES.toLocaleString('en-US')}-message chat`,
      floor:
        "a bare `node` that loads better-sqlite3, opens the same database read-only and prints the same 50 rows (with the senders' names) as JSON",
      ours: () => childCost([bin, '--db', db, 'history', String(chatId), '--limit', '50', '--json']),
      floorWork: () => childCost(['-e', floorScript]),
      samples,
      rounds: 3,
      warmup: 1,
      target: { max: 2.5 },
    }),
  );
  figures.cli_help = finish(
    await compareCosts({
      what: '`scrollback --help`, a new process',
      floor: "a bare `node -e ''` (Node's own start-up)",
      ours: () => childCost([bin, '--help']),
      floorWork: () => childCost(['-e', '']),
      samples,
      rounds: 3,
      warmup: 1,
    }),
  );
  return figures;
}
