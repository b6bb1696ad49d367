import * as tf from "@tensorflow/tfjs-core";
import {CLASS_COUNT, INPUT_SIZE} from "./model.js";
import {permutation, type Random} from "./random.js";
import type {Batch} from "./step.js";
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

/**
 * Builds a batch from the bytes in JavaScript: pixels scaled to [0, 1] (the study does no mean/std
 * normalisation) and one-hot targets. Assembling on the host keeps the dataset off the backend (47 MB as
 * bytes rather than 188 MB as floats) and costs ~1 ms for 512 images. With `withTranspose` it also writes xᵀ,
 * which the first layer's weight gradient needs (see transpose.ts); free it with disposeBatch.
 */
export function makeBatch(data: DatasetBuffers, indices: ArrayLike<number>, withTranspose = false): Batch {
  const n = indices.length;
  const pixels = new Float32Array(n * INPUT_SIZE);
  const targets = new Float32Array(n * CLASS_COUNT);
  for (let row = 0; row < n; row++) {
    const source = indices[row]!;
    const offset = source * INPUT_SIZE;
    for (let j = 0; j < INPUT_SIZE; j++) pixels[row * INPUT_SIZE + j] = data.images[offset + j]! / 255;
    targets[row * CLASS_COUNT + data.labels[source]!] = 1;
  }
  const x = tf.tensor2d(pixels, [n, INPUT_SIZE]);
  const batch: Batch = {x, y: tf.tensor2d(targets, [n, CLASS_COUNT])};
  if (withTranspose) {
    const columns = new Float32Array(n * INPUT_SIZE);
    for (let j = 0; j < INPUT_SIZE; j++)
      for (let row = 0; row < n; row++) columns[j * n + row] = pixels[row * INPUT_SIZE + j]!;
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
