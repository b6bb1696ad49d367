// Browser-side client of the FashionMNIST files built by src/data/fashion.tar.ts: fetches only the shards a
// training set needs, verifies them against the manifest and decodes them. No DOM, no tfjs: tested in Node.

import type {DatasetBuffers} from "../engine/types.js";
import {
  FASHION_FORMAT_VERSION,
  concatDatasets,
  decodeShard,
  inflateIfGzipped,
  sha256Hex,
  takeImages,
  type FashionFile,
  type FashionManifest
} from "./fashion-format.js";

export * from "./fashion-format.js";

export interface LoadProgress {
  filesDone: number;
  filesTotal: number;
  /** Gzipped bytes per the manifest. */
  bytesDone: number;
  bytesTotal: number;
  /** The file just finished, or null for the initial report. */
  file: string | null;
}

export interface LoadOptions {
  manifest: FashionManifest;
  /** Fetch a file by its manifest name, e.g. name => FileAttachment("data/fashion/" + …) via a literal map. */
  fetchFile: (name: string) => Promise<ArrayBuffer>;
  /** Training images wanted (1..manifest.counts.train); only the shards holding them are fetched. */
  trainImages: number;
  onProgress?: (progress: LoadProgress) => void;
  /** Decoded files by name, reused across calls (e.g. when the reader grows the training set). */
  cache?: Map<string, DatasetBuffers>;
}

/** The train shards, in order, that hold the first `trainImages` training images. */
export function trainFilesFor(manifest: FashionManifest, trainImages: number): FashionFile[] {
  if (!Number.isInteger(trainImages) || trainImages < 1 || trainImages > manifest.counts.train) {
    throw new RangeError(`trainImages must be an integer in 1..${manifest.counts.train}, got ${trainImages}`);
  }
  const files: FashionFile[] = [];
  let have = 0;
  for (const file of manifest.files) {
    if (file.split !== "train" || have >= trainImages) continue;
    files.push(file);
    have += file.count;
  }
  return files;
}

/**
 * Fetch, verify and decode the train shards needed for `trainImages` plus the test file, in parallel.
 * `verified` is false only when crypto.subtle is missing (a page served over plain http from a non-local host).
 * The returned arrays may be views sharing memory with each other and with `cache`: copy before transferring.
 */
export async function loadFashion(
  options: LoadOptions
): Promise<{train: DatasetBuffers; test: DatasetBuffers; verified: boolean}> {
  const {manifest, fetchFile, trainImages, onProgress, cache} = options;
  if (manifest.formatVersion !== FASHION_FORMAT_VERSION) {
    throw new Error(
      `FashionMNIST manifest has format ${manifest.formatVersion}, this page reads ${FASHION_FORMAT_VERSION}`
    );
  }
  const trainFiles = trainFilesFor(manifest, trainImages);
  const testFiles = manifest.files.filter((file) => file.split === "test");
  if (testFiles.length === 0) throw new Error("FashionMNIST manifest lists no test file");
  const files = [...trainFiles, ...testFiles];
  const verify = typeof crypto !== "undefined" && crypto.subtle !== undefined;
  const progress: LoadProgress = {
    filesDone: 0,
    filesTotal: files.length,
    bytesDone: 0,
    bytesTotal: files.reduce((n, f) => n + f.bytes, 0),
    file: null
  };
  onProgress?.({...progress});
  const decoded = await Promise.all(
    files.map(async (file) => {
      const data = cache?.get(file.name) ?? (await fetchAndDecode(file, fetchFile, verify));
      cache?.set(file.name, data);
      progress.filesDone += 1;
      progress.bytesDone += file.bytes;
      onProgress?.({...progress, file: file.name});
      return data;
    })
  );
  const train = takeImages(concatDatasets(decoded.slice(0, trainFiles.length)), trainImages);
  const test = concatDatasets(decoded.slice(trainFiles.length));
  return {train, test, verified: verify};
}

async function fetchAndDecode(
  file: FashionFile,
  fetchFile: LoadOptions["fetchFile"],
  verify: boolean
): Promise<DatasetBuffers> {
  const fetched = new Uint8Array(await fetchFile(file.name));
  const gzipped = fetched[0] === 0x1f && fetched[1] === 0x8b;
  if (verify) {
    // A server may have inflated the .gz on the way (Content-Encoding): then check the inflated digest.
    const [expected, what] = gzipped ? [file.sha256, "gzipped"] : [file.rawSha256, "inflated"];
    const actual = await sha256Hex(fetched);
    if (actual !== expected) {
      throw new Error(
        `${file.name} is corrupted: sha256 of the ${what} bytes is ${actual}, the manifest says ${expected}`
      );
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = await inflateIfGzipped(fetched);
  } catch (error) {
    throw new Error(
      `${file.name}: cannot inflate (${error instanceof Error ? error.message : String(error)})`
    );
  }
  return decodeShard(bytes, {count: file.count, name: file.name});
}
