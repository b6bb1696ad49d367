// Turning per-class image lists into the train and test sets the pages fetch.
// Split convention (study.md): per class, the first `train` valid images are train, the next `test` are test.
// Both sets are then shuffled with fixed seeds, so that any prefix of the train set (a page may load only the
// first 10,000-image shard) is a class-balanced random sample, and every build gives identical bytes.

import {permutation, seededRandom} from "../src/engine/random.js";
import type {DatasetBuffers} from "../src/engine/types.js";
import {CLASS_NAMES, IMAGE_PIXELS} from "./validate.js";

/** Images per class in each split. */
export interface SplitPlan {
  train: number;
  test: number;
}

export const PACKAGE_PLAN: SplitPlan = {train: 6000, test: 1000};

/**
 * classes[label] holds that class's valid images in source order (count × 784 bytes). Throws when a class
 * has fewer images than the plan needs; extra images beyond train + test are left out.
 */
export function splitPerClass(
  classes: readonly Uint8Array[],
  plan: SplitPlan
): {train: DatasetBuffers; test: DatasetBuffers} {
  const need = plan.train + plan.test;
  classes.forEach((pixels, label) => {
    const have = pixels.length / IMAGE_PIXELS;
    if (have < need) {
      throw new Error(
        `class ${label} (${CLASS_NAMES[label] ?? "unknown"}) has ${have} valid images; the split needs ${need} ` +
          `(${plan.train} train + ${plan.test} test)`
      );
    }
  });
  const train = emptyDataset(classes.length * plan.train);
  const test = emptyDataset(classes.length * plan.test);
  classes.forEach((pixels, label) => {
    const at = (n: number) => n * IMAGE_PIXELS;
    train.images.set(pixels.subarray(0, at(plan.train)), at(label * plan.train));
    train.labels.fill(label, label * plan.train, (label + 1) * plan.train);
    test.images.set(pixels.subarray(at(plan.train), at(need)), at(label * plan.test));
    test.labels.fill(label, label * plan.test, (label + 1) * plan.test);
  });
  return {train, test};
}

/** A copy of the dataset in the order of a seeded permutation (mulberry32 + Fisher–Yates, engine/random). */
export function shuffleDataset(data: DatasetBuffers, seed: number): DatasetBuffers {
  const order = permutation(data.count, seededRandom(seed));
  const out = emptyDataset(data.count);
  order.forEach((from, to) => {
    out.labels[to] = data.labels[from] ?? 0;
    out.images.set(data.images.subarray(from * IMAGE_PIXELS, (from + 1) * IMAGE_PIXELS), to * IMAGE_PIXELS);
  });
  return out;
}

/** Images per label, for labels 0..classCount−1. */
export function countPerClass(data: DatasetBuffers, classCount = CLASS_NAMES.length): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (const label of data.labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

export function emptyDataset(count: number): DatasetBuffers {
  return {images: new Uint8Array(count * IMAGE_PIXELS), labels: new Uint8Array(count), count};
}
