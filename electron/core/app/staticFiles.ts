import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file)] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or null when it would leave it (`..`, encoded or not). Used by
 * both places that serve the renderer: the app:// protocol and the browser harness.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null;
  }
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, `.${decoded}`);
  return file.startsWith(resolvedRoot + path.sep) ? file : null;
}
