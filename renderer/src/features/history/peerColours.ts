import type { CSSProperties } from 'react';

/**
 * The colours a person or chat is told apart by, in Telegram's seven hues (red, orange, violet, green, cyan,
 * blue, pink). Sender names sit on the incoming bubble, so each theme's colour keeps 4.5:1 on that theme's
 * bubble; avatar initials are white on the avatar's colour, 4.5:1 in either theme (tests/renderer/peerColours).
 */
export const senderNameColours = {
  light: ['#b3261e', '#a34b00', '#7b3fc4', '#2e7d32', '#00707f', '#1565c0', '#b0285f'],
  dark: ['#fb6169', '#faa357', '#b48bf2', '#85de85', '#62d4e3', '#65bdf3', '#ff5694'],
} as const;

/** Behind white initials, the same in both themes. */
export const avatarColours = ['#c0392b', '#a84300', '#7e48c9', '#2e7d32', '#00768a', '#1e6bb8', '#b52f66'] as const;

export const PEER_COLOUR_COUNT = avatarColours.length;

/** A stable colour slot for a sender id or a chat id: the same person has the same colour everywhere. */
export function peerColourIndex(key: string | number | null): number {
  if (typeof key === 'number') return Math.abs(key) % PEER_COLOUR_COUNT;
  let hash = 0;
  for (const char of key ?? '') hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return Math.abs(hash) % PEER_COLOUR_COUNT;
}

/** A sender's name colour, following the theme (`light-dark()` reads the page's `color-scheme`). */
export function senderNameStyle(key: string | null): CSSProperties {
  const slot = peerColourIndex(key);
  return { color: `light-dark(${senderNameColours.light[slot]}, ${senderNameColours.dark[slot]})` };
}

export function avatarStyle(key: string | number | null): CSSProperties {
  return { background: avatarColours[peerColourIndex(key)] };
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function relativeLuminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  const [r, g, b] = [value >> 16, (value >> 8) & 255, value & 255].map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
