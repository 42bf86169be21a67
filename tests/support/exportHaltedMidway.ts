import { AtomicFileWriter } from '../../electron/core/export/AtomicFileWriter.ts';

/**
 * An export that stops mid-file, for kill tests: writes 2 MB of the target given as the argument into its
 * temporary file (flushed to disk), says "halted mid-export" on stderr and waits there to be killed.
 */
const target = process.argv[2];
if (!target) throw new Error('usage: exportHaltedMidway.ts <target file>');
const file = new AtomicFileWriter(target);
for (let line = 0; line < 20_000; line++) file.write(`${'x'.repeat(99)}\n`);
process.stderr.write('halted mid-export\n');
setInterval(() => undefined, 60_000);
