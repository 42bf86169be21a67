import { strippedJpegHeader } from '../../../shared/strippedPreview.ts';

/**
 * The entropy-coded scan of a baseline JPEG under Telegram's fixed stripped-preview header: the header's own
 * quantisation and standard Huffman tables, Y sampled 2×2 and Cb/Cr 1×1 (4:2:0), as its frame header says.
 * Written here rather than taken from an image library, because no library's encoder is bound to those exact
 * tables (Chromium's canvas optimises its Huffman tables) and a preview is at most 40 × 40 pixels: the only
 * library work left is drawing the picture at that size, which any backend does (see imageCodec.ts).
 */
export function encodeStrippedScan(pixels: { data: Uint8Array; width: number; height: number; channels: 3 | 4 }): Uint8Array {
  const { width, height, channels, data } = pixels;
  if (width < 1 || height < 1 || width > 255 || height > 255 || data.length < width * height * channels)
    throw new RangeError(`A stripped preview is 1 to 255 pixels a side with all its pixels (got ${width} × ${height}).`);
  const tables = headerTables();
  // Planes in JFIF's YCbCr, a transparent pixel drawn on white (as the previews always were).
  const luma = new Float64Array(width * height);
  const blue = new Float64Array(width * height);
  const red = new Float64Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const alpha = channels === 4 ? (data[i * 4 + 3] ?? 255) / 255 : 1;
    const on = (value: number | undefined) => (value ?? 0) * alpha + 255 * (1 - alpha);
    const r = on(data[i * channels]);
    const g = on(data[i * channels + 1]);
    const b = on(data[i * channels + 2]);
    luma[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    blue[i] = -0.168736 * r - 0.331264 * g + 0.5 * b + 128;
    red[i] = 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
  }
  // A pixel past the right or bottom edge repeats the edge, as libjpeg pads a partial block.
  const at = (plane: Float64Array, x: number, y: number) => plane[Math.min(y, height - 1) * width + Math.min(x, width - 1)] ?? 0;
  const writer = createBitWriter();
  const previous = [0, 0, 0];
  const block = new Float64Array(64);
  const encodeBlock = (component: 0 | 1 | 2, sample: (x: number, y: number) => number) => {
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) block[y * 8 + x] = sample(x, y) - 128;
    const quant = component === 0 ? tables.quant[0] : tables.quant[1];
    const dc = component === 0 ? tables.dc[0] : tables.dc[1];
    const ac = component === 0 ? tables.ac[0] : tables.ac[1];
    const coefficients = quantisedDct(block, quant);
    const difference = (coefficients[0] ?? 0) - (previous[component] ?? 0);
    previous[component] = coefficients[0] ?? 0;
    writeValue(writer, dc, 0, difference);
    let run = 0;
    for (let k = 1; k < 64; k++) {
      const value = coefficients[k] ?? 0;
      if (value === 0) {
        run++;
        continue;
      }
      for (; run > 15; run -= 16) writer.code(ac, 0xf0);
      writeValue(writer, ac, run << 4, value);
      run = 0;
    }
    if (run > 0) writer.code(ac, 0x00);
  };
  for (let mcuY = 0; mcuY < height; mcuY += 16) {
    for (let mcuX = 0; mcuX < width; mcuX += 16) {
      for (const [dx, dy] of [
        [0, 0],
        [8, 0],
        [0, 8],
        [8, 8],
      ] as const)
        encodeBlock(0, (x, y) => at(luma, mcuX + dx + x, mcuY + dy + y));
      // Each chroma sample is the mean of the 2 × 2 pixels it covers.
      const downsampled = (plane: Float64Array) => (x: number, y: number) => {
        const px = mcuX + x * 2;
        const py = mcuY + y * 2;
        return (at(plane, px, py) + at(plane, px + 1, py) + at(plane, px, py + 1) + at(plane, px + 1, py + 1)) / 4;
      };
      encodeBlock(1, downsampled(blue));
      encodeBlock(2, downsampled(red));
    }
  }
  return writer.finish();
}

/** Natural-order index of each zigzag position. */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57,
  50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

const COSINES = Array.from({ length: 64 }, (_, i) => Math.cos(((2 * (i % 8) + 1) * Math.floor(i / 8) * Math.PI) / 16));

/** The 8 × 8 forward DCT of a level-shifted block, divided by the (zigzag-ordered) table and rounded; zigzag order out. */
function quantisedDct(block: Float64Array, quant: Uint8Array): Int32Array {
  const out = new Int32Array(64);
  for (let k = 0; k < 64; k++) {
    const u = (ZIGZAG[k] ?? 0) % 8;
    const v = Math.floor((ZIGZAG[k] ?? 0) / 8);
    let sum = 0;
    for (let y = 0; y < 8; y++) {
      const cy = COSINES[v * 8 + y] ?? 0;
      for (let x = 0; x < 8; x++) sum += (block[y * 8 + x] ?? 0) * (COSINES[u * 8 + x] ?? 0) * cy;
    }
    const scale = (u === 0 ? Math.SQRT1_2 : 1) * (v === 0 ? Math.SQRT1_2 : 1) * 0.25;
    out[k] = Math.round((sum * scale) / (quant[k] ?? 1));
  }
  return out;
}

interface HuffmanTable {
  codes: Uint16Array;
  lengths: Uint8Array;
}

let parsed: { quant: [Uint8Array, Uint8Array]; dc: [HuffmanTable, HuffmanTable]; ac: [HuffmanTable, HuffmanTable] } | null = null;

/** The quantisation (zigzag order) and Huffman tables of Telegram's header, read from its DQT and DHT segments. */
function headerTables(): NonNullable<typeof parsed> {
  if (parsed) return parsed;
  const header = strippedJpegHeader();
  const quant: Uint8Array[] = [];
  const dc: HuffmanTable[] = [];
  const ac: HuffmanTable[] = [];
  for (let i = 2; i + 4 <= header.length && header[i] === 0xff;) {
    const marker = header[i + 1] ?? 0;
    const length = ((header[i + 2] ?? 0) << 8) | (header[i + 3] ?? 0);
    const segment = header.subarray(i + 4, i + 2 + length);
    if (marker === 0xdb)
      for (let at = 0; at + 65 <= segment.length; at += 65) quant[(segment[at] ?? 0) & 0x0f] = segment.slice(at + 1, at + 65);
    if (marker === 0xc4) {
      for (let at = 0; at + 17 <= segment.length;) {
        const kind = (segment[at] ?? 0) >> 4;
        const id = (segment[at] ?? 0) & 0x0f;
        const counts = segment.subarray(at + 1, at + 17);
        const total = counts.reduce((sum, count) => sum + count, 0);
        const table = huffmanTable(counts, segment.subarray(at + 17, at + 17 + total));
        (kind === 0 ? dc : ac)[id] = table;
        at += 17 + total;
      }
    }
    if (marker === 0xda) break;
    i += 2 + length;
  }
  const [q0, q1] = quant;
  const [dc0, dc1] = dc;
  const [ac0, ac1] = ac;
  if (!q0 || !q1 || !dc0 || !dc1 || !ac0 || !ac1) throw new Error("Telegram's stripped-preview header lacks a table.");
  parsed = { quant: [q0, q1], dc: [dc0, dc1], ac: [ac0, ac1] };
  return parsed;
}

/** Canonical codes from a DHT's counts per length and its symbols (JPEG Annex C). */
function huffmanTable(counts: Uint8Array, symbols: Uint8Array): HuffmanTable {
  const codes = new Uint16Array(256);
  const lengths = new Uint8Array(256);
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let n = 0; n < (counts[length - 1] ?? 0); n++) {
      const symbol = symbols[k++] ?? 0;
      codes[symbol] = code++;
      lengths[symbol] = length;
    }
    code <<= 1;
  }
  return { codes, lengths };
}

/** Writes `value`'s size category (with `runBits` above it) as a Huffman code, then its extra bits. */
function writeValue(writer: ReturnType<typeof createBitWriter>, table: HuffmanTable, runBits: number, value: number): void {
  const magnitude = Math.abs(value);
  const size = magnitude === 0 ? 0 : 32 - Math.clz32(magnitude);
  writer.code(table, runBits | size);
  if (size > 0) writer.bits(value < 0 ? value + (1 << size) - 1 : value, size);
}

function createBitWriter() {
  const bytes: number[] = [];
  let buffer = 0;
  let count = 0;
  const bits = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) {
      buffer = (buffer << 1) | ((value >> i) & 1);
      if (++count === 8) {
        bytes.push(buffer);
        // A 0xFF byte in a scan is followed by 0x00, so that it is not read as a marker.
        if (buffer === 0xff) bytes.push(0);
        buffer = 0;
        count = 0;
      }
    }
  };
  return {
    bits,
    code(table: HuffmanTable, symbol: number) {
      const length = table.lengths[symbol] ?? 0;
      if (length === 0) throw new Error(`The Huffman table has no code for ${symbol}.`);
      bits(table.codes[symbol] ?? 0, length);
    },
    /** The scan, its last byte padded with 1 bits. */
    finish(): Uint8Array {
      if (count > 0) bits(0x7f, 8 - count);
      return Uint8Array.from(bytes);
    },
  };
}
