import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticFile } from '../../../electron/core/app/staticFiles.ts';

describe('static files of the renderer', () => {
  const root = path.resolve('/srv/renderer');
  it('resolves paths inside the root and nothing outside it', () => {
    expect(resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/app.js')).toBe(path.join(root, 'assets/app.js'));
    for (const escape of ['/../etc/passwd', '/%2e%2e/etc/passwd', '/assets/../../x', '/%E0%A4%A'])
      expect(resolveStaticFile(root, escape)).toBeNull();
  });
  it('names content types by extension', () => {
    expect(contentTypeFor('index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/app.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('unknown.bin')).toBe('application/octet-stream');
  });
});
