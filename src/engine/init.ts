import {normalSamples, type Random} from "./random.js";
import type {InitConfig} from "./types.js";

export interface DenseInit {
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * Initial weights (fanIn × fanOut, row-major) and biases of a dense layer, drawn in JavaScript from a seeded
 * source so that every backend starts from the same numbers.
 *   pytorch-default: W, b ~ U(−1/√fanIn, 1/√fanIn) (nn.Linear's kaiming_uniform with a = √5 reduces to this);
 *   normal:          W ~ N(0, std²), b = 0.
 */
export function initDense(fanIn: number, fanOut: number, init: InitConfig, random: Random): DenseInit {
  const size = fanIn * fanOut;
  if (init.kind === "normal") {
    const weights = normalSamples(size, random);
    for (let i = 0; i < size; i++) weights[i] = weights[i]! * init.std;
    return {weights, bias: new Float32Array(fanOut)};
  }
  const bound = 1 / Math.sqrt(fanIn);
  const uniform = (n: number) => Float32Array.from({length: n}, () => (2 * random() - 1) * bound);
  return {weights: uniform(size), bias: uniform(fanOut)};
}
