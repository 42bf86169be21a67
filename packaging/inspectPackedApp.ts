// Reads a packed app (electron-builder's unpacked folder, e.g. dist/linux-unpacked) and says what is wrong
// with it: a module the bundles load that is not inside, native code left inside the asar (it cannot load
// from there), a devDependency packed, another platform's prebuilt binary. Used by the packaging test and by
// `npm run package:check`.
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { spawnSync } from 'node:child_process';
import * as asar from '@electron/asar';
import { z } from 'zod';

/** The files the app starts from; each must be inside the asar. */
export const ENTRY_FILES = [
  'package.json',
  'out/main/index.js',
  'out/main/coreWorker.js',
  'out/main/telegramHtmlWorker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/cli/main.js',
  'out/cli/coreWorker.js',
  'out/cli/telegramHtmlWorker.js',
] as const;

/** The bundles whose bare imports must resolve at run time, and the folder they resolve from. */
const BUNDLE_FOLDERS = ['out/main', 'out/main/chunks', 'out/cli'] as const;

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

interface AsarNode {
  files?: Record<string, AsarNode>;
  unpacked?: boolean;
  size?: number;
}
const asarHeaderSchema: z.ZodType<AsarNode> = z.lazy(() =>
  z.object({ files: z.record(z.string(), asarHeaderSchema).optional(), unpacked: z.boolean().optional(), size: z.number().optional() }),
);

/** Every file in the asar with whether it is unpacked beside it. */
function asarFiles(asarFile: string): Array<{ file: string; unpacked: boolean; size: number }> {
  const header = asarHeaderSchema.parse(asar.getRawHeader(asarFile).header);
  const files: Array<{ file: string; unpacked: boolean; size: number }> = [];
  const walk = (node: AsarNode, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const file = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, file);
      else files.push({ file, unpacked: child.unpacked === true, size: child.size ?? 0 });
    }
  };
  walk(header, '');
  return files;
}

/** The package names a bundle file imports by bare specifier (`pino`, `@img/x`, not `node:fs` or `./a.js`). */
export function bareImportsOf(code: string): string[] {
  const specifiers = [
    ...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']((?:@[\w.-]+\/)?[\w-][\w.-]*(?:\/[\w.-]+)*)["']/g),
  ].flatMap(([, specifier]) => (specifier === undefined ? [] : [specifier]));
  return [...new Set(specifiers.filter((specifier) => !builtins.has(specifier) && specifier !== 'electron'))].sort();
}

const packageLockSchema = z.object({
  packages: z.record(z.string(), z.object({ dev: z.boolean().optional(), devOptional: z.boolean().optional() })),
});

/**
 * Packages only the developers need: every copy of them in the lockfile has its `dev` flag (a name can be a
 * devDependency's copy in one place and a dependency's in another). None may be in the packed app.
 */
export function devOnlyPackages(packageLockFile: string): Set<string> {
  const lock = packageLockSchema.parse(JSON.parse(fs.readFileSync(packageLockFile, 'utf8')));
  const dev = new Set<string>();
  const runtime = new Set<string>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/')) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    (entry.dev === true ? dev : runtime).add(name);
  }
  return new Set([...dev].filter((name) => !runtime.has(name)));
}

export interface PackedAppReport {
  problems: string[];
  /** The app's bytes on disk: app.asar plus app.asar.unpacked. */
  bytes: number;
  /** The bare modules the bundles import, each checked to load from the packed tree. */
  modules: string[];
  unpackedNative: string[];
  /** The packed app extracted (asar and unpacked files together), for loading it under Node. */
  extractedTo: string;
}

function folderBytes(folder: string): number {
  if (!fs.existsSync(folder)) return 0;
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((file) => fs.statSync(path.join(folder, file)))
    .filter((stat) => stat.isFile())
    .reduce((sum, stat) => sum + stat.size, 0);
}

/** Modules that need Electron itself as they load (checked to be present, not loaded, under plain Node). */
const LOADED_ONLY_UNDER_ELECTRON = ['electron-updater'];

/** Loads `modules` from `folder` in a fresh Node: returns the ones that failed, with why. */
function modulesThatFailToLoad(folder: string, modules: string[]): string[] {
  const script = `
    const failed = [];
    const resolveOnly = new Set(${JSON.stringify(LOADED_ONLY_UNDER_ELECTRON)});
    for (const name of ${JSON.stringify(modules)}) {
      try { if (resolveOnly.has(name)) import.meta.resolve(name); else await import(name); }
      catch (error) { failed.push(name + ': ' + String(error?.message ?? error).split('\\n')[0]); }
    }
    process.stdout.write(JSON.stringify(failed));`;
  // Run from inside the packed tree, so `import(name)` resolves only to its node_modules.
  const probe = path.join(folder, '.probe-modules.mjs');
  fs.writeFileSync(probe, script);
  const run = spawnSync(process.execPath, [probe], { cwd: folder, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  fs.rmSync(probe);
  if (run.status !== 0) return [`the module probe itself failed: ${run.stderr.trim().split('\n')[0] ?? ''}`];
  return z.array(z.string()).parse(JSON.parse(run.stdout));
}

export function inspectPackedApp(
  appFolder: string,
  options: { packageLockFile: string; platform: string; extractTo: string },
): PackedAppReport {
  const problems: string[] = [];
  const resources = path.join(appFolder, 'resources');
  const asarFile = path.join(resources, 'app.asar');
  if (!fs.existsSync(asarFile)) throw new Error(`no app.asar in ${resources}: is ${appFolder} a packed app?`);
  const files = asarFiles(asarFile);
  const byName = new Map(files.map((entry) => [entry.file, entry]));

  for (const entry of ENTRY_FILES) if (!byName.has(entry)) problems.push(`${entry} is not in the asar`);

  const nativeCode = /\.(node|dll|dylib|so(\.\d+)*)$/;
  const unpackedNative: string[] = [];
  for (const entry of files.filter((candidate) => nativeCode.test(candidate.file))) {
    if (entry.unpacked) unpackedNative.push(entry.file);
    else problems.push(`${entry.file} is native code inside the asar, where it cannot load`);
  }

  const devOnly = devOnlyPackages(options.packageLockFile);
  const packedPackages = new Set(
    files.flatMap((entry) => {
      const match = /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(entry.file);
      const [, packageName] = match ?? [];
      return packageName === undefined ? [] : [packageName];
    }),
  );
  for (const name of packedPackages) if (devOnly.has(name)) problems.push(`${name} is a devDependency but is packed`);

  for (const entry of files) {
    const [, prebuildTarget] = /(?:^|\/)prebuilds\/([^/]+?)(?:\.node)?(?:\/|$)/.exec(entry.file) ?? [];
    if (prebuildTarget !== undefined && !prebuildTarget.startsWith(`${options.platform}-`))
      problems.push(`${entry.file} is another platform's prebuilt binary`);
  }

  fs.rmSync(options.extractTo, { recursive: true, force: true });
  asar.extractAll(asarFile, options.extractTo);
  const modules = [
    ...new Set(
      BUNDLE_FOLDERS.flatMap((folder) => {
        const full = path.join(options.extractTo, folder);
        if (!fs.existsSync(full)) return [];
        return fs
          .readdirSync(full)
          .filter((file) => /\.(js|cjs|mjs)$/.test(file))
          .flatMap((file) => bareImportsOf(fs.readFileSync(path.join(full, file), 'utf8')));
      }),
    ),
  ].sort();
  for (const failure of modulesThatFailToLoad(options.extractTo, modules))
    problems.push(`a module the app loads does not load from the package: ${failure}`);

  return {
    problems,
    bytes: fs.statSync(asarFile).size + folderBytes(path.join(resources, 'app.asar.unpacked')),
    modules,
    unpackedNative,
    extractedTo: options.extractTo,
  };
}
