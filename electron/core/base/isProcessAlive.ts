/**
 * Whether a process of this id is running (on this computer): for the notes and temporary files a killed
 * Scrollback process leaves behind, which are removed only once their writer is gone.
 */
export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
