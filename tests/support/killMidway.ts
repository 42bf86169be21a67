import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs a Node script (a path from the repository root, then its arguments) and SIGKILLs it the moment its
 * stderr prints a line matching `killAtLine` (null: never): the process dies with no chance to clean up, as
 * after a power cut. There is no delay anywhere: the kill lands at a point of the work the script announces
 * (a progress line, or a halt such as `haltAtRequest`'s, where the script blocks until it is killed), so it is
 * mid-work by construction, whatever the machine's load. Resolves with whether it was killed (false: it
 * finished before printing the line) and what it printed on stderr.
 */
export function runScriptAndKill(script: string, args: string[], killAtLine: RegExp | null): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', path.resolve(script), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      if (killAtLine && child.exitCode === null && killAtLine.test(stderr)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', stderr }));
  });
}

/** The CLI with `args`, killed as `runScriptAndKill` says. */
export function runCliAndKill(args: string[], killAtLine: RegExp | null): Promise<{ killed: boolean; stderr: string }> {
  return runScriptAndKill('electron/cli/main.ts', args, killAtLine);
}
