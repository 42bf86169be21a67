import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs a Node script (a path from the repository root, then its arguments) and SIGKILLs it once its stderr
 * has printed `readyPattern` and then `delayMs` has passed (null: never): the process dies with no chance
 * to clean up, as after a power cut. Resolves with whether it was still running when killed (false: it
 * finished first) and what it printed on stderr. Where the script can halt itself at a point of its work
 * (`haltAtRequest`), pass its halt line as `readyPattern` and a delay of 0: the kill then lands mid-work by
 * construction, whatever the machine's load.
 */
export function runScriptAndKill(
  script: string,
  args: string[],
  readyPattern: RegExp,
  delayMs: number | null,
): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', path.resolve(script), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      if (delayMs !== null && !timer && readyPattern.test(stderr)) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', stderr });
    });
  });
}

/** The CLI with `args`, killed as `runScriptAndKill` says. */
export function runCliAndKill(args: string[], readyPattern: RegExp, delayMs: number): Promise<{ killed: boolean; stderr: string }> {
  return runScriptAndKill('electron/cli/main.ts', args, readyPattern, delayMs);
}
