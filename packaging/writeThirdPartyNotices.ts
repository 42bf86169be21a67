// THIRD_PARTY_NOTICES.md: every package whose code ships in the app, with its version, licence and licence
// text, read from the lockfile and node_modules. Two kinds ship: the runtime dependencies (packed in the
// asar) and the packages the bundler copies into the window's code (React and friends: devDependencies in
// package.json because the packer must not pack them twice). `npm test` fails when the file is out of date.
// sharp's binaries are per platform: the committed file lists Linux x64's (the CI machine's).
// Usage: node packaging/writeThirdPartyNotices.ts
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Packages bundled into out/renderer by Vite (with what they depend on). */
export const BUNDLED_INTO_WINDOW = ['react', 'react-dom', '@tanstack/react-query', '@tanstack/react-virtual', 'qrcode-generator'];

const lockSchema = z.object({
  packages: z.record(
    z.string(),
    z.object({
      version: z.string().optional(),
      license: z.string().optional(),
      dev: z.boolean().optional(),
      optional: z.boolean().optional(),
      os: z.array(z.string()).optional(),
      dependencies: z.record(z.string(), z.string()).optional(),
      optionalDependencies: z.record(z.string(), z.string()).optional(),
    }),
  ),
});
type LockEntry = z.infer<typeof lockSchema>['packages'][string];

const licenceFile = /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i;

/** Where Node would find `name` from the package at `from` (a lockfile key): its own node_modules, then up. */
function resolveKey(packages: Record<string, LockEntry>, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const key = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[key]) return key;
    if (!base) return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

export function thirdPartyNotices(root: string): { text: string; packages: number } {
  const lock = lockSchema.parse(JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')));
  const manifest = z
    .object({ dependencies: z.record(z.string(), z.string()) })
    .parse(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')));
  const shipped = new Map<string, LockEntry>();
  const visit = (key: string | null) => {
    if (!key || shipped.has(key)) return;
    const entry = lock.packages[key];
    // Installed only on other systems (another platform's sharp binaries): not part of this build's list.
    if (!entry || !fs.existsSync(path.join(root, key))) return;
    shipped.set(key, entry);
    for (const name of [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {})])
      visit(resolveKey(lock.packages, key, name));
  };
  for (const name of [...Object.keys(manifest.dependencies), ...BUNDLED_INTO_WINDOW]) visit(resolveKey(lock.packages, '', name));

  const sections = [...shipped.entries()]
    .map(([key, entry]) => ({ key, name: key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length), entry }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.entry.version ?? '').localeCompare(b.entry.version ?? ''))
    .filter((item, index, all) => {
      const previous = all[index - 1];
      return previous === undefined || previous.name !== item.name || previous.entry.version !== item.entry.version;
    })
    .map(({ key, name, entry }) => {
      const folder = path.join(root, key);
      const texts = fs
        .readdirSync(folder)
        .filter((file) => licenceFile.test(file))
        .sort()
        .map((file) => fs.readFileSync(path.join(folder, file), 'utf8').trim());
      const body =
        texts.length > 0
          ? texts.map((text) => '```text\n' + text + '\n```').join('\n\n')
          : '_No licence file in the package; its package.json names the licence above._';
      return `## ${[name, entry.version].filter(Boolean).join(' ')}\n\nLicence: ${entry.license ?? 'not stated'}\n\n${body}\n`;
    });
  const text = [
    '# Third-party notices',
    '',
    'Scrollback ships the following packages (its runtime dependencies and what the window’s code bundles), each under its',
    'own licence, reproduced below. Generated from the lockfile by `node packaging/writeThirdPartyNotices.ts`.',
    '',
    'sharp’s image library, libvips (`@img/sharp-libvips-*`), is licensed LGPL-3.0-or-later and ships as separate shared',
    'libraries beside the app’s archive (app.asar.unpacked), which you may replace; its exact versions are in the',
    'package’s versions.json, and its source and build scripts are published by the sharp-libvips project.',
    '',
    ...sections,
  ].join('\n');
  return { text, packages: sections.length };
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..');
  const { text, packages } = thirdPartyNotices(root);
  fs.writeFileSync(path.join(root, 'THIRD_PARTY_NOTICES.md'), text);
  process.stdout.write(`THIRD_PARTY_NOTICES.md: ${packages} packages\n`);
}
