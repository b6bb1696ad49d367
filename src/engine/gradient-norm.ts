// Rewriting the gradient on its way back: the registry of kinds, the study's gradient-normalizing layer
// (experiment 9) and Yu et al.'s (2017) block-normalized gradient.
import * as tf from "@tensorflow/tfjs-core";
import type {Backward, Layer, Mode} from "./layer.js";
import {validateStrategy, type Registry} from "./options.js";
import type {GradientNormConfig, GradientNormKind} from "./types.js";

export const GRADIENT_NORMS = {
  none: {
    label: "None",
    description: "Gradients reach the optimizer as backpropagation computes them.",
    options: {}
  },
  study: {
    label: "Normalize backward (the study's)",
    description:
      "An identity layer after each hidden activation whose backward pass maps g → (g − mean g)/(std g + ε) " +
      "over the whole batch's gradient.",
    options: {eps: {label: "ε", min: 0, max: 1, minOpen: true, default: 1e-6, scale: "log"}}
  },
  block: {
    label: "Block-normalized",
    description:
      "Each layer's parameter gradient divided by its norm before the optimizer step: g_l / (‖g_l‖ + ε) " +
      "(Yu et al. 2017).",
    // Vanishing gradients of early layers can have norms of 1e-8 and below: ε must sit far under them.
    options: {eps: {label: "ε", min: 0, max: 1, minOpen: true, default: 1e-12, scale: "log"}}
  }
} satisfies Registry<GradientNormKind>;

/**
 * The study's experiment 9: an identity in the forward pass (every mode) whose backward pass replaces the
 * incoming gradient g: [B, n] by
 *   ∂x = (g − mean g) / (std g + ε),
 * mean and UNBIASED std (torch.std) over the WHOLE tensor, all B·n entries, no params.
 * The result is invariant to the scale of g, so it also removes the 1/B factor of the mean loss: with the
 * study's B = 512, gradients below such a layer are hundreds of times larger than the baseline's (and each
 * layer's gradient is about unit-scale whatever the depth) — compare magnitudes with that in mind.
 */
export class GradientNormLayer implements Layer {
  readonly params = [];
  readonly buffers = [];

  constructor(
    readonly name: string,
    readonly eps: number
  ) {}

  forward(x: tf.Tensor2D, _mode?: Mode): {y: tf.Tensor2D; backward: Backward} {
    // A clone shares x's data: no copy, but a caller may dispose y and x independently.
    const y = tf.clone(x);
    const backward: Backward = (g, needInputGradient) => {
      if (!needInputGradient) return {dx: null, grads: []};
      const centred = tf.sub(g, tf.mean(g));
      const std = tf.sqrt(tf.div(tf.sum(tf.square(centred)), g.size - 1));
      return {dx: tf.div(centred, tf.add(std, this.eps)) as tf.Tensor2D, grads: []};
    };
    return {y, backward};
  }

  dispose(): void {}
}

/**
 * The layer that kind "study" inserts after each hidden activation; null for the other kinds ("block" acts on
 * parameter gradients, see blockNormalize). The config is validated against GRADIENT_NORMS first.
 */
export function createGradientNormLayer(config: GradientNormConfig, name: string): Layer | null {
  validateStrategy("gradientNorm", GRADIENT_NORMS, config);
  switch (config.kind) {
    case "none":
    case "block":
      return null;
    case "study":
      return new GradientNormLayer(name, config.eps);
    default: {
      const unknown: never = config;
      throw new Error(`unknown gradient normalization ${String((unknown as {kind: unknown}).kind)}`);
    }
  }
}

/**
 * Kind "block" (Yu et al. 2017, block-normalized gradient): given every parameter gradient of ONE layer (e.g.
 * [∂W, ∂b]), returns each divided by (‖g_l‖ + ε), where ‖g_l‖ = √(Σ g²) over all entries of all of them — one
 * joint norm per layer, so W and b keep their relative sizes and the layer's whole step has norm ≈ 1.
 * Pure tensor ops, nothing read back; intermediates are freed, the results belong to the caller.
 * Σ g² is summed in float32: below a norm of ~1e-19 it turns denormal and then underflows to 0, so such a block
 * is divided by about ε instead; with the default ε = 1e-12 it would be divided by about ε anyway.
 */
export function blockNormalize(grads: readonly tf.Tensor[], eps: number): tf.Tensor[] {
  if (grads.length === 0) return [];
  return tf.tidy(() => {
    const sumOfSquares = tf.addN(grads.map((g) => tf.sum(tf.square(g))));
    const scale = tf.reciprocal(tf.add(tf.sqrt(sumOfSquares), eps));
    return grads.map((g) => tf.mul(g, scale));
  });
}
