import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDateInput } from '../../shared/parseDateInput.ts';
import { decodeCursor, encodeCursor } from '../../shared/cursor.ts';
import { isSafeExternalUrl } from '../../shared/isSafeExternalUrl.ts';

describe('parseDateInput', () => {
  it('reads a day as local midnight and a timestamp as its instant', () => {
    expect(parseDateInput('2021-06-01')).toEqual({ ok: true, date: new Date(2021, 5, 1).getTime(), wholeDay: true });
    expect(parseDateInput('2021-06-01T14:30:00Z')).toEqual({ ok: true, date: Date.UTC(2021, 5, 1, 14, 30), wholeDay: false });
    expect(parseDateInput('2021-06-01T14:30+02:00')).toEqual({ ok: true, date: Date.UTC(2021, 5, 1, 12, 30), wholeDay: false });
    expect(parseDateInput('2021-06-01T14:30')).toEqual({ ok: true, date: new Date(2021, 5, 1, 14, 30).getTime(), wholeDay: false });
  });

  it.each(['2021-02-30', '2021-13-01', '2021-06-01T25:00', '2021-02-29T10:00Z', 'June 1st', '', '2021/06/01', '20210601'])(
    'refuses %j with a message',
    (text) => {
      const parsed = parseDateInput(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain(text);
    },
  );

  it('property: never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof parseDateInput(text).ok === 'boolean'));
  });
});

describe('cursors and links', () => {
  it('round-trips a position, ids with the separator included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e13 }), fc.integer(), fc.string({ minLength: 1 }), (date, sortKey, id) => {
        expect(decodeCursor(encodeCursor({ date, sortKey, id }))).toEqual({ date, sortKey, id });
      }),
    );
    expect(decodeCursor('garbage')).toBeNull();
  });

  it('lets only http(s) links out', () => {
    expect(isSafeExternalUrl('https://example.org/a?b#c')).toBe(true);
    expect(isSafeExternalUrl('http://example.org')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'tg://resolve?domain=x',
      'https://',
      'https:///x',
      ' https://x.org',
      'data:text/html,hi',
      'smb://host/share',
    ]) {
      expect(isSafeExternalUrl(bad)).toBe(false);
    }
  });
});
