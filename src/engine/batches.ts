import * as tf from "@tensorflow/tfjs-core";
import {CLASS_COUNT, INPUT_SIZE} from "./model.js";
import {permutation, type Random} from "./random.js";
import type {Batch} from "./step.js";
import {Scratch} from "./scratch.js";
import {registerTranspose} from "./transpose.js";
import type {DatasetBuffers} from "./types.js";

/**
 * The study's split of the training images into fit and validation sets: a seeded permutation of the first
 * `trainSize` images, the first round(trainSize · fraction) of it held out.
 */
export function splitFitValidation(
  trainSize: number,
  fraction: number,
  random: Random
): {fit: Uint32Array; validation: Uint32Array} {
  const order = permutation(trainSize, random);
  const held = Math.round(trainSize * fraction);
  return {validation: order.subarray(0, held), fit: order.subarray(held)};
}

/** Number of batches in one pass over n examples; the last batch may be smaller (PyTorch's drop_last=False). */
export function batchesPerEpoch(n: number, batchSize: number): number {
  return Math.ceil(n / batchSize);
}

/** Pixel value v ∈ 0..255 as the network sees it, v / 255 in float32: a lookup instead of a division per pixel. */
const PIXEL_SCALE = Float32Array.from({length: 256}, (_, value) => value / 255);

// The arrays batches are written in, shared by every caller: makeBatch fills them and makes its tensors in one
// synchronous call, so no other batch can write them in between (see scratch.ts for when they are reused).
const pixelScratch = new Scratch();
const targetScratch = new Scratch();
const columnScratch = new Scratch();

/**
 * Builds a batch from the bytes in JavaScript: pixels scaled to [0, 1] (the study does no mean/std
 * normalisation) and one-hot targets. Assembling on the host keeps the dataset off the backend (47 MB as
 * bytes rather than 188 MB as floats) and costs ~1 ms for 512 images. With `withTranspose` it also writes xᵀ,
 * which the first layer's weight gradient needs (see transpose.ts); free it with disposeBatch.
 */
export function makeBatch(data: DatasetBuffers, indices: ArrayLike<number>, withTranspose = false): Batch {
  const n = indices.length;
  const {images, labels} = data;
  const pixels = pixelScratch.take(n * INPUT_SIZE, false);
  const targets = targetScratch.take(n * CLASS_COUNT, true);
  for (let row = 0; row < n; row++) {
    const source = indices[row]!;
    const from = source * INPUT_SIZE;
    const to = row * INPUT_SIZE;
    for (let j = 0; j < INPUT_SIZE; j++) pixels[to + j] = PIXEL_SCALE[images[from + j]!]!;
    targets[row * CLASS_COUNT + labels[source]!] = 1;
  }
  const x = tf.tensor2d(pixels, [n, INPUT_SIZE]);
  const batch: Batch = {x, y: tf.tensor2d(targets, [n, CLASS_COUNT])};
  if (withTranspose) {
    const columns = columnScratch.take(n * INPUT_SIZE, false);
    for (let row = 0; row < n; row++) {
      const from = row * INPUT_SIZE;
      for (let j = 0; j < INPUT_SIZE; j++) columns[j * n + row] = pixels[from + j]!;
    }
    batch.xT = tf.tensor2d(columns, [INPUT_SIZE, n]);
    registerTranspose(x, batch.xT);
  }
  return batch;
}

export function disposeBatch(batch: Batch): void {
  tf.dispose([batch.x, batch.y, ...(batch.xT ? [batch.xT] : [])]);
}

/** Consecutive index ranges of at most `size` over `indices`. */
export function* chunks(indices: Uint32Array, size: number): Generator<Uint32Array> {
  for (let start = 0; start < indices.length; start += size) yield indices.subarray(start, start + size);
}

export function range(n: number): Uint32Array {
  return Uint32Array.from({length: n}, (_, i) => i);
}
