import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { byteRangeOf } from '../../electron/core/app/byteRange.ts';
import { useTempFolder } from '../support/tempFolder.ts';

// Electron's protocol module, as its documentation describes it: a scheme's handler gets a Request and
// answers a Response. The stand-in records the handler so the test can call it as Chromium would.
const recorded = vi.hoisted(() => ({ handler: null as ((request: Request) => Promise<Response>) | null, privileges: [] as unknown[] }));
vi.mock('electron', () => ({
  protocol: {
    handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
      recorded.handler = handler;
    },
    registerSchemesAsPrivileged: (schemes: unknown[]) => void recorded.privileges.push(...schemes),
  },
}));
const { registerAppSchemeAsPrivileged, serveRendererOverAppProtocol } = await import('../../electron/main/appProtocol.ts');

const tempFolder = useTempFolder();

describe('media over app:// seeks like the web', () => {
  it('reads a Range header: one part, an open end, a suffix; several ranges or garbage mean the whole file', () => {
    expect(byteRangeOf('bytes=1000-1999', 5000)).toEqual({ kind: 'part', start: 1000, end: 1999 });
    expect(byteRangeOf('bytes=4000-', 5000)).toEqual({ kind: 'part', start: 4000, end: 4999 });
    expect(byteRangeOf('bytes=-500', 5000)).toEqual({ kind: 'part', start: 4500, end: 4999 });
    expect(byteRangeOf('bytes=4000-9999', 5000)).toEqual({ kind: 'part', start: 4000, end: 4999 });
    expect(byteRangeOf('bytes=5000-', 5000)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRangeOf('bytes=0-1,5-9', 5000)).toEqual({ kind: 'whole' });
    expect(byteRangeOf(null, 5000)).toEqual({ kind: 'whole' });
  });

  it('answers `Range: bytes=1000-1999` with 206, exactly those 1,000 bytes and the range headers; a streaming scheme', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'voice.ogg');
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    fs.writeFileSync(file, bytes);
    registerAppSchemeAsPrivileged();
    expect(recorded.privileges).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ stream: true }) }),
    ]);
    serveRendererOverAppProtocol(folder, async () => ({ path: file, mimeType: 'audio/ogg', size: bytes.length }));
    const url = 'app://scrollback/media/3/41/full';

    const part = await recorded.handler!(new Request(url, { headers: { range: 'bytes=1000-1999' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 1000-1999/5000');
    expect(part.headers.get('content-length')).toBe('1000');
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);

    const whole = await recorded.handler!(new Request(url));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect((await whole.arrayBuffer()).byteLength).toBe(5000);

    const past = await recorded.handler!(new Request(url, { headers: { range: 'bytes=9000-' } }));
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */5000');
  });
});
