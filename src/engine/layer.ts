import type * as tf from "@tensorflow/tfjs-core";

/** A trainable tensor. `trainable: false` freezes it (staged training will use this). */
export interface Param {
  name: string;
  value: tf.Variable;
  trainable: boolean;
}

export type Mode = "train" | "eval";

/**
 * The backward pass of one forward call: given ∂L/∂y it returns ∂L/∂x (null when the caller does not need
 * it, e.g. for the first layer) and ∂L/∂p for each of the layer's params, in order.
 */
export type Backward = (
  dy: tf.Tensor2D,
  needInputGradient: boolean
) => {dx: tf.Tensor2D | null; grads: tf.Tensor[]};

/**
 * A layer with a hand-written backward pass. Writing backward passes by hand (rather than tf.grad) lets every
 * matMul run untransposed, which is ~10× faster on the wasm backend, and lets later layers rewrite their
 * gradient (gradient normalisation) or keep state (BatchNorm's running statistics) without touching the loop.
 * Tensors a forward call creates belong to the caller's tf.tidy scope.
 */
export interface Layer {
  readonly name: string;
  readonly params: readonly Param[];
  forward(x: tf.Tensor2D, mode: Mode): {y: tf.Tensor2D; backward: Backward};
  dispose(): void;
}
