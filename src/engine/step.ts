import * as tf from "@tensorflow/tfjs-core";
import {softmaxCrossEntropy} from "./loss.js";
import type {Sequential} from "./model.js";
import type {Optimizer} from "./optimizer.js";
import {packLayerProbe} from "./probes.js";

export interface Batch {
  x: tf.Tensor2D;
  /** One-hot targets. */
  y: tf.Tensor2D;
}

export interface StepOptions {
  /** Apply the update (false for the step-0 snapshot: gradient at initialisation, weights untouched). */
  update: boolean;
  /** Initial weights of each dense layer; when given, the step also packs every layer's probes. */
  initialWeights: readonly tf.Tensor[] | null;
}

export interface StepResult {
  /** [Σ losses over the batch, correct predictions]. */
  totals: tf.Tensor1D;
  /** Concatenated probes of every dense layer (input side first), or null when not probing. */
  probes: tf.Tensor1D | null;
}

/**
 * One SGD step: forward, hand-written backward, update; all intermediates are freed by tidy, and only the
 * returned tensors outlive it. Nothing is read back here: the loop decides when to pay for a transfer.
 */
export function trainStep(
  model: Sequential,
  optimizer: Optimizer,
  batch: Batch,
  options: StepOptions
): StepResult {
  return tf.tidy(() => {
    const pass = model.forward(batch.x, "train");
    const {lossSum, correct, dLogits} = softmaxCrossEntropy(pass.logits, batch.y);
    const grads = pass.backward(dLogits);
    const initial = options.initialWeights;
    // A clone shares the pre-update buffer; assign() gives the variable a new one, so this stays W_{t−1}.
    const before = initial ? model.dense.map((layer) => tf.clone(layer.weights)) : [];
    if (options.update) optimizer.apply(model.params, grads);
    const totals = tf.stack([lossSum, correct]) as tf.Tensor1D;
    if (!initial) return {totals, probes: null} as unknown as tf.TensorContainerObject;
    const probes = model.dense.map((layer, i) =>
      packLayerProbe(
        {
          weights: layer.weights,
          weightGradient: grads[model.params.indexOf(layer.params[0]!)]!,
          initialWeights: initial[i]!,
          weightsBeforeStep: before[i]!,
          hidden: pass.hidden[i] ?? null
        },
        model.activations[i]?.fn ?? null
      )
    );
    return {totals, probes: tf.concat(probes)};
  }) as unknown as StepResult;
}
