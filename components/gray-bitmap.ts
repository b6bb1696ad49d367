// A greyscale image as a data URL, so a 28×28 FashionMNIST image is one <image> element instead of 784
// rects. The format is an 8-bit palettised BMP: no compression code is needed, every browser shows it, and
// the same bytes come out in jsdom, so snapshot tests stay exact.

const FILE_HEADER = 14;
const INFO_HEADER = 40;
const PALETTE = 256 * 4;

/** BMP bytes of a width × height image of bytes 0..255 (row-major, top row first). */
export function grayBitmap(pixels: ArrayLike<number>, width: number, height: number): Uint8Array {
  const stride = Math.ceil(width / 4) * 4; // BMP rows are padded to 4 bytes
  const offset = FILE_HEADER + INFO_HEADER + PALETTE;
  const bytes = new Uint8Array(offset + stride * height);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]); // "BM"
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, offset, true);
  view.setUint32(14, INFO_HEADER, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true); // positive: rows are stored bottom-up
  view.setUint16(26, 1, true); // planes
  view.setUint16(28, 8, true); // bits per pixel
  view.setUint32(46, 256, true); // palette size
  for (let i = 0; i < 256; i++) bytes.set([i, i, i, 0], FILE_HEADER + INFO_HEADER + 4 * i);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = Math.round(pixels[y * width + x] ?? 0);
      bytes[offset + (height - 1 - y) * stride + x] = Math.max(0, Math.min(255, value));
    }
  }
  return bytes;
}

export function grayBitmapUrl(pixels: ArrayLike<number>, width: number, height: number): string {
  let binary = "";
  for (const byte of grayBitmap(pixels, width, height)) binary += String.fromCharCode(byte);
  return `data:image/bmp;base64,${btoa(binary)}`;
}
