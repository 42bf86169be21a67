// A stand-in Electron distribution for packing where the real binary cannot be downloaded (this project's
// CI machine): electron-builder copies it as it would a real unpacked Electron, and its `electron` file
// carries Electron's fuse wire at the real defaults, so the packer's fuse step runs and can be read back.
// It cannot run: the packaging test loads the packed app under Node with an Electron stand-in instead.
import fs from 'node:fs';
import path from 'node:path';

/** The marker @electron/fuses looks for in an Electron binary; the wire follows it. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's eight V1 fuses at their shipped defaults, in wire order ('1' enabled, '0' disabled): RunAsNode,
 * cookie encryption, NODE_OPTIONS, inspect arguments, asar integrity, only-from-asar, the browser V8
 * snapshot, file:// privileges.
 */
export const ELECTRON_DEFAULT_FUSE_WIRE = '10110001';

export function writePlaceholderElectron(folder: string, electronVersion: string): string {
  fs.mkdirSync(path.join(folder, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, ELECTRON_DEFAULT_FUSE_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSE_WIRE, 'ascii'),
  ]);
  const script = Buffer.from('#!/bin/sh\necho "placeholder Electron: it packs but does not run" >&2\nexit 1\n');
  const binary = path.join(folder, 'electron');
  fs.writeFileSync(binary, Buffer.concat([script, Buffer.alloc(64), wire, Buffer.alloc(64)]), { mode: 0o755 });
  fs.writeFileSync(path.join(folder, 'version'), electronVersion);
  fs.writeFileSync(path.join(folder, 'LICENSE'), 'Placeholder: the real distribution carries Electron’s licence.\n');
  return folder;
}
