import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { fileByteSource } from '../files/ByteSource.ts';
import type { ExaminedFile, ImportFormat, ImportInput } from './ImportFormat.ts';
import { folderMediaFiles } from './importMediaFiles.ts';

const HEAD_BYTES = 4096;

/** The first 4 KB of a file (enough to tell every format Scrollback knows). */
function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** What a file is by its first bytes, not its name; which format's it is, each format says (ImportFormat.recognise). */
export function examineFile(path: string): ExaminedFile {
  const bytes = readHead(path);
  const file = { path, extension: extname(path).slice(1).toLowerCase(), sizeBytes: statSync(path).size };
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return { ...file, content: 'zip', head: '' };
  if (bytes.includes(0)) return { ...file, content: 'binary', head: '' };
  const head = bytes
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart();
  const content = /^<!DOCTYPE html|^<html/i.test(head) ? 'html' : head.startsWith('{') ? 'json' : 'text';
  return { ...file, content, head };
}

/** A file read on its own, with the media files of its folder. */
export function fileInput(path: string, format: ImportFormat, chatNameHint: string): ImportInput {
  return {
    format,
    source: fileByteSource(path),
    path,
    chatNameHint,
    sizeBytes: statSync(path).size,
    mediaFiles: folderMediaFiles(dirname(path)),
  };
}

/**
 * "WhatsApp Chat with Ana.txt", "WhatsApp-Chat mit Ana.zip", "WhatsApp Chat - Ana.zip" → "Ana". A " (2)"
 * a browser added to a second download is dropped, so a newer export lands in the same chat.
 */
export function chatNameFromFileName(path: string): string {
  const stem = basename(path)
    .replace(/\.(txt|zip|json)$/i, '')
    .replace(/ \(\d+\)$/, '');
  const match = /^WhatsApp[ -]Chat(?: with| mit| -|:)?\s+(.+)$/i.exec(stem);
  return (match ? match[1]! : stem).trim() || stem;
}
