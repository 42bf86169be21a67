import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  avatarColours,
  contrastRatio,
  peerColourIndex,
  PEER_COLOUR_COUNT,
  senderNameColours,
} from '../../renderer/src/features/history/peerColours.ts';

const AA = 4.5;
const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/src/styles/app.css'), 'utf8');

/** A custom property's values in app.css, in order: the light theme's (`:root`) first, then the dark one's. */
function themeValues(property: string): { light: string; dark: string } {
  const values = [...css.matchAll(new RegExp(`${property}:\\s*(#[0-9a-fA-F]{6})\\b`, 'g'))].map((match) => match[1]!);
  expect(values.length, `${property} in light and dark`).toBeGreaterThanOrEqual(2);
  return { light: values[0]!, dark: values[1]! };
}

describe('peer colours', () => {
  it('computes WCAG ratios (black on white is 21, a colour on itself 1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('sender names are AA (4.5:1) on the incoming bubble of each theme', () => {
    const bubble = themeValues('--bg-bubble');
    for (const theme of ['light', 'dark'] as const)
      for (const colour of senderNameColours[theme])
        expect(contrastRatio(colour, bubble[theme]), `${colour} on ${bubble[theme]} (${theme})`).toBeGreaterThanOrEqual(AA);
  });

  it('avatar initials (white) are AA on every avatar colour', () => {
    for (const colour of avatarColours) expect(contrastRatio('#ffffff', colour), colour).toBeGreaterThanOrEqual(AA);
  });

  it('the check fails a colour below AA (Telegram Desktop’s own cyan name on a light bubble)', () => {
    expect(contrastRatio('#2996ad', themeValues('--bg-bubble').light)).toBeLessThan(AA);
  });

  it('gives one person the same slot every time, spread over all slots', () => {
    expect(peerColourIndex('user-42')).toBe(peerColourIndex('user-42'));
    const slots = new Set(Array.from({ length: 200 }, (_, i) => peerColourIndex(`u${i}`)));
    expect(slots.size).toBe(PEER_COLOUR_COUNT);
    expect(peerColourIndex(-9)).toBe(2);
    expect(senderNameColours.light).toHaveLength(PEER_COLOUR_COUNT);
    expect(senderNameColours.dark).toHaveLength(PEER_COLOUR_COUNT);
  });
});
