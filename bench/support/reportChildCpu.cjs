// Preloaded (`node --require`) into a process the bench times: at exit, writes its CPU time (every thread,
// from process start) to the file named by SCROLLBACK_BENCH_CPU_FILE, so a child is measured in CPU as the
// bench's own work is, not only by the wall clock a loaded machine stretches. CommonJS on purpose: a
// `--require` preload adds nothing to a CommonJS floor script, where `--import` would start the ESM loader.
'use strict';
const fs = require('node:fs');
const file = process.env.SCROLLBACK_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const used = process.cpuUsage();
    fs.writeFileSync(file, JSON.stringify({ cpuMs: (used.user + used.system) / 1000 }));
  });
}
