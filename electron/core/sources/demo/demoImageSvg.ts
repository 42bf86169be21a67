/**
 * The demo's pictures, drawn from a seed: a landscape (sky, sun, two ridges, water) in one of twelve scenes,
 * at any size and aspect, so its thumbnail, its whole photo and its stripped preview are the same picture.
 * SVG we write ourselves, rendered by the image library; never shown to the window as SVG.
 */
export const DEMO_SCENES = 12;

function hue(scene: number, shift: number): number {
  return (scene * 47 + shift) % 360;
}

function ridge(width: number, height: number, seed: number, base: number, amplitude: number): string {
  const points: string[] = [`M0 ${height}`];
  const steps = 8;
  for (let i = 0; i <= steps; i++) {
    const wave = Math.sin(seed * 1.7 + i * 1.3) * 0.5 + Math.sin(seed * 0.9 + i * 2.9) * 0.3;
    points.push(`L${((i / steps) * width).toFixed(1)} ${(height * (base - amplitude * wave)).toFixed(1)}`);
  }
  points.push(`L${width} ${height} Z`);
  return points.join(' ');
}

/** A landscape of `scene` at `width` × `height`, with an optional caption in its corner (thumbnails and photos). */
export function demoLandscapeSvg(scene: number, width: number, height: number, caption?: string): string {
  const s = ((scene % DEMO_SCENES) + DEMO_SCENES) % DEMO_SCENES;
  const sunX = width * (0.2 + (0.6 * ((s * 5) % 7)) / 6);
  const sunY = height * (0.18 + 0.1 * (s % 3));
  const font = Math.max(10, Math.round(Math.min(width, height) / 14));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    '<defs>',
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue(s, 200)},65%,${40 + (s % 4) * 6}%)"/>`,
    `<stop offset="1" stop-color="hsl(${hue(s, 20)},80%,78%)"/></linearGradient>`,
    `<linearGradient id="sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue(s, 190)},55%,45%)"/>`,
    `<stop offset="1" stop-color="hsl(${hue(s, 210)},60%,22%)"/></linearGradient>`,
    '</defs>',
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
    `<circle cx="${sunX.toFixed(1)}" cy="${sunY.toFixed(1)}" r="${(Math.min(width, height) * 0.09).toFixed(1)}" fill="hsl(${hue(s, 40)},95%,85%)"/>`,
    `<path d="${ridge(width, height, s + 1, 0.58, 0.16)}" fill="hsl(${hue(s, 250)},30%,38%)"/>`,
    `<path d="${ridge(width, height, s + 7, 0.72, 0.1)}" fill="hsl(${hue(s, 120)},35%,26%)"/>`,
    `<rect y="${(height * 0.8).toFixed(1)}" width="${width}" height="${(height * 0.2).toFixed(1)}" fill="url(#sea)"/>`,
    caption
      ? `<text x="${width - font * 0.8}" y="${height - font * 0.8}" text-anchor="end" font-family="sans-serif" font-size="${font}" fill="#fff" fill-opacity="0.85">${caption}</text>`
      : '',
    '</svg>',
  ].join('');
}

/** A round, smiling sticker of `scene` on a transparent square (WebP keeps the transparency). */
export function demoStickerSvg(scene: number, size: number): string {
  const s = ((scene % DEMO_SCENES) + DEMO_SCENES) % DEMO_SCENES;
  const r = size * 0.44;
  const c = size / 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`,
    `<circle cx="${c}" cy="${c}" r="${r}" fill="hsl(${hue(s, 50)},90%,62%)" stroke="#fff" stroke-width="${size * 0.03}"/>`,
    `<circle cx="${c - r * 0.35}" cy="${c - r * 0.2}" r="${r * 0.1}" fill="#222"/>`,
    `<circle cx="${c + r * 0.35}" cy="${c - r * 0.2}" r="${r * 0.1}" fill="#222"/>`,
    `<path d="M${c - r * 0.5} ${c + r * 0.2} Q${c} ${c + r * (0.5 + (s % 3) * 0.1)} ${c + r * 0.5} ${c + r * 0.2}" stroke="#222"`,
    ` stroke-width="${size * 0.035}" fill="none" stroke-linecap="round"/>`,
    '</svg>',
  ].join('');
}

/** A chat's picture: its initials on a colour of its own. */
export function demoAvatarSvg(seed: number, name: string, size: number): string {
  const initials = name
    .split(/\s+/)
    .map((word) => [...word][0] ?? '')
    .filter((letter) => /\p{L}/u.test(letter))
    .slice(0, 2)
    .join('')
    .toUpperCase()
    .replace(/[<>&"']/g, '');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue(seed, 0)},70%,62%)"/>`,
    `<stop offset="1" stop-color="hsl(${hue(seed, 40)},70%,42%)"/></linearGradient></defs>`,
    `<rect width="${size}" height="${size}" fill="url(#g)"/>`,
    `<text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="sans-serif" font-weight="bold" font-size="${size * 0.4}" fill="#fff">${initials}</text>`,
    '</svg>',
  ].join('');
}
