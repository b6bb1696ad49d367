import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {describe, it} from "node:test";
import {gunzipSync, gzipSync} from "node:zlib";
import {buildFashionFiles} from "../../data/shards.js";
import {sliceDataset} from "../../data/shards.js";
import {
  concatDatasets,
  decodeShard,
  inflateIfGzipped,
  loadFashion,
  sha256Hex,
  trainFilesFor,
  type FashionManifest,
  type LoadProgress
} from "../../src/lib/fashion-data.js";
import type {DatasetBuffers} from "../../src/engine/types.js";
import {fakeDataset} from "./data-fixtures.js";

const labels = (n: number) => Array.from({length: n}, (_, i) => (i * 3) % 10);
const train = fakeDataset(labels(25));
const test = fakeDataset(labels(7), [40, 41, 42, 43, 44, 45, 46]);
const built = buildFashionFiles(
  {
    train,
    test,
    source: {kind: "npm", name: "t", split: "t"},
    seeds: {trainSeed: 1, testSeed: 2},
    dropped: []
  },
  10
);

/** A copy in its own ArrayBuffer (a Node Buffer may be a view into a shared pool). */
const arrayBuffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;

/** A fetchFile over the built files that records what was asked; `transform` can corrupt or inflate. */
function server(transform: (name: string, bytes: Uint8Array) => Uint8Array = (_n, b) => b) {
  const fetched: string[] = [];
  const fetchFile = async (name: string) => {
    fetched.push(name);
    const file = built.files.find((f) => f.name === name);
    if (!file) throw new Error(`404 ${name}`);
    return arrayBuffer(transform(name, file.bytes));
  };
  return {fetched, fetchFile};
}

const same = (a: DatasetBuffers, b: DatasetBuffers) =>
  assert.deepEqual(
    {count: a.count, labels: [...a.labels], images: [...a.images]},
    {
      count: b.count,
      labels: [...b.labels],
      images: [...b.images]
    }
  );

describe("decodeShard", () => {
  it("splits labels and pixels of a well-formed shard", () => {
    const bytes = Uint8Array.of(4, 9, ...new Uint8Array(784).fill(1), ...new Uint8Array(784).fill(2));
    const data = decodeShard(bytes, {count: 2});
    assert.equal(data.count, 2);
    assert.deepEqual([...data.labels], [4, 9]);
    assert.equal(data.images[783], 1);
    assert.equal(data.images[784], 2);
  });

  it("rejects a length that is not a whole number of 785-byte images, naming the file", () => {
    assert.throws(
      () => decodeShard(new Uint8Array(786), {name: "train-3.bin.gz"}),
      /train-3\.bin\.gz: 786 bytes is not a whole number/
    );
  });

  it("rejects a shard whose image count differs from the manifest's", () => {
    assert.throws(
      () => decodeShard(new Uint8Array(785 * 2), {count: 3, name: "t"}),
      /t: holds 2 images .* the manifest says 3/
    );
  });

  it("rejects a label outside 0..9", () => {
    const bytes = new Uint8Array(785 * 2);
    bytes[1] = 10;
    assert.throws(() => decodeShard(bytes), /label 10 of image 1 is not a class 0\.\.9/);
  });
});

describe("inflateIfGzipped, sha256Hex, concatDatasets", () => {
  it("inflates gzip data and passes through bytes without the gzip magic", async () => {
    const raw = Uint8Array.from({length: 5000}, (_, i) => i % 7);
    assert.deepEqual(await inflateIfGzipped(arrayBuffer(gzipSync(raw))), raw);
    assert.deepEqual(await inflateIfGzipped(raw), raw);
  });

  it("rejects corrupt gzip data", async () => {
    const bad = new Uint8Array(gzipSync(new Uint8Array(100)));
    bad.fill(0xff, 10, 20);
    await assert.rejects(inflateIfGzipped(bad));
  });

  it("computes lower-case hex SHA-256 (the FIPS 180-2 'abc' vector, and agrees with node:crypto)", async () => {
    assert.equal(
      await sha256Hex(new TextEncoder().encode("abc")),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    const bytes = built.files[0]?.bytes ?? new Uint8Array();
    assert.equal(await sha256Hex(arrayBuffer(bytes)), createHash("sha256").update(bytes).digest("hex"));
  });

  it("concatenates datasets in order", () => {
    same(concatDatasets([sliceDataset(train, 0, 4), sliceDataset(train, 4, 25)]), train);
    same(concatDatasets([]), {count: 0, labels: new Uint8Array(), images: new Uint8Array()});
    const only = sliceDataset(train, 0, 3);
    assert.equal(concatDatasets([only]), only);
  });
});

describe("trainFilesFor", () => {
  const names = (n: number) => trainFilesFor(built.manifest, n).map((f) => f.name);

  it("lists only the shards that hold the first trainImages images", () => {
    assert.deepEqual(names(1), ["train-0.bin.gz"]);
    assert.deepEqual(names(10), ["train-0.bin.gz"]);
    assert.deepEqual(names(11), ["train-0.bin.gz", "train-1.bin.gz"]);
    assert.deepEqual(names(25), ["train-0.bin.gz", "train-1.bin.gz", "train-2.bin.gz"]);
  });

  it("rejects 0, more than the train set, and non-integers", () => {
    for (const n of [0, 26, 1.5]) assert.throws(() => names(n), /trainImages must be an integer in 1\.\.25/);
  });
});

describe("loadFashion", () => {
  const manifest = built.manifest;

  it("fetches only the train shards needed plus the test file, and returns exactly trainImages", async () => {
    const {fetched, fetchFile} = server();
    const progress: LoadProgress[] = [];
    const result = await loadFashion({
      manifest,
      fetchFile,
      trainImages: 12,
      onProgress: (p) => progress.push(p)
    });
    assert.deepEqual([...fetched].sort(), ["test.bin.gz", "train-0.bin.gz", "train-1.bin.gz"]);
    same(result.train, sliceDataset(train, 0, 12));
    same(result.test, test);
    assert.equal(result.verified, true);
    const bytesTotal = ["train-0.bin.gz", "train-1.bin.gz", "test.bin.gz"]
      .map((name) => manifest.files.find((f) => f.name === name)?.bytes ?? 0)
      .reduce((a, b) => a + b);
    assert.deepEqual(progress[0], {filesDone: 0, filesTotal: 3, bytesDone: 0, bytesTotal, file: null});
    assert.deepEqual(
      progress.map((p) => p.filesDone),
      [0, 1, 2, 3]
    );
    assert.equal(progress.at(-1)?.bytesDone, bytesTotal);
  });

  it("rejects a corrupted file, naming it and both digests", async () => {
    const {fetchFile} = server((name, bytes) => {
      if (name !== "train-1.bin.gz") return bytes;
      const copy = bytes.slice();
      const at = copy.length - 20;
      copy[at] = (copy[at] ?? 0) ^ 1;
      return copy;
    });
    await assert.rejects(
      loadFashion({manifest, fetchFile, trainImages: 20}),
      /train-1\.bin\.gz is corrupted: sha256 of the gzipped bytes is [0-9a-f]{64}, the manifest says [0-9a-f]{64}/
    );
  });

  it("accepts files a server already inflated, checking them against the inflated digest", async () => {
    const {fetchFile} = server((_name, bytes) => new Uint8Array(gunzipSync(bytes)));
    const result = await loadFashion({manifest, fetchFile, trainImages: 25});
    same(result.train, train);
    const corrupt = server((_name, bytes) => {
      const raw = new Uint8Array(gunzipSync(bytes));
      raw[0] = (raw[0] ?? 0) ^ 1;
      return raw;
    });
    await assert.rejects(
      loadFashion({manifest, fetchFile: corrupt.fetchFile, trainImages: 1}),
      /sha256 of the inflated bytes/
    );
  });

  it("reuses decoded files from the cache when the reader asks for more images", async () => {
    const cache = new Map<string, DatasetBuffers>();
    const first = server();
    await loadFashion({manifest, fetchFile: first.fetchFile, trainImages: 5, cache});
    const second = server();
    const result = await loadFashion({manifest, fetchFile: second.fetchFile, trainImages: 25, cache});
    assert.deepEqual([...second.fetched].sort(), ["train-1.bin.gz", "train-2.bin.gz"]);
    same(result.train, train);
  });

  it("rejects a manifest whose count disagrees with the file, and an unknown format version", async () => {
    const wrongCount: FashionManifest = {
      ...manifest,
      files: manifest.files.map((f) => (f.name === "test.bin.gz" ? {...f, count: 8} : f))
    };
    await assert.rejects(
      loadFashion({manifest: wrongCount, fetchFile: server().fetchFile, trainImages: 1}),
      /test\.bin\.gz: holds 7 images .* the manifest says 8/
    );
    const future = {...manifest, formatVersion: 2} as unknown as FashionManifest;
    await assert.rejects(
      loadFashion({manifest: future, fetchFile: server().fetchFile, trainImages: 1}),
      /manifest has format 2, this page reads 1/
    );
  });

  it("passes on a fetch failure", async () => {
    const fetchFile = async () => Promise.reject(new Error("HTTP 404 for train-0.bin.gz"));
    await assert.rejects(loadFashion({manifest, fetchFile, trainImages: 1}), /HTTP 404 for train-0\.bin\.gz/);
  });
});
