import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Cost } from '../benchResults.ts';

const preload = path.join(import.meta.dirname, 'reportChildCpu.cjs');

/**
 * Runs `node <args>` to its exit and returns its CPU time (reported by the process itself, every thread) and
 * the wall time from spawn to exit. Throws with the child's stderr when it fails.
 */
export function childCost(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Cost {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-cpu-')), 'cpu.json');
  try {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--require', preload, ...args], {
      encoding: 'utf8',
      env: { ...env, SCROLLBACK_BENCH_CPU_FILE: file },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
    const wallMs = performance.now() - started;
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${run.status}): ${run.stderr}`);
    const reported = JSON.parse(fs.readFileSync(file, 'utf8')) as { cpuMs: number };
    return { cpuMs: reported.cpuMs, wallMs };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
