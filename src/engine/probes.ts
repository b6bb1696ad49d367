import * as tf from "@tensorflow/tfjs-core";
import type {Activation} from "./activations.js";
import {GRAD_LOG10_BINS, WEIGHT_BINS} from "./bins.js";
import {histogram, log10Abs} from "./histogram.js";
import type {LayerProbe} from "./types.js";

/** Per layer: gradNorm, weightNorm, relativeChange, updateRatio, activation mean, std, saturation; then histograms. */
const SCALARS = 7;
export const PROBE_LENGTH = SCALARS + WEIGHT_BINS.count + GRAD_LOG10_BINS.count;

export interface LayerProbeInputs {
  weights: tf.Tensor;
  weightGradient: tf.Tensor;
  initialWeights: tf.Tensor;
  weightsBeforeStep: tf.Tensor;
  /** The activation output following this layer, or null for the output layer. */
  hidden: tf.Tensor2D | null;
}

/** ‖a − b‖ / ‖b‖, as 0 when b = 0 (a layer initialised to zeros has no scale to compare to). */
function relativeDistance(a: tf.Tensor, b: tf.Tensor): tf.Scalar {
  const scale = tf.norm(b);
  return tf.where(
    tf.greater(scale, 0),
    tf.div(tf.norm(tf.sub(a, b)), scale),
    tf.zerosLike(scale)
  ) as tf.Scalar;
}

/** All probes of one layer packed into a vector of PROBE_LENGTH, so a snapshot needs one readback. */
export function packLayerProbe(inputs: LayerProbeInputs, fn: Activation | null): tf.Tensor1D {
  const {weights, weightGradient, hidden} = inputs;
  const zero = tf.scalar(0);
  const moments = hidden ? tf.moments(hidden) : null;
  const scalars = tf.stack([
    tf.norm(weightGradient),
    tf.norm(weights),
    relativeDistance(weights, inputs.initialWeights),
    relativeDistance(weights, inputs.weightsBeforeStep),
    moments ? moments.mean : zero,
    moments ? tf.sqrt(moments.variance) : zero,
    hidden && fn ? fn.saturation(hidden) : zero
  ]) as tf.Tensor1D;
  return tf.concat([
    scalars,
    histogram(weights, WEIGHT_BINS),
    histogram(log10Abs(weightGradient), GRAD_LOG10_BINS)
  ]);
}

/** Reads one layer's probes back out of the packed vector (inverse of packLayerProbe). */
export function unpackLayerProbe(
  values: Float32Array,
  offset: number,
  name: string,
  hasActivation: boolean
): LayerProbe {
  const at = (i: number) => values[offset + i]!;
  const weightStart = offset + SCALARS;
  const gradStart = weightStart + WEIGHT_BINS.count;
  return {
    name,
    gradNorm: at(0),
    weightNorm: at(1),
    relativeChange: at(2),
    updateRatio: at(3),
    activation: hasActivation ? {mean: at(4), std: at(5), saturation: at(6)} : null,
    weightHistogram: Array.from(values.subarray(weightStart, gradStart)),
    gradHistogram: Array.from(values.subarray(gradStart, gradStart + GRAD_LOG10_BINS.count))
  };
}
