import { crc32, deflateSync, inflateSync } from 'node:zlib';

// Just enough PNG to write the Teams icons and to check icons the bureau may replace them
// with: 8-bit, non-interlaced, colour types grey, RGB, palette, grey+alpha and RGBA.

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface Rgba {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row. */
  pixels: Uint8Array;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(image: Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const stride = image.width * 4;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y += 1) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(image.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

export function readPngHeader(png: Buffer): PngHeader {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error('geen PNG-bestand');
  }
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG zonder IHDR');
  return {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    bitDepth: png[24] ?? 0,
    colorType: png[25] ?? 0,
    interlace: png[28] ?? 0,
  };
}

interface Chunks {
  idat: Buffer;
  palette: Buffer | undefined;
  transparency: Buffer | undefined;
}

function readChunks(png: Buffer): Chunks {
  const idat: Buffer[] = [];
  let palette: Buffer | undefined;
  let transparency: Buffer | undefined;
  for (let offset = 8; offset + 8 <= png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IDAT') idat.push(data);
    if (type === 'PLTE') palette = data;
    if (type === 'tRNS') transparency = data;
    offset += 12 + length;
  }
  return { idat: Buffer.concat(idat), palette, transparency };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(data: Buffer, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = data[y * (stride + 1)] ?? 0;
    const row = y * stride;
    for (let x = 0; x < stride; x += 1) {
      const value = data[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[row - stride + x] ?? 0) : 0;
      const upLeft = x >= bpp && y > 0 ? (out[row - stride + x - bpp] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`onbekend PNG-filter ${filter}`);
      out[row + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

/** Decodes to RGBA, for checking colours and transparency. */
export function decodePng(png: Buffer): Rgba {
  const header = readPngHeader(png);
  const channels = CHANNELS[header.colorType];
  if (header.bitDepth !== 8 || header.interlace !== 0 || channels === undefined) {
    throw new Error('alleen 8-bit PNG zonder interlacing wordt ondersteund');
  }
  const { idat, palette, transparency } = readChunks(png);
  const stride = header.width * channels;
  const raw = unfilter(inflateSync(idat), header.height, stride, channels);
  const pixels = new Uint8Array(header.width * header.height * 4);
  for (let i = 0; i < header.width * header.height; i += 1) {
    const s = i * channels;
    const rgba = toRgba(header.colorType, raw, s, palette, transparency);
    pixels.set(rgba, i * 4);
  }
  return { width: header.width, height: header.height, pixels };
}

function toRgba(
  colorType: number,
  raw: Uint8Array,
  s: number,
  palette: Buffer | undefined,
  transparency: Buffer | undefined,
): number[] {
  const at = (i: number) => raw[s + i] ?? 0;
  switch (colorType) {
    case 0:
      return [at(0), at(0), at(0), 255];
    case 2:
      return [at(0), at(1), at(2), 255];
    case 3: {
      const index = at(0);
      const p = (i: number) => palette?.[index * 3 + i] ?? 0;
      return [p(0), p(1), p(2), transparency?.[index] ?? 255];
    }
    case 4:
      return [at(0), at(0), at(0), at(1)];
    default:
      return [at(0), at(1), at(2), at(3)];
  }
}
