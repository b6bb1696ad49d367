import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {grayBitmap} from "../../components/gray-bitmap.js";
import {imageGrid} from "../../components/image-grid.js";
import {all, one} from "./components-dom.js";
import {matchesSnapshot} from "./components-fixtures.js";

const gradient = Array.from({length: 784}, (_, i) => i % 256);
const rows = ["T-shirt/top", "Trouser"].map((className, r) => ({
  className,
  images: [gradient, gradient.map((v) => 255 - v), gradient.map((v) => (v + r * 60) % 256)],
  mean: gradient.map(() => 128)
}));

describe("grayBitmap", () => {
  it("writes an 8-bit BMP with a grey palette, rows bottom-up", () => {
    const pixels = [10, 20, 30, 40, 50, 60];
    const bytes = grayBitmap(pixels, 3, 2);
    const view = new DataView(bytes.buffer);
    assert.equal(String.fromCharCode(bytes[0]!, bytes[1]!), "BM");
    assert.equal(view.getUint32(2, true), bytes.length);
    assert.equal(view.getUint16(28, true), 8);
    const offset = view.getUint32(10, true);
    assert.equal(bytes.length, offset + 2 * 4, "3-pixel rows padded to 4 bytes");
    assert.deepEqual([...bytes.subarray(offset, offset + 3)], [40, 50, 60], "bottom row first");
    assert.deepEqual([...bytes.subarray(offset + 4, offset + 7)], [10, 20, 30]);
    assert.deepEqual([...bytes.subarray(14 + 40 + 4 * 200, 14 + 40 + 4 * 200 + 4)], [200, 200, 200, 0]);
  });

  it("clamps values outside 0..255 and rounds fractions", () => {
    const bytes = grayBitmap([-5, 300, 127.6, 0], 4, 1);
    const offset = new DataView(bytes.buffer).getUint32(10, true);
    assert.deepEqual([...bytes.subarray(offset, offset + 4)], [0, 255, 128, 0]);
  });
});

describe("imageGrid", () => {
  it("draws one row per class with the mean image first, and matches its snapshot", () => {
    const svg = imageGrid(rows, {width: 400});
    assert.equal(all(svg, "image").length, 2 * 4);
    assert.match(one(svg, "image").getAttribute("href")!, /^data:image\/bmp;base64,Qk/);
    assert.match(svg.getAttribute("aria-label")!, /6 images of 2 classes/);
    matchesSnapshot(svg, "image-grid");
  });

  it("fits the width it is given", () => {
    const svg = imageGrid(rows, {width: 200});
    const rightmost = Math.max(
      ...all(svg, "image").map((el) => Number(el.getAttribute("x")) + Number(el.getAttribute("width")))
    );
    assert.ok(rightmost <= 200, `${rightmost}`);
  });

  it("renders an empty grid without throwing", () => {
    assert.equal(all(imageGrid([], {width: 300}), "image").length, 0);
  });
});
