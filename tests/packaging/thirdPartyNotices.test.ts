import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { thirdPartyNotices } from '../../packaging/writeThirdPartyNotices.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('THIRD_PARTY_NOTICES.md', () => {
  // sharp's binaries differ per platform; the committed file is Linux x64's.
  it.skipIf(process.platform !== 'linux' || process.arch !== 'x64')('is current: regenerate it after changing dependencies', () => {
    const { text } = thirdPartyNotices(root);
    expect(fs.readFileSync(path.join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8')).toBe(text);
  });

  it('names every runtime dependency and the window’s bundled packages, with libvips under the LGPL', () => {
    const { text } = thirdPartyNotices(root);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of [...Object.keys(manifest.dependencies), 'react', 'react-dom', '@tanstack/react-query'])
      expect(text).toMatch(new RegExp(`^## ${name.replace(/[/.]/g, '\\$&')} `, 'm'));
    expect(text).toMatch(/^## @img\/sharp-libvips-[^\n]+\n\nLicence: LGPL-3\.0-or-later/m);
    expect(text).toMatch(/^## telegram [^\n]+\n\nLicence: MIT/m);
  });
});
