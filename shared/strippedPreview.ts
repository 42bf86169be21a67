/**
 * Telegram's stripped previews (photo size type `i`, and `stripped_thumb` on profile and chat photos): a JPEG
 * of about 40 px whose fixed header is left out to save bytes. Byte 0 is 1, bytes 1 and 2 are the height and
 * width, the rest is the entropy-coded scan. The header below is Telegram's documented one (core.telegram.org/
 * api/files): quality-20 tables, 4:2:0 sampling, standard Huffman tables; offsets 164 and 166 hold the size.
 */
const STRIPPED_JPEG_HEADER_HEX =
  'ffd8ffe000104a46494600010100000100010000ffdb004300281c1e231e19282321232d2b28303c64413c37373c7b585d4964918099968f808c8aa0' +
  'b4e6c3a0aadaad8a8cc8ffcbdaeef5ffffff9bc1fffffffaffe6fdfff8ffdb0043012b2d2d3c353c76414176f8a58ca5f8f8f8f8f8f8f8f8f8f8f8f8' +
  'f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8f8ffc00011080000000003012200021101031101ffc400' +
  '1f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d010203000411051221' +
  '31410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a53545556' +
  '5758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6' +
  'c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffc4001f0100030101010101010101010000000000000102030405' +
  '060708090a0bffc400b51100020102040403040705040400010277000102031104052131061241510761711322328108144291a1b1c109233352f015' +
  '6272d10a162434e125f11718191a262728292a35363738393a434445464748494a535455565758595a636465666768696a737475767778797a828384' +
  '85868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9ea' +
  'f2f3f4f5f6f7f8f9faffda000c03010002110311003f00';

const HEIGHT_OFFSET = 164;
const WIDTH_OFFSET = 166;

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

let header: Uint8Array | null = null;

/** The fixed header, up to and including the start of scan; what a stripped preview's bytes follow. */
export function strippedJpegHeader(): Uint8Array {
  header ??= hexToBytes(STRIPPED_JPEG_HEADER_HEX);
  return header;
}

/** A whole JPEG from a stripped preview, or null when the bytes are not one. */
export function strippedPreviewToJpeg(stripped: Uint8Array): Uint8Array | null {
  const [version, height, width] = stripped;
  if (stripped.length < 4 || version !== 1 || height === undefined || width === undefined) return null;
  const head = strippedJpegHeader();
  const jpeg = new Uint8Array(head.length + stripped.length - 3 + 2);
  jpeg.set(head, 0);
  jpeg[HEIGHT_OFFSET] = height;
  jpeg[WIDTH_OFFSET] = width;
  jpeg.set(stripped.subarray(3), head.length);
  jpeg[jpeg.length - 2] = 0xff;
  jpeg[jpeg.length - 1] = 0xd9;
  return jpeg;
}
