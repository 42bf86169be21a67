import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs the CLI with `args` and SIGKILLs it once its stderr has printed `readyPattern` and then `delayMs` has
 * passed: the process dies with no chance to clean up, as after a power cut. Resolves with whether it was
 * still running when killed (false: it finished first).
 */
export function runCliAndKill(args: string[], readyPattern: RegExp, delayMs: number): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', path.resolve('electron/cli/main.ts'), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      if (!timer && readyPattern.test(stderr)) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', stderr });
    });
  });
}
