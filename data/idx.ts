// Parser for the IDX format of the official (Fashion-)MNIST files:
//   bytes 0–1: 0, byte 2: element type (0x08 = unsigned byte), byte 3: number of dimensions d,
//   then d big-endian uint32 sizes, then the elements, row-major.
// Images are magic 0x00000803 (count × rows × cols), labels 0x00000801 (count).
// Only unsigned bytes are accepted: every FashionMNIST file uses them, and anything else means a wrong file.

export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** Parse an unsigned-byte IDX file with the expected magic; `name` goes into every error message. */
export function parseIdx(bytes: Uint8Array, expectedMagic: number, name: string): IdxArray {
  if (bytes.length < 4) throw new Error(`${name}: truncated IDX file (${bytes.length} bytes, no header)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== expectedMagic) {
    throw new Error(`${name}: wrong IDX magic 0x${hex(magic)}, expected 0x${hex(expectedMagic)}`);
  }
  const ndims = magic & 0xff;
  const headerLength = 4 + 4 * ndims;
  if (bytes.length < headerLength) {
    throw new Error(`${name}: truncated IDX header (${bytes.length} bytes, need ${headerLength})`);
  }
  const dims: number[] = [];
  for (let i = 0; i < ndims; i++) dims.push(view.getUint32(4 + 4 * i));
  const expected = dims.reduce((a, b) => a * b, 1);
  const actual = bytes.length - headerLength;
  if (actual < expected) {
    throw new Error(`${name}: truncated IDX data: ${actual} bytes, dims ${dims.join("×")} need ${expected}`);
  }
  if (actual > expected) {
    throw new Error(
      `${name}: ${actual - expected} unexpected bytes after the IDX data (dims ${dims.join("×")})`
    );
  }
  return {dims, data: bytes.subarray(headerLength)};
}

export function parseIdxImages(
  bytes: Uint8Array,
  name: string
): {count: number; rows: number; cols: number; pixels: Uint8Array} {
  const {dims, data} = parseIdx(bytes, IDX_IMAGES_MAGIC, name);
  const [count = 0, rows = 0, cols = 0] = dims;
  return {count, rows, cols, pixels: data};
}

export function parseIdxLabels(bytes: Uint8Array, name: string): Uint8Array {
  return parseIdx(bytes, IDX_LABELS_MAGIC, name).data;
}

/** Encode an unsigned-byte IDX file (ndims = dims.length); the tests write their fixtures with it. */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00000800 | dims.length);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, "0");
}
