// Runs the checks that come before the tests side by side (`npm run typecheck`, `npm run lint`, `npm run build`):
// each is mostly one busy core (tsc, the type-checked lint) or waits on the disk, so together they take the time
// of the longest rather than of all three. Each one's output is printed whole when it ends, so the log reads as
// if they had run in turn; the exit code is the first failure's, and the failures are named at the end.
// Usage: node scripts/runChecks.ts typecheck lint build
import { spawn } from 'node:child_process';

interface CheckResult {
  script: string;
  code: number;
  seconds: number;
}

function runScript(script: string): Promise<CheckResult> {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`could not start npm run ${script}: ${error.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stdout.write(`\n> npm run ${script} (${seconds.toFixed(1)} s)\n`);
      process.stdout.write(Buffer.concat(output));
      resolve({ script, code: code ?? (signal ? 1 : 0), seconds });
    });
  });
}

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  process.stderr.write('Name the npm scripts to run side by side, e.g. node scripts/runChecks.ts typecheck lint build\n');
  process.exit(2);
}
const results = await Promise.all(scripts.map(runScript));
const failed = results.filter((result) => result.code !== 0);
const [firstFailure] = failed;
if (firstFailure) {
  process.stderr.write(`\nFailed: ${failed.map((result) => `npm run ${result.script} (exit ${result.code})`).join(', ')}\n`);
  process.exit(firstFailure.code);
}
process.stdout.write(`\nChecks passed: ${results.map((result) => `${result.script} ${result.seconds.toFixed(0)} s`).join(', ')}\n`);
