import { z } from 'zod';
import { runCli } from './runCli.ts';

// A command lives for a fraction of a second: compiling zod's fast validators costs more than they save
// on the few rows it reads. (The worker thread of imports and exports keeps them.)
z.config({ jitless: true });

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
