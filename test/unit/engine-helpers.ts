import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import {BASELINE_CONFIG} from "../../src/engine/config.js";
import type {Backward, Layer, Mode} from "../../src/engine/layer.js";
import type {DatasetBuffers, TrainConfig} from "../../src/engine/types.js";

/** Engine tests run on the pure-JS cpu backend: deterministic and available everywhere. */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend("cpu");
  await tf.ready();
}

/** n deterministic pseudo-images whose class is visible in their brightness, so a model can learn it. */
export function syntheticDataset(n: number, offset = 0): DatasetBuffers {
  const images = new Uint8Array(n * 784);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const label = (i + offset) % 10;
    labels[i] = label;
    for (let j = 0; j < 784; j++) images[i * 784 + j] = (label * 25 + ((i * 31 + j * 17) % 23)) % 256;
  }
  return {images, labels, count: n};
}

/** A small, quick config (2 epochs of 5 steps on cpu) for loop tests. */
export function smallConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    ...BASELINE_CONFIG,
    depth: 3,
    width: 16,
    trainSize: 200,
    batchSize: 36,
    epochs: 2,
    snapshotEvery: 2,
    ...overrides
  };
}

export function smallData() {
  return {train: syntheticDataset(200), test: syntheticDataset(50, 3)};
}

/** The values of a tensor as plain numbers. */
export function read(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}

/** The result of one forward and backward call; its tensors are freed (a test reads only which are null). */
export function backwardResult(
  layer: Layer,
  shape: [number, number],
  mode: Mode,
  needInputGradient: boolean
) {
  let result: ReturnType<Backward> | undefined;
  tf.tidy(() => {
    const {y, backward} = layer.forward(tf.randomNormal(shape, 0, 1, "float32", 1), mode);
    result = backward(tf.onesLike(y), needInputGradient);
  });
  return result!;
}

export function assertClose(actual: number[], expected: number[], tolerance: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: size`);
  expected.forEach((e, i) => {
    assert.ok(Math.abs(actual[i]! - e) <= tolerance, `${what}[${i}]: got ${actual[i]}, expected ${e}`);
  });
}
