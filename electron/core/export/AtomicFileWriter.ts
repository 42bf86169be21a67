import { closeSync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { syncFolderEntry } from './syncFolderEntry.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { isProcessAlive } from '../base/isProcessAlive.ts';
import { translator } from '../i18n/createTranslator.ts';

const FLUSH_AT = 1 << 20;
/** A temporary file whose writer is alive is still left alone for this long (a process id can be reused). */
const LEFTOVER_AGE_MS = 24 * 60 * 60 * 1000;
/** Our temporary files, and only ours: `.<target>.scrollback-<pid>-<random>.partial`. */
const PARTIAL_NAME = /^\..+\.scrollback-(\d+)-[0-9a-f]{8}\.partial$/;

/**
 * Removes the temporary files that killed exports (a crash, kill -9, a power cut) left in `folder`: only
 * Scrollback's own (named by the pattern above), and only those whose writing process is gone or that are
 * older than a day. Returns how many were removed; a folder that cannot be read removes nothing.
 */
export function removeLeftoverPartials(folder: string, now = Date.now()): number {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = PARTIAL_NAME.exec(name);
    if (!match) continue;
    const file = join(folder, name);
    try {
      if (isProcessAlive(Number(match[1])) && now - statSync(file).mtimeMs < LEFTOVER_AGE_MS) continue;
      unlinkSync(file);
      removed++;
    } catch {
      // Gone meanwhile, or not ours to remove after all (permissions): left alone.
    }
  }
  return removed;
}

/**
 * Writes a file so that it is either absent, the previous file, or the complete new one: the bytes go to a
 * temporary file in the target folder (same file system, so the rename is atomic), which is flushed to
 * disk and then renamed over the target. Cancel, a full disk or a crash leave at most the temporary file,
 * which is removed when the writer can, and never a half-written target; one left by a killed process is
 * removed by the next export into the same folder (`removeLeftoverPartials`).
 */
export class AtomicFileWriter {
  readonly target: string;
  readonly temporary: string;
  private fd: number | null;
  private pending: string[] = [];
  private pendingLength = 0;
  bytes = 0;

  constructor(target: string) {
    this.target = target;
    removeLeftoverPartials(dirname(target));
    this.temporary = join(dirname(target), `.${basename(target)}.scrollback-${process.pid}-${randomBytes(4).toString('hex')}.partial`);
    try {
      this.fd = openSync(this.temporary, 'wx', 0o600);
    } catch (error) {
      throw fileError(error, target);
    }
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0 || this.fd === null) return;
    const buffer = Buffer.from(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
    try {
      let offset = 0;
      while (offset < buffer.length) offset += writeSync(this.fd, buffer, offset);
      this.bytes += buffer.length;
    } catch (error) {
      this.abort();
      throw fileError(error, this.target);
    }
  }

  commit(): void {
    this.flush();
    if (this.fd === null) throw new ScrollbackError('INTERNAL', translator()('error.export.fileClosed'));
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = null;
      renameSync(this.temporary, this.target);
    } catch (error) {
      this.abort();
      throw fileError(error, this.target);
    }
    syncFolderEntry(this.target);
  }

  abort(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // Already closed.
      }
      this.fd = null;
    }
    try {
      unlinkSync(this.temporary);
    } catch {
      // Already gone.
    }
  }
}

function fileError(error: unknown, target: string): ScrollbackError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new ScrollbackError('DISK_FULL', translator()('error.write.diskFull', { file: target }), {
      cause: error,
    });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new ScrollbackError('FORBIDDEN', translator()('error.write.denied', { folder: dirname(target) }), { cause: error });
  if (code === 'ENOENT')
    return new ScrollbackError('INVALID_INPUT', translator()('error.write.noFolder', { folder: dirname(target) }), { cause: error });
  return new ScrollbackError('INTERNAL', translator()('error.write.failed', { file: target, reason: code ?? (error as Error).message }), {
    cause: error,
  });
}
