import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Finds a media file an export names (relative to the export's folder) on disk. Only files inside that
 * folder count: an export that names "../../.ssh/id_rsa" or an absolute path links nothing.
 */
export function createMediaResolver(folder: string | null): (name: unknown) => string | undefined {
  if (!folder) return () => undefined;
  const root = resolve(folder);
  return (name) => {
    if (typeof name !== 'string' || name === '' || name.startsWith('(') || isAbsolute(name)) return undefined;
    const candidate = resolve(root, name);
    const inside = relative(root, candidate);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
    try {
      return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
    } catch {
      return undefined;
    }
  };
}
