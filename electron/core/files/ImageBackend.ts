export interface EncodedImage {
  bytes: Uint8Array;
  mimeType: 'image/jpeg' | 'image/webp' | 'image/png';
  width: number;
  height: number;
}

/**
 * What draws and encodes pictures. On plain Node (the CLI, tests, the import worker) it is sharp, loaded on
 * first use. Inside Electron on Linux (the window, and the app binary answering the command line) sharp's libvips must never load: its bundled GLib collides with the
 * system's that the Electron binary links, and the process dies decoding (electron/electron#46323,
 * lovell/sharp#4522; #4525 crashes in a utilityProcess too, and an ELECTRON_RUN_AS_NODE child maps the same
 * GLib). There the app sets a backend on Chromium's own codecs instead (electron/main/chromiumImageBackend.ts).
 */
export interface ImageBackend {
  /** Draws an SVG this program wrote at its own size as JPEG (on white) or WebP. */
  renderSvg(svg: string, format: 'jpeg' | 'webp', quality: number): Promise<EncodedImage>;
  /** Fits an image (turned as its EXIF says) into `box` × `box`, never enlarging, as JPEG on white. */
  makeThumbnail(bytes: Uint8Array, box: number): Promise<EncodedImage>;
  /** Width and height as shown (EXIF turns applied) and format, or null when the bytes are no image it reads. */
  readImageInfo(bytes: Uint8Array): Promise<{ width: number; height: number; format: string } | null>;
  /** The picture fitted into `box` × `box` (enlarged if smaller), drawn on white, as RGB or RGBA pixels. */
  drawPixels(input: Uint8Array | string, box: number): Promise<{ data: Uint8Array; width: number; height: number; channels: 3 | 4 }>;
}
