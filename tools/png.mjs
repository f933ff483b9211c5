// A minimal PNG encoder for small images: an indexed (palette) image when the
// pixels use at most 256 colours, else RGBA; each row takes the filter that
// compresses best by the usual heuristic, and fflate deflates at level 9.
import { zlibSync } from "fflate";

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes) {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type, data) {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, "latin1"), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Rows prefixed with a filter byte; bpp = bytes per pixel. Indexed images take filter 0 (as the PNG spec advises). */
function filterRows(raw, rowBytes, height, bpp, indexed) {
  const out = new Uint8Array((rowBytes + 1) * height);
  const prev = new Uint8Array(rowBytes);
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * rowBytes, (y + 1) * rowBytes);
    let best = null;
    let bestScore = Infinity;
    for (const f of indexed ? [0] : [0, 1, 2, 3, 4]) {
      const line = new Uint8Array(rowBytes);
      let score = 0;
      for (let i = 0; i < rowBytes; i++) {
        const a = i >= bpp ? row[i - bpp] : 0;
        const b = prev[i];
        const c = i >= bpp ? prev[i - bpp] : 0;
        const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth(a, b, c);
        line[i] = (row[i] - pred) & 0xff;
        score += line[i] < 128 ? line[i] : 256 - line[i];
      }
      if (score < bestScore) { bestScore = score; best = [f, line]; }
    }
    out[y * (rowBytes + 1)] = best[0];
    out.set(best[1], y * (rowBytes + 1) + 1);
    prev.set(row);
  }
  return out;
}

/** PNG bytes for width × height RGBA pixels. */
export function encodePng(width, height, rgba) {
  const colours = new Map();
  for (let i = 0; i < rgba.length && colours.size <= 256; i += 4) {
    const key = ((rgba[i] << 24) | (rgba[i + 1] << 16) | (rgba[i + 2] << 8) | rgba[i + 3]) >>> 0;
    if (!colours.has(key)) colours.set(key, colours.size);
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header[8] = 8; // bit depth
  const chunks = [];
  const opaque = [...colours.keys()].every((k) => (k & 0xff) === 255);
  if (colours.size <= 256) {
    header[9] = 3; // indexed
    const plte = new Uint8Array(colours.size * 3);
    const trns = new Uint8Array(colours.size);
    for (const [k, i] of colours) {
      plte[i * 3] = k >>> 24;
      plte[i * 3 + 1] = (k >>> 16) & 0xff;
      plte[i * 3 + 2] = (k >>> 8) & 0xff;
      trns[i] = k & 0xff;
    }
    const raw = new Uint8Array(width * height);
    for (let p = 0; p < width * height; p++) {
      const i = p * 4;
      raw[p] = colours.get(((rgba[i] << 24) | (rgba[i + 1] << 16) | (rgba[i + 2] << 8) | rgba[i + 3]) >>> 0);
    }
    chunks.push(chunk("IHDR", header), chunk("PLTE", plte));
    if (!opaque) chunks.push(chunk("tRNS", trns));
    chunks.push(chunk("IDAT", zlibSync(filterRows(raw, width, height, 1, true), { level: 9 })));
  } else {
    header[9] = opaque ? 2 : 6; // RGB or RGBA
    const bpp = opaque ? 3 : 4;
    const raw = new Uint8Array(width * height * bpp);
    for (let p = 0; p < width * height; p++) for (let c = 0; c < bpp; c++) raw[p * bpp + c] = rgba[p * 4 + c];
    chunks.push(chunk("IHDR", header), chunk("IDAT", zlibSync(filterRows(raw, width * bpp, height, bpp, false), { level: 9 })));
  }
  chunks.push(chunk("IEND", new Uint8Array(0)));
  const signature = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, ...chunks]);
}
