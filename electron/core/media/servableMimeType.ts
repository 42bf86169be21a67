/**
 * Types the window may receive as media, each drawn or played by the browser from bytes we stored. Anything
 * else (a source's SVG, HTML, an executable) is sent only as a download, never as something to render.
 */
const SERVABLE = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/wav',
  'audio/webm',
]);

/** The type to serve a stored file as, or null when the window must not render it. */
export function servableMimeType(mimeType: string | undefined): string | null {
  const base = mimeType?.split(';')[0]?.trim().toLowerCase();
  if (!base) return null;
  if (base === 'audio/opus') return 'audio/ogg';
  return SERVABLE.has(base) ? base : null;
}

const BY_EXTENSION: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.zip': 'application/zip',
  '.vcf': 'text/vcard',
};

/** A type guessed from a file name's extension (imports), or application/octet-stream. */
export function mimeTypeOfName(name: string): string {
  const match = /\.[a-z0-9]{1,5}$/i.exec(name);
  return (match && BY_EXTENSION[match[0].toLowerCase()]) ?? 'application/octet-stream';
}
