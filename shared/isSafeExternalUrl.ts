const WEB_URL = /^https?:\/\/[^\s/?#\\]+(?:[/?#][^\s]*)?$/i;

/**
 * Only web links leave the app, and only to the system browser: never file:, javascript:, custom schemes.
 * (A pattern rather than `URL`: shared code runs with no platform library.)
 */
export function isSafeExternalUrl(url: string): boolean {
  return url.length <= 8192 && WEB_URL.test(url);
}
