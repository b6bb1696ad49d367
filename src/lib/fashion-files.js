// The FashionMNIST files built by src/data/fashion.tar.ts. Framework ships only files named by a literal
// FileAttachment path, so every shard is listed here once for all pages.
import {FileAttachment} from "observablehq:stdlib";

export const fashionManifest = FileAttachment("../data/fashion/manifest.json");
export const fashionSummary = FileAttachment("../data/fashion-summary.json");

const files = {
  "train-0.bin.gz": FileAttachment("../data/fashion/train-0.bin.gz"),
  "train-1.bin.gz": FileAttachment("../data/fashion/train-1.bin.gz"),
  "train-2.bin.gz": FileAttachment("../data/fashion/train-2.bin.gz"),
  "train-3.bin.gz": FileAttachment("../data/fashion/train-3.bin.gz"),
  "train-4.bin.gz": FileAttachment("../data/fashion/train-4.bin.gz"),
  "train-5.bin.gz": FileAttachment("../data/fashion/train-5.bin.gz"),
  "test.bin.gz": FileAttachment("../data/fashion/test.bin.gz")
};

/** Fetches one file named in the manifest. */
export function fetchFashionFile(name) {
  const file = files[name];
  if (!file) return Promise.reject(new Error(`${name} is in the manifest but not shipped with the site`));
  return file.arrayBuffer();
}

/** Every file's absolute URL by manifest name: a worker fetches them itself, relative to its own script. */
export async function fashionFileUrls() {
  const entries = await Promise.all(
    Object.entries(files).map(async ([name, file]) => [name, new URL(await file.url(), location.href).href])
  );
  return Object.fromEntries(entries);
}
