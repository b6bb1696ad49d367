// Batch arrays reused between batches only where the backend copies tensor values: wasm (which copies them into
// its heap) gets the same arrays again, cpu (which keeps them) gets new ones; either way every batch holds its
// own pixels, one-hot targets and transpose, however many batches were made after it.
import assert from "node:assert/strict";
import {after, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import {disposeBatch, makeBatch} from "../../src/engine/batches.js";
import {backendCopiesValues, Scratch, SCRATCH_MAX_LENGTH} from "../../src/engine/scratch.js";
import {syntheticDataset} from "./engine-helpers.js";

after(() => tf.setBackend("cpu"));

describe("backendCopiesValues", () => {
  it("is false on cpu (a tensor keeps its array) and true on wasm (values copied into its heap)", async () => {
    await tf.setBackend("cpu");
    assert.equal(backendCopiesValues(), false);
    await tf.setBackend("wasm");
    assert.equal(backendCopiesValues(), true);
  });
});

describe("Scratch", () => {
  it("hands out views of one buffer when reusable, zeroed when asked", () => {
    const scratch = new Scratch(() => true);
    const first = scratch.take(8, false);
    first.fill(5);
    const second = scratch.take(6, true);
    assert.equal(second.buffer, first.buffer);
    assert.deepEqual([...second], [0, 0, 0, 0, 0, 0]);
    assert.equal(first[7], 5, "zeroing covers only the length taken");
    const larger = scratch.take(9, false);
    assert.notEqual(larger.buffer, first.buffer, "a longer take grows the buffer");
    assert.equal(scratch.take(9, false).buffer, larger.buffer);
  });

  it("hands out new arrays when not reusable, or longer than SCRATCH_MAX_LENGTH", () => {
    const kept = new Scratch(() => false);
    assert.notEqual(kept.take(4, false).buffer, kept.take(4, false).buffer);
    const large = new Scratch(() => true);
    assert.notEqual(
      large.take(SCRATCH_MAX_LENGTH + 1, false).buffer,
      large.take(SCRATCH_MAX_LENGTH + 1, false).buffer
    );
  });
});

/** The batch of `indices` computed here from the bytes: pixels v/255 in float32, one-hot targets, xᵀ. */
function expected(data: ReturnType<typeof syntheticDataset>, indices: number[]) {
  const x = indices.map((i) =>
    Array.from(data.images.subarray(i * 784, (i + 1) * 784), (v) => Math.fround(v / 255))
  );
  const y = indices.map((i) => Array.from({length: 10}, (_, c) => (c === data.labels[i] ? 1 : 0)));
  const xT = Array.from({length: 784}, (_, j) => x.map((row) => row[j]!));
  return {x, y, xT};
}

for (const backend of ["cpu", "wasm"]) {
  describe(`makeBatch on ${backend}`, () => {
    it("leaves every earlier batch intact while later ones are made", async () => {
      await tf.setBackend(backend);
      const data = syntheticDataset(40);
      const picks = [
        [3, 14, 15, 9, 2],
        [26, 5, 35, 8, 9, 7, 1],
        [0, 39, 11]
      ];
      const batches = picks.map((indices) => makeBatch(data, Uint32Array.from(indices), true));
      try {
        batches.forEach((batch, k) => {
          const want = expected(data, picks[k]!);
          assert.deepEqual(batch.x.arraySync(), want.x, `x of batch ${k}`);
          assert.deepEqual(batch.y.arraySync(), want.y, `y of batch ${k}`);
          assert.deepEqual(batch.xT!.arraySync(), want.xT, `xT of batch ${k}`);
        });
      } finally {
        batches.forEach(disposeBatch);
      }
    });
  });
}
