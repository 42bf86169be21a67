import { createHash, randomBytes } from 'node:crypto';
import { syncFolderEntry } from '../syncFolderEntry.ts';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ARCHIVE_MANIFEST } from '../../../../shared/archiveExport.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { isProcessAlive } from '../../base/isProcessAlive.ts';
import type { TextSink } from '../formats/ExportWriter.ts';
import { translator } from '../../i18n/createTranslator.ts';

const FLUSH_AT = 1 << 20;
const HASH_CHUNK = 1 << 20;
/** A leftover whose writer is alive is still left alone for this long (a process id can be reused). */
const LEFTOVER_AGE_MS = 24 * 60 * 60 * 1000;
/** Our temporary folders, and only ours: `.<target>.scrollback-archive-<pid>-<random>.partial`. */
const PARTIAL_FOLDER = /^\..+\.scrollback-archive-(\d+)-[0-9a-f]{8}\.partial$/;

/** A text file inside the folder being written: buffered, flushed to disk when closed. */
export interface FolderTextFile {
  write: TextSink;
  close(): void;
}

/**
 * A whole-archive export being written: everything goes into a hidden temporary folder beside the target,
 * which is renamed to the target only when complete (files written, flushed and hashed into the manifest).
 * Cancel, a failure or a crash leave at most that temporary folder, removed by the writer when it can and
 * otherwise by the next archive export into the same folder; never a half-written export.
 */
export class ArchiveFolder {
  readonly target: string;
  readonly temporary: string;
  private readonly open = new Set<number>();

  constructor(target: string) {
    this.target = target;
    const parent = dirname(target);
    if (!existsSync(parent) || !statSync(parent).isDirectory())
      throw new ScrollbackError('INVALID_INPUT', translator()('error.write.noFolder', { folder: parent }));
    if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0))
      throw new ScrollbackError('INVALID_INPUT', translator()('error.archive.targetExists', { folder: target }));
    removeLeftoverArchiveFolders(parent);
    this.temporary = join(parent, `.${basename(target)}.scrollback-archive-${process.pid}-${randomBytes(4).toString('hex')}.partial`);
    try {
      mkdirSync(this.temporary, { mode: 0o700 });
    } catch (error) {
      throw folderError(error, target);
    }
  }

  /** The absolute path of a path inside the export ("chats/chat_001"). */
  pathOf(relativePath: string): string {
    return join(this.temporary, ...relativePath.split('/'));
  }

  /** Creates a text file inside the export (its folders too); fails if it exists. */
  createTextFile(relativePath: string): FolderTextFile {
    const file = this.pathOf(relativePath);
    let fd: number;
    try {
      mkdirSync(dirname(file), { recursive: true });
      fd = openSync(file, 'wx', 0o644);
    } catch (error) {
      throw folderError(error, this.target);
    }
    this.open.add(fd);
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = () => {
      if (pending.length === 0) return;
      const buffer = Buffer.from(pending.join(''));
      pending = [];
      pendingLength = 0;
      try {
        let offset = 0;
        while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
      } catch (error) {
        throw folderError(error, this.target);
      }
    };
    return {
      write: (text) => {
        pending.push(text);
        pendingLength += text.length;
        if (pendingLength >= FLUSH_AT) flush();
      },
      close: () => {
        flush();
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
          this.open.delete(fd);
        }
      },
    };
  }

  /**
   * Hashes every file of the export into `manifest.sha256` (sha256sum's format, sorted by path, "/" between
   * folders), asking `isCancelled` between files. Returns the files hashed and their bytes.
   */
  writeManifest(isCancelled: () => boolean, onFile: (hashed: number, files: number) => void): { files: number; bytes: number } {
    const files = listFiles(this.temporary)
      .map((file) => relative(this.temporary, file).split(sep).join('/'))
      .sort();
    const manifest = this.createTextFile(ARCHIVE_MANIFEST);
    let bytes = 0;
    for (const [index, name] of files.entries()) {
      if (isCancelled()) throw cancelled(this.target);
      const hashed = hashFile(this.pathOf(name));
      bytes += hashed.bytes;
      // sha256sum's line: the hash, two spaces (text mode), the path as given to it.
      manifest.write(`${hashed.sha256}  ${name}\n`);
      onFile(index + 1, files.length);
    }
    manifest.close();
    return { files: files.length, bytes };
  }

  /** Moves the complete export into place; the target appears whole or not at all. */
  commit(): void {
    try {
      // An empty folder the person made for the export is replaced (checked empty at the start).
      if (existsSync(this.target)) rmdirSync(this.target);
      renameSync(this.temporary, this.target);
    } catch (error) {
      this.abort();
      throw folderError(error, this.target);
    }
    syncFolderEntry(this.target);
  }

  /** Removes the temporary folder and everything in it. */
  abort(): void {
    for (const fd of this.open) {
      try {
        closeSync(fd);
      } catch {
        // Already closed.
      }
    }
    this.open.clear();
    rmSync(this.temporary, { recursive: true, force: true });
  }
}

export function cancelled(target: string): ScrollbackError {
  return new ScrollbackError('CANCELLED', translator()('error.archive.cancelled', { folder: target }));
}

/**
 * Removes the temporary folders that killed archive exports left in `folder`: only Scrollback's own (by the
 * name above), and only those whose writing process is gone or that are older than a day. Returns how many.
 */
export function removeLeftoverArchiveFolders(folder: string, now = Date.now()): number {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = PARTIAL_FOLDER.exec(name);
    if (!match) continue;
    const path = join(folder, name);
    try {
      if (isProcessAlive(Number(match[1])) && now - statSync(path).mtimeMs < LEFTOVER_AGE_MS) continue;
      rmSync(path, { recursive: true, force: true });
      removed++;
    } catch {
      // Gone meanwhile, or not ours to remove after all: left alone.
    }
  }
  return removed;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

function hashFile(file: string): { sha256: string; bytes: number } {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(HASH_CHUNK);
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, HASH_CHUNK, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      bytes += read;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

function folderError(error: unknown, target: string): ScrollbackError {
  if (error instanceof ScrollbackError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new ScrollbackError('DISK_FULL', translator()('error.archive.diskFull', { folder: target }), { cause: error });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new ScrollbackError('FORBIDDEN', translator()('error.write.denied', { folder: dirname(target) }), { cause: error });
  return new ScrollbackError('INTERNAL', translator()('error.write.failed', { file: target, reason: code ?? (error as Error).message }), {
    cause: error,
  });
}
