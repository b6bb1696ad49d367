import assert from "node:assert/strict";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {gzipSync} from "node:zlib";
import {
  encodeIdx,
  IDX_IMAGES_MAGIC,
  IDX_LABELS_MAGIC,
  parseIdx,
  parseIdxImages,
  parseIdxLabels
} from "../../data/idx.js";
import {OFFICIAL_FILES, officialFilesStatus, readOfficialSplits} from "../../data/official.js";
import {fakeDataset, imageAt, fakeImage, makeTempDir, removeDir} from "./data-fixtures.js";

describe("IDX parser", () => {
  it("reads images (magic 0x00000803) with their dimensions", () => {
    const pixels = Uint8Array.from({length: 2 * 3 * 4}, (_, i) => i);
    const parsed = parseIdxImages(encodeIdx([2, 3, 4], pixels), "images");
    assert.deepEqual(
      {count: parsed.count, rows: parsed.rows, cols: parsed.cols},
      {count: 2, rows: 3, cols: 4}
    );
    assert.deepEqual(parsed.pixels, pixels);
  });

  it("reads labels (magic 0x00000801)", () => {
    assert.deepEqual(
      parseIdxLabels(encodeIdx([3], Uint8Array.of(9, 0, 4)), "labels"),
      Uint8Array.of(9, 0, 4)
    );
  });

  it("writes the documented header: 0, 0, type 0x08, ndims, then big-endian sizes", () => {
    const bytes = encodeIdx([1, 28, 28], new Uint8Array(784));
    assert.deepEqual(Array.from(bytes.subarray(0, 16)), [0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 28, 0, 0, 0, 28]);
  });

  it("rejects a labels file where images are expected, and vice versa (wrong magic)", () => {
    const labels = encodeIdx([2], Uint8Array.of(1, 2));
    assert.throws(
      () => parseIdxImages(labels, "x.gz"),
      /x\.gz: wrong IDX magic 0x00000801, expected 0x00000803/
    );
    const images = encodeIdx([1, 1, 1], Uint8Array.of(1));
    assert.throws(
      () => parseIdxLabels(images, "y.gz"),
      /y\.gz: wrong IDX magic 0x00000803, expected 0x00000801/
    );
  });

  it("rejects a non-byte element type (e.g. 0x0D float) as a wrong magic", () => {
    const bytes = encodeIdx([1], Uint8Array.of(0));
    bytes[2] = 0x0d;
    assert.throws(() => parseIdx(bytes, IDX_LABELS_MAGIC, "f"), /wrong IDX magic 0x00000d01/);
  });

  it("rejects truncated files: no header, short header, short data", () => {
    assert.throws(
      () => parseIdx(Uint8Array.of(0, 0), IDX_LABELS_MAGIC, "a"),
      /a: truncated IDX file \(2 bytes/
    );
    const header = encodeIdx([2, 28, 28], new Uint8Array(2 * 784));
    assert.throws(() => parseIdx(header.subarray(0, 10), IDX_IMAGES_MAGIC, "b"), /b: truncated IDX header/);
    assert.throws(
      () => parseIdx(header.subarray(0, header.length - 1), IDX_IMAGES_MAGIC, "c"),
      /c: truncated IDX data: 1567 bytes, dims 2×28×28 need 1568/
    );
  });

  it("rejects trailing bytes after the data", () => {
    const bytes = encodeIdx([2], Uint8Array.of(1, 2, 3));
    assert.throws(() => parseIdx(bytes, IDX_LABELS_MAGIC, "d"), /d: 1 unexpected bytes after the IDX data/);
  });
});

describe("official IDX files in a folder", () => {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));

  /** Writes the four files for the given datasets; `gzip: false` writes them uncompressed under the same names. */
  function writeOfficial(
    train: ReturnType<typeof fakeDataset>,
    test: ReturnType<typeof fakeDataset>,
    options: {gzip?: boolean; trainLabelCount?: number; side?: number} = {}
  ): string {
    const dir = makeTempDir();
    dirs.push(dir);
    const side = options.side ?? 28;
    const put = (name: string, bytes: Uint8Array) =>
      writeFileSync(join(dir, name), options.gzip === false ? bytes : gzipSync(bytes));
    put(OFFICIAL_FILES.trainImages, encodeIdx([train.count, side, (28 * 28) / side], train.images));
    const trainLabels = train.labels.subarray(0, options.trainLabelCount ?? train.count);
    put(OFFICIAL_FILES.trainLabels, encodeIdx([trainLabels.length], trainLabels));
    put(OFFICIAL_FILES.testImages, encodeIdx([test.count, 28, 28], test.images));
    put(OFFICIAL_FILES.testLabels, encodeIdx([test.count], test.labels));
    return dir;
  }

  it("reports all, none, or which files are missing", () => {
    const dir = writeOfficial(fakeDataset([0]), fakeDataset([1]));
    assert.equal(officialFilesStatus(dir), "all");
    const empty = makeTempDir();
    dirs.push(empty);
    assert.equal(officialFilesStatus(empty), "none");
    writeFileSync(join(empty, OFFICIAL_FILES.testLabels), "");
    assert.deepEqual(officialFilesStatus(empty), [
      OFFICIAL_FILES.trainImages,
      OFFICIAL_FILES.trainLabels,
      OFFICIAL_FILES.testImages
    ]);
  });

  it("reads the official train and test split from gzipped or plain files", () => {
    for (const gzip of [true, false]) {
      const dir = writeOfficial(fakeDataset([3, 1, 4], [10, 11, 12]), fakeDataset([5, 9], [20, 21]), {gzip});
      const {train, test, dropped} = readOfficialSplits(dir);
      assert.deepEqual(Array.from(train.labels), [3, 1, 4]);
      assert.deepEqual(imageAt(train, 2), fakeImage(12));
      assert.deepEqual(Array.from(test.labels), [5, 9]);
      assert.deepEqual(imageAt(test, 1), fakeImage(21));
      assert.deepEqual(dropped, []);
    }
  });

  it("drops images whose label is an unknown class and reports file, label and index", () => {
    const dir = writeOfficial(fakeDataset([3, 12, 4], [10, 11, 12]), fakeDataset([5]));
    const {train, dropped} = readOfficialSplits(dir);
    assert.deepEqual(Array.from(train.labels), [3, 4]);
    assert.deepEqual(imageAt(train, 1), fakeImage(12));
    assert.deepEqual(dropped, [
      {source: OFFICIAL_FILES.trainLabels, label: 12, index: 1, reason: "unknown class 12"}
    ]);
  });

  it("fails when the image and label counts do not match", () => {
    const dir = writeOfficial(fakeDataset([3, 1, 4]), fakeDataset([5]), {trainLabelCount: 2});
    assert.throws(
      () => readOfficialSplits(dir),
      /count mismatch: train-images-idx3-ubyte\.gz has 3 images, .* 2 labels/
    );
  });

  it("fails when the images are not 28×28", () => {
    const dir = writeOfficial(fakeDataset([3]), fakeDataset([5]), {side: 16});
    assert.throws(() => readOfficialSplits(dir), /images are 16×49, expected 28×28/);
  });

  it("fails with the file's name when a file is truncated", () => {
    const dir = writeOfficial(fakeDataset([3, 1]), fakeDataset([5]));
    const truncated = encodeIdx([1], Uint8Array.of(5)).subarray(0, 6);
    writeFileSync(join(dir, OFFICIAL_FILES.testLabels), gzipSync(truncated));
    assert.throws(() => readOfficialSplits(dir), /t10k-labels-idx1-ubyte\.gz: truncated IDX header/);
  });
});
