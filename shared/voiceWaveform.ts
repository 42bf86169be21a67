/**
 * Telegram's voice waveform (`documentAttributeAudio.waveform`): samples of 5 bits (0–31), packed little-endian
 * one after another across the bytes. Decoding tolerates any length; a partial last sample is dropped.
 */
export function decodeVoiceWaveform(packed: Uint8Array): number[] {
  const count = Math.floor((packed.length * 8) / 5);
  const samples = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const bit = i * 5;
    const byte = bit >> 3;
    const pair = (packed[byte] ?? 0) | ((packed[byte + 1] ?? 0) << 8);
    samples[i] = (pair >> (bit & 7)) & 31;
  }
  return samples;
}

/** The packed form of `samples` (each clamped to 0–31), as Telegram sends it. */
export function encodeVoiceWaveform(samples: readonly number[]): Uint8Array {
  const packed = new Uint8Array(Math.ceil((samples.length * 5) / 8));
  samples.forEach((sample, i) => {
    const value = Math.max(0, Math.min(31, Math.round(sample)));
    const bit = i * 5;
    const byte = bit >> 3;
    const shifted = value << (bit & 7);
    packed[byte] = (packed[byte] ?? 0) | (shifted & 0xff);
    if (byte + 1 < packed.length) packed[byte + 1] = (packed[byte + 1] ?? 0) | (shifted >> 8);
  });
  return packed;
}

/** `count` bars of heights 0–1 for drawing, from packed samples (the loudest sample of each bar). */
export function waveformBars(packed: Uint8Array | null, count: number): number[] {
  const samples = packed ? decodeVoiceWaveform(packed) : [];
  if (samples.length === 0) return new Array<number>(count).fill(0.15);
  return Array.from({ length: count }, (_, bar) => {
    const from = Math.floor((bar * samples.length) / count);
    const to = Math.max(from + 1, Math.floor(((bar + 1) * samples.length) / count));
    return Math.max(...samples.slice(from, to)) / 31;
  });
}
