/** Characters Windows refuses in a name (and `/`, which no system takes), and control characters. */
const FORBIDDEN = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;

/**
 * Names Windows reserves for devices, whatever the case and with any extension (`con.txt` opens the console):
 * CON, PRN, AUX, NUL, COM1–9 and LPT1–9 (also with the superscript digits ¹²³ Windows counts as digits).
 */
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\.|$)/i;

/** The most UTF-8 bytes kept: file systems allow 255, and callers may still add an extension. */
const MAX_BYTES = 200;

/**
 * A name any file system accepts for a file Scrollback writes (a copied medium, an export named after a chat):
 * no folders, no characters Windows, macOS or Linux refuse, not a Windows device name, no trailing dots or
 * spaces (Windows drops them), at most 200 UTF-8 bytes with the extension kept. `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  let cleaned = name
    .replace(FORBIDDEN, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (cleaned === '' || /^\.+$/.test(cleaned)) return fallback;
  if (RESERVED.test(cleaned)) cleaned = `_${cleaned}`;
  return truncateUtf8(cleaned, MAX_BYTES, fallback);
}

/** UTF-8 bytes of one character (a code point). */
function utf8Bytes(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Cuts the stem (never a short extension) at a whole character so the name fits in `maxBytes` of UTF-8. */
function truncateUtf8(name: string, maxBytes: number, fallback: string): string {
  const chars = Array.from(name);
  if (chars.reduce((sum, char) => sum + utf8Bytes(char), 0) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let budget = maxBytes - Array.from(extension).reduce((sum, char) => sum + utf8Bytes(char), 0);
  let stem = '';
  for (const char of Array.from(name.slice(0, name.length - extension.length))) {
    budget -= utf8Bytes(char);
    if (budget < 0) break;
    stem += char;
  }
  stem = stem.replace(/[. ]+$/, '');
  return stem === '' ? fallback : `${stem}${extension}`;
}
