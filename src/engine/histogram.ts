import * as tf from "@tensorflow/tfjs-core";
import type {Bins} from "./types.js";

/**
 * Counts of `values` on fixed bins, computed on the backend: bin i holds min + i·w ≤ v < min + (i+1)·w with
 * w = (max − min)/count; values below or above the range (and −∞) are clamped into the end bins.
 */
export function histogram(values: tf.Tensor, bins: Bins): tf.Tensor1D {
  const width = (bins.max - bins.min) / bins.count;
  const position = tf.floor(tf.div(tf.sub(tf.reshape(values, [-1]), bins.min), width));
  const index = tf.cast(tf.clipByValue(position, 0, bins.count - 1), "int32") as tf.Tensor1D;
  return tf.bincount(index, tf.tensor1d([], "float32"), bins.count);
}

/** log10 |x|, elementwise; exact zeros give −∞, which histogram() puts in the first bin. */
export function log10Abs(x: tf.Tensor): tf.Tensor {
  return tf.div(tf.log(tf.abs(x)), Math.LN10);
}
