import * as tf from "@tensorflow/tfjs-core";

/**
 * Σ_rows x for x: [B, n], as the matrix product 1ᵀx with 1: [1, B]. On the wasm backend tf.sum(x, 0) first
 * transposes x so that the reduced axis is innermost; the product is a plain matMul and measured ~25× faster
 * for [512, 128] (0.4 ms against 0.016 ms), which matters for every bias gradient and batch statistic.
 */
export function sumRows(x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.reshape(tf.matMul(tf.ones([1, x.shape[0]]), x), [x.shape[1]]));
}

/** Mean over the rows (the batch) of x: [B, n] → [n]. */
export function meanRows(x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.div(sumRows(x), x.shape[0]));
}
