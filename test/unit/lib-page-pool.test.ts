// pagePool: the URL switches a live page's pool takes (?worker=, ?backend=) and the notices for bad values.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {pagePool} from "../../src/lib/page-pool.js";
import type {FashionManifest} from "../../src/lib/fashion-data.js";

const manifest = {counts: {train: 60000, test: 10000}} as FashionManifest;
const storage = null;

describe("pagePool", () => {
  it("trains in workers by default and on the page's thread with ?worker=0", () => {
    assert.equal(pagePool(manifest, {}, "", storage).pool.view.thread, "worker");
    const {pool, problems} = pagePool(manifest, {}, "?worker=0", storage);
    assert.deepEqual(
      [pool.view.thread, pool.view.threadNote, problems],
      ["page", "?worker=0 asks for the page's thread", []]
    );
  });

  it("falls back to workers with a notice for an unknown ?worker= value", () => {
    const {pool, problems} = pagePool(manifest, {}, "?worker=maybe", storage);
    assert.equal(pool.view.thread, "worker");
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /worker/);
  });
});
