import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { round, type Figures } from '../benchResults.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/scrollback.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall time of one process from spawn to exit, ms. */
function timed(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return elapsed;
}

/**
 * The CLI's cold start as a user runs it (`scrollback history <chat> --limit 50 --json`, a new process each
 * time, the page cached) against the floor measured in the same run: a bare `node` that loads
 * better-sqlite3, opens the same database and prints the same 50 rows as JSON.
 */
export function runCliBench(folder: string, options: { quick: boolean }): Figures {
  if (!fs.existsSync(path.join(root, 'out/cli/main.js'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'cli.vite.config.ts'], {
      cwd: root,
      stdio: 'ignore',
    });
  }
  const db = path.join(folder, 'cli.db');
  execFileSync(process.execPath, [bin, '--db', db, 'demo'], { stdio: 'ignore' });
  execFileSync(process.execPath, [bin, '--db', db, 'history', '1', '--limit', '50', '--json'], { stdio: 'ignore' });
  const floorScript = `
    const Database = require(${JSON.stringify(path.join(root, 'node_modules/better-sqlite3'))});
    const db = new Database(${JSON.stringify(db)}, { readonly: true });
    const rows = db.prepare('SELECT * FROM messages WHERE chat_id = 1 ORDER BY date DESC, sort_key DESC LIMIT 50').all();
    process.stdout.write(JSON.stringify(rows.reverse(), null, 2));`;
  const runs = options.quick ? 5 : 11;
  const floor: number[] = [];
  const ours: number[] = [];
  const help: number[] = [];
  const fromSource: number[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(timed(['-e', floorScript]));
    ours.push(timed([bin, '--db', db, 'history', '1', '--limit', '50', '--json']));
    help.push(timed([bin, '--help']));
    if (i < 3)
      fromSource.push(
        timed([bin, '--db', db, 'history', '1', '--limit', '50', '--json'], { ...process.env, SCROLLBACK_CLI_FROM_SOURCE: '1' }),
      );
  }
  return {
    cli_cold_start_ms: { value: round(median(ours), 1), unit: 'ms', target: 'scrollback history --limit 50 --json, new process' },
    cli_floor_ms: { value: round(median(floor), 1), unit: 'ms', target: 'baseline: node + better-sqlite3 + the same page' },
    cli_cold_start_vs_floor_ratio: { value: round(median(ours) / median(floor), 2), unit: 'x', target: '<= 2' },
    cli_help_ms: { value: round(median(help), 1), unit: 'ms', target: 'scrollback --help' },
    cli_from_source_ms: { value: round(median(fromSource), 1), unit: 'ms', target: 'the same, TypeScript run from source' },
  };
}
