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
  { folder: 'electron/harness', allowed: (layer) => ['shared', 'electron/core', 'electron/harness', 'node-builtin'].includes(layer) },
  {
    folder: 'electron/cli',
    allowed: (layer) =>
      ['shared', 'electron/core', 'electron/cli', 'node-builtin'].includes(layer) ||
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

  it('electron/core/cache/ depends only on shared/, the text and model modules and its own files (never on sources or services)', () => {
    const violations: string[] = [];
    for (const file of sourceFiles('electron/core/cache')) {
      for (const specifier of importsOf(file)) {
        const folder = coreFolderOf(file, specifier);
        const layer = layerOf(file, specifier);
        const allowed =
          folder !== null
            ? ['cache', 'text', 'model'].includes(folder)
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
