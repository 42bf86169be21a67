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
  return fs.readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => path.join(folder, file));
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
  return info.importedFiles.map((entry) => entry.fileName);
}

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function layerOf(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return nodeBuiltins.has(specifier) ? 'node-builtin' : `package:${specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')}`;
  const target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier));
  return target.split(path.sep).slice(0, target.startsWith('electron') ? 2 : 1).join('/');
}

interface Rule {
  folder: string;
  allowed: (layer: string) => boolean;
}

const rules: Rule[] = [
  { folder: 'shared', allowed: (layer) => layer === 'shared' || layer === 'package:zod' },
  { folder: 'electron/core', allowed: (layer) => ['shared', 'electron/core', 'node-builtin'].includes(layer) || (layer.startsWith('package:') && layer !== 'package:electron') },
  { folder: 'electron/harness', allowed: (layer) => ['shared', 'electron/core', 'electron/harness', 'node-builtin'].includes(layer) },
  { folder: 'electron/cli', allowed: (layer) => ['shared', 'electron/core', 'electron/cli', 'node-builtin'].includes(layer) || (layer.startsWith('package:') && layer !== 'package:electron') },
  { folder: 'electron/preload', allowed: (layer) => ['shared', 'electron/preload', 'package:electron'].includes(layer) },
  { folder: 'electron/main', allowed: (layer) => !['renderer', 'electron/preload', 'electron/cli', 'electron/harness'].includes(layer) },
  {
    folder: 'renderer',
    allowed: (layer) =>
      ['renderer', 'shared', 'package:react', 'package:react-dom', 'package:@tanstack/react-query', 'package:@tanstack/react-virtual', 'package:qrcode-generator'].includes(layer),
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

  it('the rules catch a violation (the check itself can fail)', () => {
    const coreRule = rules.find((rule) => rule.folder === 'electron/core')!;
    expect(coreRule.allowed(layerOf('electron/core/x.ts', 'electron'))).toBe(false);
    const rendererRule = rules.find((rule) => rule.folder === 'renderer')!;
    expect(rendererRule.allowed(layerOf('renderer/src/x.ts', 'node:fs'))).toBe(false);
    expect(rendererRule.allowed(layerOf('renderer/src/x.ts', '../../electron/core/cache/openCacheDatabase.ts'))).toBe(false);
  });
});
