import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../shared/safeFileName.ts';

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

describe('safeFileName', () => {
  it('renames Windows device names, whatever the case and with any extension', () => {
    for (const name of ['CON', 'prn', 'Aux', 'nul', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹', 'con.txt', 'NUL.tar.gz', 'Aux.json'])
      expect(safeFileName(name)).toBe(`_${name}`);
    // Only the exact device names: a longer word or a number past 9 is an ordinary name.
    for (const name of ['CONSOLE', 'console.txt', 'COM10', 'LPT0', 'nullable', 'aux_notes.md', 'my con.txt'])
      expect(safeFileName(name)).toBe(name);
  });

  it('turns characters a file system refuses into _, and drops trailing dots and spaces', () => {
    expect(safeFileName('AC/DC: <live> "best" | why? *')).toBe('AC_DC_ _live_ _best_ _ why_ _');
    expect(safeFileName('..\\..\\windows\\system32')).toBe('.._.._windows_system32');
    expect(safeFileName('tab\there\u0000nul\u007f')).toBe('tab_here_nul_');
    expect(safeFileName('notes. . ')).toBe('notes');
    expect(safeFileName('CON .')).toBe('_CON');
    expect(safeFileName('  padded  ')).toBe('padded');
  });

  it('uses the fallback when nothing usable is left', () => {
    for (const name of ['', '   ', '.', '..', '...', ' . . ']) expect(safeFileName(name, 'chat')).toBe('chat');
    expect(safeFileName('')).toBe('file');
  });

  it('cuts a long name to 200 UTF-8 bytes at a whole character, keeping its extension', () => {
    const long = `${'😀'.repeat(100)}.jpeg`;
    const cut = safeFileName(long);
    expect(utf8Length(cut)).toBeLessThanOrEqual(200);
    expect(cut.endsWith('.jpeg')).toBe(true);
    expect(cut.slice(0, -5)).toBe('😀'.repeat(48));
    expect(safeFileName('x'.repeat(300))).toBe('x'.repeat(200));
  });

  it('any name becomes one Windows, macOS and Linux all accept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (name) => {
        const safe = safeFileName(name);
        expect(safe).not.toBe('');
        expect(safe).not.toMatch(/[\u0000-\u001f<>:"/\\|?*]/);
        expect(safe).not.toMatch(/[. ]$/);
        expect(safe).not.toMatch(/^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\.|$)/i);
        expect(utf8Length(safe)).toBeLessThanOrEqual(200);
        expect(safeFileName(safe)).toBe(safe);
      }),
    );
  });
});
