import path from 'node:path';

/** A name safe to give a copied file: the source's file name without folders or characters file systems refuse. */
export function safeFileName(name: string): string {
  const cleaned = path
    .basename(name)
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .slice(0, 120);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
}
