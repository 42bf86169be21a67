/**
 * The window's Content-Security-Policy, served by the app:// protocol and by the browser harness alike, so
 * tests run under the same rules as the app. No inline or eval'd script; nothing loads from the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // Media files that came with an import, served by main at media/<chat>/<message>.
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
