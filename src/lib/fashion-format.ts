// The FashionMNIST file format built by src/data/fashion.tar.ts (see data/shards.ts), and its decoding.
// Pure functions over bytes: no DOM, no tfjs, so they run (and are tested) in Node 20 as well.
//
// File layout (each file gzip-compressed, name ending in .bin.gz):
//   count label bytes (uint8, 0..9), then count × 784 pixel bytes (uint8 0..255, row-major 28×28):
//   label i at offset i, pixel p of image i at offset count + 784·i + p.
// The manifest lists the files, their image counts, byte sizes and sha256 digests.

import type {DatasetBuffers} from "../engine/types.js";

export const FASHION_FORMAT_VERSION = 1;
export const FASHION_IMAGE_PIXELS = 784;
const CLASS_COUNT = 10;

/** A row the build left out, as reported in the manifest. */
export interface FashionDroppedRow {
  /** The file or split it came from, e.g. "clothes/0.json". */
  source: string;
  label: number;
  /** 0-based position in its source. */
  index: number;
  reason: string;
}

export interface FashionFile {
  name: string;
  split: "train" | "test";
  count: number;
  /** Size and sha256 (hex) of the gzipped file, as served. */
  bytes: number;
  sha256: string;
  /** Size and sha256 of the inflated bytes, for servers that inflate .gz files on the way. */
  rawBytes: number;
  rawSha256: string;
}

export interface FashionManifest {
  formatVersion: typeof FASHION_FORMAT_VERSION;
  source: {kind: "npm" | "idx"; name: string; split: string};
  classNames: string[];
  imageShape: [number, number];
  layout: string;
  shuffle: {method: string; trainSeed: number; testSeed: number};
  shardSize: number;
  counts: {train: number; test: number};
  perClass: {train: number[]; test: number[]};
  droppedRows: FashionDroppedRow[];
  /** Train shards in order (train-0, train-1, …), then the test file. */
  files: FashionFile[];
}

/** Split a decoded file into labels and images (views, no copy); throws when the length or labels are wrong. */
export function decodeShard(
  bytes: Uint8Array,
  expected: {count?: number; name?: string} = {}
): DatasetBuffers {
  const name = expected.name ?? "shard";
  const stride = 1 + FASHION_IMAGE_PIXELS;
  if (bytes.length % stride !== 0) {
    throw new Error(`${name}: ${bytes.length} bytes is not a whole number of images (${stride} bytes each)`);
  }
  const count = bytes.length / stride;
  if (expected.count !== undefined && count !== expected.count) {
    throw new Error(
      `${name}: holds ${count} images (${bytes.length} bytes), the manifest says ${expected.count}`
    );
  }
  const labels = bytes.subarray(0, count);
  const bad = labels.findIndex((label) => label >= CLASS_COUNT);
  if (bad >= 0) throw new Error(`${name}: label ${labels[bad]} of image ${bad} is not a class 0..9`);
  return {labels, images: bytes.subarray(count), count};
}

/** Inflate gzip data (magic 1f 8b); bytes without the magic are returned as they are (already inflated). */
export async function inflateIfGzipped(buffer: ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  // slice(): Blob and digest want a view of a plain ArrayBuffer (not a pooled or shared one); 4 MB is cheap.
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Lower-case hex SHA-256; needs crypto.subtle (a secure context: https or localhost). */
export async function sha256Hex(buffer: ArrayBuffer | Uint8Array): Promise<string> {
  if (typeof crypto === "undefined" || crypto.subtle === undefined) {
    throw new Error("sha256Hex needs crypto.subtle, which browsers offer only on https or localhost");
  }
  const bytes = buffer instanceof Uint8Array ? buffer.slice() : new Uint8Array(buffer);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** One dataset holding the parts in order (the single part itself when there is only one). */
export function concatDatasets(parts: readonly DatasetBuffers[]): DatasetBuffers {
  if (parts.length === 1 && parts[0]) return parts[0];
  const count = parts.reduce((n, p) => n + p.count, 0);
  const out: DatasetBuffers = {
    images: new Uint8Array(count * FASHION_IMAGE_PIXELS),
    labels: new Uint8Array(count),
    count
  };
  let at = 0;
  for (const part of parts) {
    out.labels.set(part.labels.subarray(0, part.count), at);
    out.images.set(part.images.subarray(0, part.count * FASHION_IMAGE_PIXELS), at * FASHION_IMAGE_PIXELS);
    at += part.count;
  }
  return out;
}

/** The first `count` images (views, no copy). */
export function takeImages(data: DatasetBuffers, count: number): DatasetBuffers {
  if (count >= data.count) return data;
  return {
    labels: data.labels.subarray(0, count),
    images: data.images.subarray(0, count * FASHION_IMAGE_PIXELS),
    count
  };
}
