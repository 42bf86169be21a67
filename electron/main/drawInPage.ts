/** One picture to draw in the image page (see chromiumImageBackend.ts); plain JSON, as it crosses into the page. */
export interface PageDrawing {
  /** An SVG this program wrote, or an image's bytes in base64 (EXIF turns applied when decoded). */
  source: { svg: string } | { base64: string };
  /** Fit into `box` × `box`; `enlarge`: a smaller picture is scaled up to fit too. Null: its own size. */
  fit: { box: number; enlarge: boolean } | null;
  /** Drawn on white first (JPEG has no transparency). */
  onWhite: boolean;
  /** Encoded by Chromium, RGBA pixels, or only the size. */
  output: { type: 'image/jpeg' | 'image/webp'; quality: number } | 'rgba' | 'size';
}

/**
 * Runs inside a hidden, sandboxed Chromium page with no preload (its source is sent with executeJavaScript),
 * so it must stay self-contained: no imports, no helpers outside its body. Decodes with Chromium's own codecs
 * (libjpeg-turbo, libpng, libwebp, its SVG renderer): no GLib-linked library is involved, and untrusted image
 * bytes are decoded in a sandboxed process rather than in main.
 */
export async function drawInPage(drawing: PageDrawing): Promise<{ width: number; height: number; base64: string }> {
  let picture: CanvasImageSource;
  let sourceWidth: number;
  let sourceHeight: number;
  if ('svg' in drawing.source) {
    const element = new Image();
    element.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawing.source.svg)}`;
    await element.decode();
    picture = element;
    sourceWidth = element.naturalWidth;
    sourceHeight = element.naturalHeight;
  } else {
    const blob = await (await fetch(`data:application/octet-stream;base64,${drawing.source.base64}`)).blob();
    const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
    picture = bitmap;
    sourceWidth = bitmap.width;
    sourceHeight = bitmap.height;
  }
  if (sourceWidth < 1 || sourceHeight < 1) throw new Error('The picture has no size.');
  let width = sourceWidth;
  let height = sourceHeight;
  if (drawing.fit) {
    const scale = drawing.fit.box / Math.max(sourceWidth, sourceHeight);
    if (scale < 1 || drawing.fit.enlarge) {
      width = Math.max(1, Math.round(sourceWidth * scale));
      height = Math.max(1, Math.round(sourceHeight * scale));
    }
  }
  if (drawing.output === 'size') return { width, height, base64: '' };
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('The page offers no 2D canvas.');
  if (drawing.onWhite) {
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
  }
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(picture, 0, 0, width, height);
  const blob =
    drawing.output === 'rgba'
      ? new Blob([context.getImageData(0, 0, width, height).data])
      : await canvas.convertToBlob({ type: drawing.output.type, quality: drawing.output.quality / 100 });
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The page could not read what it drew.'));
    reader.readAsDataURL(blob);
  });
  return { width, height, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}
