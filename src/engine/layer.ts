import type * as tf from "@tensorflow/tfjs-core";

/** A trainable tensor. `trainable: false` freezes it: no gradient is computed for it and no update applied. */
export interface Param {
  name: string;
  value: tf.Variable;
  trainable: boolean;
}

/** State a layer keeps that is not trained by gradients (BatchNorm's running mean and variance). */
export interface Buffer {
  name: string;
  value: tf.Variable;
}

/**
 * train: batch statistics, and layers may update their buffers (BatchNorm's running statistics);
 * probe: batch statistics, nothing updated (a forward and backward pass that only measures);
 * eval:  running statistics, nothing updated.
 */
export type Mode = "train" | "probe" | "eval";

/**
 * The backward pass of one forward call: given g = ∂L/∂y it returns ∂L/∂x (null when the caller does not need
 * it: nothing trainable lies below) and ∂L/∂p for each of the layer's params, in order, null for a frozen param
 * (its gradient is never computed).
 */
export type Backward = (
  dy: tf.Tensor2D,
  needInputGradient: boolean
) => {dx: tf.Tensor2D | null; grads: (tf.Tensor | null)[]};

/**
 * A layer with a hand-written backward pass. Writing backward passes by hand (rather than tf.grad) lets every
 * matMul run untransposed, which is ~10× faster on the wasm backend, and lets layers rewrite their gradient
 * (gradient normalisation) or keep state (BatchNorm's running statistics) without touching the loop.
 * Tensors a forward call creates belong to the caller's tf.tidy scope; params and buffers belong to the layer.
 */
export interface Layer {
  readonly name: string;
  readonly params: readonly Param[];
  readonly buffers: readonly Buffer[];
  forward(x: tf.Tensor2D, mode: Mode): {y: tf.Tensor2D; backward: Backward};
  dispose(): void;
}

/** Frees every param and buffer of a layer. */
export function disposeLayer(layer: Pick<Layer, "params" | "buffers">): void {
  for (const p of layer.params) p.value.dispose();
  for (const b of layer.buffers) b.value.dispose();
}
