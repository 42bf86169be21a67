import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers, held by a test that fails CI: shared imports nothing platform-specific, the core and the CLI
 * never import Electron, the renderer never imports Node or Electron, and only two files touch ipcMain /
 * ipcRenderer.
 */
const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  const full = path.join(root, folder);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => path.join(folder, file));
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
  return info.importedFiles.map((entry) => entry.fileName);
}

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function layerOf(file: string, specifier: string): string {
  if (!specifier.startsWith('.'))
    return nodeBuiltins.has(specifier)
      ? 'node-builtin'
      : `package:${specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/')}`;
  const target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier));
  return target
    .split(path.sep)
    .slice(0, target.startsWith('electron') ? 2 : 1)
    .join('/');
}

interface Rule {
  folder: string;
  allowed: (layer: string) => boolean;
}

const rules: Rule[] = [
  { folder: 'shared', allowed: (layer) => layer === 'shared' || layer === 'package:zod' },
  {
    folder: 'electron/core',
    allowed: (layer) =>
      ['shared', 'electron/core', 'node-builtin'].includes(layer) || (layer.startsWith('package:') && layer !== 'package:electron'),
  },
  // The preview harness parses what the browser sends with zod, like main does.
  {
    folder: 'electron/harness',
    allowed: (layer) => ['shared', 'electron/core', 'electron/harness', 'node-builtin', 'package:zod'].includes(layer),
  },
  {
    folder: 'electron/cli',
    // package.json: the version the MCP server gives its clients (bundled as data, like the CLI's other imports).
    allowed: (layer) =>
      ['shared', 'electron/core', 'electron/cli', 'node-builtin', 'package.json'].includes(layer) ||
      (layer.startsWith('package:') && layer !== 'package:electron'),
  },
  { folder: 'electron/preload', allowed: (layer) => ['shared', 'electron/preload', 'package:electron'].includes(layer) },
  { folder: 'electron/main', allowed: (layer) => !['renderer', 'electron/preload', 'electron/cli', 'electron/harness'].includes(layer) },
  {
    folder: 'renderer',
    allowed: (layer) =>
      [
        'renderer',
        'shared',
        'package:react',
        'package:react-dom',
        'package:@tanstack/react-query',
        'package:@tanstack/react-virtual',
        'package:qrcode-generator',
        'package:react-intl',
      ].includes(layer),
  },
];

describe('layer boundaries', () => {
  for (const rule of rules) {
    it(`${rule.folder} imports only what its layer may`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(rule.folder)) {
        for (const specifier of importsOf(file)) {
          const layer = layerOf(file, specifier);
          if (!rule.allowed(layer)) violations.push(`${file} imports "${specifier}" (${layer})`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('the preload imports only the method names, so the sandboxed bundle stays dependency-free', () => {
    for (const file of sourceFiles('electron/preload')) {
      for (const specifier of importsOf(file).filter((s) => s.startsWith('.'))) expect(specifier).toMatch(/shared\/ipc\/methods\.ts$/);
    }
  });

  it('only electron/main/registerIpcHandlers.ts and electron/preload/index.ts touch ipcMain / ipcRenderer', () => {
    const users = [...sourceFiles('electron'), ...sourceFiles('renderer'), ...sourceFiles('shared')].filter((file) =>
      /\bipc(Main|Renderer)\b/.test(fs.readFileSync(path.join(root, file), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')),
    );
    expect(users.sort()).toEqual(['electron/main/registerIpcHandlers.ts', 'electron/preload/index.ts']);
  });

  /** The folder under electron/core a relative import lands in ('cache', 'sources', …), or null outside the core. */
  function coreFolderOf(file: string, specifier: string): string | null {
    if (!specifier.startsWith('.')) return null;
    const target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier)).split(path.sep);
    return target[0] === 'electron' && target[1] === 'core' ? (target[2] ?? null) : null;
  }
  const productFiles = () => [...sourceFiles('electron'), ...sourceFiles('renderer'), ...sourceFiles('shared'), ...sourceFiles('scripts')];
  const withoutComments = (file: string) => fs.readFileSync(path.join(root, file), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
  const sqlCalls = /\.(prepare|pragma|transaction)\s*[<(]|\bdb\.exec\s*\(/;

  it('only electron/core/cache/ imports better-sqlite3 or runs SQL (prepare, pragma, transactions)', () => {
    const violations: string[] = [];
    for (const file of productFiles()) {
      if (file.startsWith(path.join('electron', 'core', 'cache') + path.sep)) continue;
      if (importsOf(file).some((specifier) => specifier === 'better-sqlite3')) violations.push(`${file} imports better-sqlite3`);
      if (sqlCalls.test(withoutComments(file))) violations.push(`${file} runs SQL itself`);
    }
    expect(violations).toEqual([]);
  });

  it('electron/core/cache/ depends only on shared/, the base, text, model and i18n modules and its own files (never on sources or services)', () => {
    const violations: string[] = [];
    for (const file of sourceFiles('electron/core/cache')) {
      for (const specifier of importsOf(file)) {
        const folder = coreFolderOf(file, specifier);
        const layer = layerOf(file, specifier);
        const allowed =
          folder !== null
            ? ['cache', 'base', 'text', 'model', 'i18n'].includes(folder)
            : ['shared', 'node-builtin', 'package:better-sqlite3', 'package:zod'].includes(layer);
        if (!allowed) violations.push(`${file} imports "${specifier}"`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('each source kind keeps to its own folder: no kind imports another kind', () => {
    const kinds = fs
      .readdirSync(path.join(root, 'electron/core/sources'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(kinds).toEqual(expect.arrayContaining(['archive', 'demo', 'ryze', 'telegram']));
    const violations: string[] = [];
    for (const kind of kinds) {
      for (const file of sourceFiles(`electron/core/sources/${kind}`)) {
        for (const specifier of importsOf(file).filter((s) => s.startsWith('.'))) {
          const target = path
            .relative(path.join(root, 'electron/core/sources'), path.resolve(path.dirname(path.join(root, file)), specifier))
            .split(path.sep);
          if (target.length > 1 && kinds.includes(target[0]!) && target[0] !== kind) violations.push(`${file} imports ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('the SQL check catches a violation (it can fail)', () => {
    expect(sqlCalls.test("db.prepare('SELECT 1').get()")).toBe(true);
    expect(sqlCalls.test("deps.db.pragma('busy_timeout = 100')")).toBe(true);
    expect(sqlCalls.test('db.transaction(() => 1).immediate()')).toBe(true);
    expect(sqlCalls.test('db.prepare<unknown[], { n: number }>(sql)')).toBe(true);
    expect(sqlCalls.test('/^x$/.exec(text)')).toBe(false);
  });

  it('the rules catch a violation (the check itself can fail)', () => {
    const coreRule = rules.find((rule) => rule.folder === 'electron/core')!;
    expect(coreRule.allowed(layerOf('electron/core/x.ts', 'electron'))).toBe(false);
    const rendererRule = rules.find((rule) => rule.folder === 'renderer')!;
    expect(rendererRule.allowed(layerOf('renderer/src/x.ts', 'node:fs'))).toBe(false);
    expect(rendererRule.allowed(layerOf('renderer/src/x.ts', '../../electron/core/cache/openCacheDatabase.ts'))).toBe(false);
  });
});

/**
 * The order of the core's folders, lowest first, as VS Code's layering rule states its layers: a file
 * imports its own folder and the folders of lower tiers only, never a folder of its own tier or above. A
 * folder not placed here fails the test until it is.
 */
const coreLayers: ReadonlyArray<readonly string[]> = [
  // The messages' translations (shared/ only), so even the lowest modules say their errors in the user's words.
  ['i18n'],
  // Nothing else in the core below them: Logger and SecretStore, the source model, text folding, bytes and images.
  ['base', 'model', 'text', 'files'],
  // The SQLite archive (queries and migrations).
  ['cache'],
  // Each kind of source behind one HistorySource, built by its provider.
  ['sources'],
  ['history', 'search', 'live', 'media'],
  // Downloads and refreshes; the worker-thread runner (its entry, which runs imports and exports, is in app/).
  ['sync', 'workers'],
  ['import', 'export'],
  // Chat-level features over all of the above (coverage, topics, the open chat, sources' chat lists), people
  // across sources, whole-account backups.
  ['chats', 'people', 'backup'],
  // The wiring: openScrollbackCore, the IPC handlers, the worker entry.
  ['app'],
];
const coreRoot = path.join('electron', 'core');

function coreTierOf(folder: string): number {
  return coreLayers.findIndex((tier) => tier.includes(folder));
}

/** The imports among `imports` that run up (or across) the order; each says which file imports what. */
function upwardCoreImports(imports: ReadonlyArray<{ file: string; specifier: string }>): string[] {
  const violations: string[] = [];
  for (const { file, specifier } of imports) {
    if (!specifier.startsWith('.')) continue;
    const from = path.relative(coreRoot, file).split(path.sep);
    const to = path.relative(path.join(root, coreRoot), path.resolve(path.dirname(path.join(root, file)), specifier)).split(path.sep);
    if (from[0] === '..' || from.length < 2 || to[0] === '..' || to.length < 2 || from[0] === to[0]) continue;
    const [fromTier, toTier] = [coreTierOf(from[0]!), coreTierOf(to[0]!)];
    if (fromTier < 0 || toTier < 0)
      violations.push(`${file} imports "${specifier}": place ${fromTier < 0 ? from[0] : to[0]}/ in coreLayers`);
    else if (toTier >= fromTier) violations.push(`${file} imports "${specifier}": ${to[0]}/ is not below ${from[0]}/`);
  }
  return violations;
}

/** Groups of files that import each other, directly or around a loop (Tarjan's strongly connected components). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, order.size);
    lowest.set(file, order.get(file)!);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!order.has(target)) visit(target);
      if (stack.includes(target)) lowest.set(file, Math.min(lowest.get(file)!, lowest.get(target)!));
    }
    if (lowest.get(file) !== order.get(file)) return;
    const component = stack.splice(stack.indexOf(file));
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return cycles;
}

describe('the order of the core’s folders', () => {
  const coreImports = () => sourceFiles(coreRoot).flatMap((file) => importsOf(file).map((specifier) => ({ file, specifier })));

  it('places every folder of electron/core exactly once', () => {
    const folders = fs
      .readdirSync(path.join(root, coreRoot), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(coreLayers.flat().sort()).toEqual(folders.sort());
  });

  it('no import inside electron/core runs up the order (or across a tier)', () => {
    expect(upwardCoreImports(coreImports())).toEqual([]);
  });

  it('no files of the core import each other around a loop', () => {
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles(coreRoot))
      graph.set(
        file,
        importsOf(file)
          .filter((specifier) => specifier.startsWith('.'))
          .map((specifier) => path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier))),
      );
    expect(importCycles(graph)).toEqual([]);
  });

  it('the order check catches an upward import, one across a tier and an unplaced folder (it can fail)', () => {
    const sources = path.join(coreRoot, 'sources', 'SourceProvider.ts');
    expect(upwardCoreImports([{ file: sources, specifier: '../app/Logger.ts' }])).toEqual([
      `${sources} imports "../app/Logger.ts": app/ is not below sources/`,
    ]);
    const writer = path.join(coreRoot, 'export', 'formats', 'createJsonExportWriter.ts');
    expect(upwardCoreImports([{ file: writer, specifier: '../../import/telegram/telegramText.ts' }])).toHaveLength(1);
    expect(upwardCoreImports([{ file: path.join(coreRoot, 'gadgets', 'x.ts'), specifier: '../cache/y.ts' }])).toHaveLength(1);
    // Downward, inside one folder, to shared/ and to packages: allowed.
    expect(
      upwardCoreImports([
        { file: path.join(coreRoot, 'app', 'openScrollbackCore.ts'), specifier: '../chats/createChatService.ts' },
        { file: path.join(coreRoot, 'sources', 'ryze', 'ryzeProvider.ts'), specifier: '../createLazySource.ts' },
        { file: writer, specifier: '../../../../shared/domain.ts' },
        { file: writer, specifier: 'zod' },
      ]),
    ).toEqual([]);
  });

  it('the cycle check finds a loop (it can fail)', () => {
    const graph = new Map([
      ['provider.ts', ['cliCommand.ts', 'settings.ts']],
      ['cliCommand.ts', ['provider.ts']],
      ['settings.ts', []],
    ]);
    expect(importCycles(graph)).toEqual([['cliCommand.ts', 'provider.ts']]);
  });
});
