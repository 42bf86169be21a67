// Preloaded (`node --import`) into a process the file bench measures: at exit, writes the process's peak
// resident memory (VmHWM: every thread, from start to exit, as the kernel counts it) to the file named by
// SCROLLBACK_BENCH_PEAK_FILE, so ours and its floor are measured the same way, without sampling.
import fs from 'node:fs';

const file = process.env.SCROLLBACK_BENCH_PEAK_FILE;
if (file) {
  process.on('exit', () => {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    fs.writeFileSync(file, JSON.stringify({ peakKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) }));
  });
}
