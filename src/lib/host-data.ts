// The training images where a run trains (a worker, or the page as a fallback): fetched from the site by URL
// (through the browser's HTTP cache), verified and decoded by fashion-data.ts, grown when a run needs more.
//
// Memory: one copy of the images in use. Several shards are concatenated into one buffer, and the cache then
// points into that buffer, so the shards' own buffers are freed: the full 60,000 training images hold 47 MB
// (+ 7.8 MB of test images) per worker. Loading them peaks at about 120 MB: the shards arrive in parallel
// (26 MB gzipped, 47 MB inflated) and are then copied into the one buffer that is kept.
import type {DatasetBuffers} from "../engine/types.js";
import {FASHION_IMAGE_PIXELS, loadFashion, type FashionManifest, type LoadProgress} from "./fashion-data.js";

export interface HostData {
  train: DatasetBuffers;
  test: DatasetBuffers;
  verified: boolean;
}

export interface DataStore {
  /** The first `trainImages` training images and the test set; loads what is missing. */
  ensure(trainImages: number, onProgress?: (progress: LoadProgress) => void): Promise<HostData>;
}

/** Points each train shard's cache entry into `train`, the concatenation of those shards in manifest order. */
function pointCacheInto(
  cache: Map<string, DatasetBuffers>,
  manifest: FashionManifest,
  train: DatasetBuffers
) {
  let at = 0;
  for (const file of manifest.files) {
    if (file.split !== "train" || !cache.has(file.name) || at + file.count > train.count) continue;
    cache.set(file.name, {
      labels: train.labels.subarray(at, at + file.count),
      images: train.images.subarray(at * FASHION_IMAGE_PIXELS, (at + file.count) * FASHION_IMAGE_PIXELS),
      count: file.count
    });
    at += file.count;
  }
}

/** A store over `urls` (manifest file name → absolute URL). One load at a time; a larger request extends it. */
export function createDataStore(
  manifest: FashionManifest,
  urls: Record<string, string>,
  fetchUrl: (url: string) => Promise<Response> = fetch
): DataStore {
  const cache = new Map<string, DatasetBuffers>();
  let queue: Promise<unknown> = Promise.resolve();
  let last: {whole: number; data: HostData} | null = null;
  const fetchFile = async (name: string) => {
    const url = urls[name];
    if (!url) throw new Error(`${name} is in the manifest but the page gave no URL for it`);
    const response = await fetchUrl(url);
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.arrayBuffer();
  };
  const load = async (trainImages: number, onProgress?: (progress: LoadProgress) => void) => {
    const shards = Math.ceil(trainImages / manifest.shardSize);
    // The whole of every shard needed, so that the concatenation can back the cache.
    const whole = Math.min(manifest.counts.train, shards * manifest.shardSize);
    if (!last || last.whole < whole) {
      last = {whole, data: await loadFashion({manifest, fetchFile, trainImages: whole, cache, onProgress})};
      pointCacheInto(cache, manifest, last.data.train);
    }
    const {data} = last;
    const take = (n: number): DatasetBuffers => ({
      labels: data.train.labels.subarray(0, n),
      images: data.train.images.subarray(0, n * FASHION_IMAGE_PIXELS),
      count: n
    });
    return {...data, train: take(Math.min(trainImages, data.train.count))};
  };
  return {
    ensure(trainImages, onProgress) {
      const result = queue.then(() => load(trainImages, onProgress));
      queue = result.catch(() => {});
      return result;
    }
  };
}
