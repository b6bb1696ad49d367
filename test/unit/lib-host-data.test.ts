import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {createDataStore} from "../../src/lib/host-data.js";
import {TINY, TINY_URLS, tinyFetch} from "./lib-fixtures.js";

describe("createDataStore", () => {
  it("fetches only the shards a training set needs, then grows it in place", async () => {
    const {requested, fetchUrl} = tinyFetch();
    const store = createDataStore(TINY.manifest, TINY_URLS, fetchUrl);
    const first = await store.ensure(8);
    assert.deepEqual([first.train.count, first.test.count], [8, 7]);
    assert.deepEqual(requested.sort(), ["test.bin.gz", "train-0.bin.gz"]);
    const grown = await store.ensure(25);
    assert.equal(grown.train.count, 25);
    assert.deepEqual(requested.slice(2).sort(), ["train-1.bin.gz", "train-2.bin.gz"]);
    // The first images are the same ones, and one buffer holds all the training images.
    assert.deepEqual([...grown.train.labels.subarray(0, 8)], [...first.train.labels]);
    assert.equal(grown.train.images.length, 25 * 784);
  });

  it("keeps a single copy: once concatenated, the shards' cache entries point into the one buffer", async () => {
    const {requested, fetchUrl} = tinyFetch();
    const store = createDataStore(TINY.manifest, TINY_URLS, fetchUrl);
    const all = await store.ensure(25);
    const again = await store.ensure(12);
    assert.equal(again.train.images.buffer, all.train.images.buffer);
    assert.equal(requested.length, 4, "nothing fetched twice");
  });

  it("rejects with the file's name when a file is missing or corrupted", async () => {
    const store = createDataStore(
      TINY.manifest,
      {...TINY_URLS, "train-0.bin.gz": "https://site.test/gone"},
      tinyFetch().fetchUrl
    );
    await assert.rejects(store.ensure(5), /train-0\.bin\.gz: HTTP 404/);
    const corrupt = async () => new Response(new Uint8Array([0x1f, 0x8b, 1, 2, 3]));
    await assert.rejects(createDataStore(TINY.manifest, TINY_URLS, corrupt).ensure(5), /is corrupted/);
  });
});
