import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { z } from 'zod';
import { isProcessAlive } from '../base/isProcessAlive.ts';
import { translator } from '../i18n/createTranslator.ts';

/**
 * Who is writing to an archive, so a process that finds it locked can say by whom. SQLite does not tell who
 * holds its write lock: a process that takes it for long (an import, a recovery) leaves a note beside the
 * database for as long as it holds it — `<database>.writers/<pid>-<thread>.json` — and removes it after. Notes of
 * processes that are gone (killed) are ignored and deleted. Short writes (a page, a setting) leave none: they
 * are over before anyone would need to ask.
 */
export interface WriterNote {
  pid: number;
  /** The program: `scrollback import`, or the Scrollback app. */
  program: string;
  /** What it is doing, in words ("importing result.json"). */
  doing: string;
  /** Since when (epoch ms). */
  since: number;
}

/** Inherited by worker threads (they copy the environment): the program an import worker belongs to. */
const PROGRAM_VARIABLE = 'SCROLLBACK_PROGRAM';

/** Names this process in the notes it leaves (the CLI: `scrollback import`); the app by default. */
export function nameThisProgram(program: string): void {
  process.env[PROGRAM_VARIABLE] = program;
}

function notesFolderOf(databasePath: string): string {
  return `${databasePath}.writers`;
}

/** Leaves the note while `doing` runs; the returned function removes it. Best effort: a note that cannot be written is no reason to fail. */
export function noteWriting(databasePath: string, doing: string): () => void {
  const folder = notesFolderOf(databasePath);
  const file = path.join(folder, `${process.pid}-${threadId}.json`);
  const note: WriterNote = {
    pid: process.pid,
    program: (process.env[PROGRAM_VARIABLE] ?? 'the Scrollback app').slice(0, 80),
    doing: doing.slice(0, 200),
    since: Date.now(),
  };
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(note), { mode: 0o600 });
  } catch {
    return () => undefined;
  }
  return () => fs.rmSync(file, { force: true });
}

/** The notes of live processes other than this thread, oldest first (stale ones are deleted). */
export function currentWriters(databasePath: string): WriterNote[] {
  const folder = notesFolderOf(databasePath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const notes: WriterNote[] = [];
  for (const name of names) {
    if (name === `${process.pid}-${threadId}.json` || !name.endsWith('.json')) continue;
    const file = path.join(folder, name);
    const note = readNote(file);
    if (!note) continue;
    if (isProcessAlive(note.pid)) notes.push(note);
    else fs.rmSync(file, { force: true });
  }
  return notes.sort((a, b) => a.since - b.since);
}

const noteSchema = z.object({
  pid: z.number().int().positive(),
  program: z.string().max(80),
  doing: z.string().max(200),
  since: z.number(),
});

function readNote(file: string): WriterNote | null {
  try {
    const parsed = noteSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    // Being written or removed right now: as if absent.
    return null;
  }
}

/** "scrollback import (process 1234), importing result.json since 15:02:11", or null when nobody left a note. */
export function describeWriters(notes: readonly WriterNote[]): string | null {
  if (notes.length === 0) return null;
  return notes
    .map((note) => {
      const since = new Date(note.since).toTimeString().slice(0, 8);
      const self = note.pid === process.pid ? 'yes' : 'no';
      return translator()('cache.lock.writer', { program: note.program, self, pid: String(note.pid), doing: note.doing, since });
    })
    .join('; ');
}
