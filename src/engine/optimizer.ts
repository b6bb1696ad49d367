import * as tf from "@tensorflow/tfjs-core";
import type {Param} from "./layer.js";
import type {OptimizerConfig} from "./types.js";

/** Applies one update to every trainable param given its gradient; keeps any state it needs (Adam's moments). */
export interface Optimizer {
  apply(params: readonly Param[], grads: readonly tf.Tensor[]): void;
  dispose(): void;
}

/** Plain SGD: p ← p − η ∂L/∂p. */
export function sgd(learningRate: number): Optimizer {
  return {
    apply(params, grads) {
      params.forEach((param, i) => {
        if (param.trainable) param.value.assign(tf.sub(param.value, tf.mul(grads[i]!, learningRate)));
      });
    },
    dispose() {}
  };
}

export function createOptimizer(config: OptimizerConfig): Optimizer {
  return sgd(config.learningRate);
}
