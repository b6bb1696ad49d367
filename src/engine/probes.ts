import * as tf from "@tensorflow/tfjs-core";
import {ACTIVATION_PROBE_LENGTH, ACTIVATION_SCALARS, packActivationProbes} from "./activation-probes.js";
import type {Activation} from "./activations.js";
import {ACTIVATION_BINS, GRAD_LOG10_BINS, PREACTIVATION_PERCENTILES, WEIGHT_BINS} from "./bins.js";
import {histogram, log10Abs} from "./histogram.js";
import type {LayerProbe} from "./types.js";

/**
 * Per layer: gradNorm, weightNorm, relativeChange, updateRatio, activation mean, std, saturation; then the
 * weight and gradient histograms; then the activation probes (activation-probes.ts; zeros for the output layer);
 * then the weight gradient's norm before and after gradient normalization (zeros without it).
 */
const SCALARS = 7;
const NORMALIZED_GRADIENT = 2;
const NORMALIZED_AT = SCALARS + WEIGHT_BINS.count + GRAD_LOG10_BINS.count + ACTIVATION_PROBE_LENGTH;
export const PROBE_LENGTH = NORMALIZED_AT + NORMALIZED_GRADIENT;

export interface LayerProbeInputs {
  weights: tf.Tensor;
  /** Null while the layer is frozen: no gradient was computed (its norm and histogram read as zeros). */
  weightGradient: tf.Tensor | null;
  initialWeights: tf.Tensor;
  weightsBeforeStep: tf.Tensor;
  /** The activation that follows this layer: its input z and output h on the batch; null for the output layer. */
  activation: {z: tf.Tensor2D; h: tf.Tensor2D; fn: Activation} | null;
  /**
   * With gradient normalization: the weight gradient of plain backpropagation (the true ∂L/∂W) and the one the
   * optimizer receives; null without it, and either is null while the layer is frozen.
   */
  normalizedGradient?: {before: tf.Tensor | null; after: tf.Tensor | null} | null;
}

/**
 * The Euclidean norm √(Σ x²). Not tf.norm: for p = 2 it computes pow(|x|, 2), and pow is by far the slowest
 * kernel of a snapshot on the wasm backend (about 40% of the probes' time for the study's network).
 */
export function euclideanNorm(x: tf.Tensor): tf.Scalar {
  return tf.sqrt(tf.sum(tf.square(x))) as tf.Scalar;
}

/**
 * ‖a − b‖ / ‖b‖, as 0 when b = 0 (a layer initialised to zeros has no scale to compare to), and 0 without a kernel
 * when a and b are the same tensor (a probe at initialisation compares the weights with themselves).
 */
function relativeDistance(a: tf.Tensor, b: tf.Tensor): tf.Scalar {
  if (a === b) return tf.scalar(0);
  const scale = euclideanNorm(b);
  return tf.where(
    tf.greater(scale, 0),
    tf.div(euclideanNorm(tf.sub(a, b)), scale),
    tf.zerosLike(scale)
  ) as tf.Scalar;
}

/**
 * All probes of one layer packed into a vector of PROBE_LENGTH, so a snapshot needs one readback. Without
 * `detail` only the scalars and normalized-gradient norms are computed and the histograms and activation probes
 * are left as zeros, which unpackLayerProbe (told the same) leaves out: they are most of a probe's kernels.
 */
export function packLayerProbe(inputs: LayerProbeInputs, detail = true): tf.Tensor1D {
  const {weights, weightGradient, activation, normalizedGradient} = inputs;
  const zero = tf.scalar(0);
  const moments = activation ? tf.moments(activation.h) : null;
  const scalars = tf.stack([
    weightGradient ? euclideanNorm(weightGradient) : zero,
    euclideanNorm(weights),
    relativeDistance(weights, inputs.initialWeights),
    relativeDistance(weights, inputs.weightsBeforeStep),
    moments ? moments.mean : zero,
    moments ? tf.sqrt(moments.variance) : zero,
    activation ? activation.fn.saturation(activation.z, activation.h) : zero
  ]) as tf.Tensor1D;
  const normalizedNorms = tf.stack(
    [normalizedGradient?.before, normalizedGradient?.after].map((g) => (g ? euclideanNorm(g) : zero))
  ) as tf.Tensor1D;
  if (!detail) return tf.concat([scalars, tf.zeros([NORMALIZED_AT - SCALARS]), normalizedNorms]);
  return tf.concat([
    scalars,
    histogram(weights, WEIGHT_BINS),
    weightGradient ? histogram(log10Abs(weightGradient), GRAD_LOG10_BINS) : tf.zeros([GRAD_LOG10_BINS.count]),
    activation
      ? packActivationProbes(activation.z, activation.h, activation.fn)
      : tf.zeros([ACTIVATION_PROBE_LENGTH]),
    normalizedNorms
  ]);
}

/** What the decoder knows of a probed layer without reading it back. */
export interface ProbedLayer {
  name: string;
  hasActivation: boolean;
  trainable: boolean;
  /** The run normalizes gradients: its probes carry normalizedGradient (absent in runs without it). */
  gradientNormalized?: boolean;
  /** False: packed without detail (scalars only); the layer reads back with empty histograms. Default true. */
  detail?: boolean;
}

/** Reads one layer's probes back out of the packed vector (inverse of packLayerProbe). */
export function unpackLayerProbe(values: Float32Array, offset: number, layer: ProbedLayer): LayerProbe {
  const {name, hasActivation, trainable, gradientNormalized, detail = true} = layer;
  const at = (i: number) => values[offset + i]!;
  const weightStart = offset + SCALARS;
  const gradStart = weightStart + WEIGHT_BINS.count;
  const activationStart = gradStart + GRAD_LOG10_BINS.count;
  const percentilesAt = activationStart + 1;
  const histogramAt = activationStart + ACTIVATION_SCALARS;
  return {
    name,
    trainable,
    gradNorm: at(0),
    weightNorm: at(1),
    relativeChange: at(2),
    updateRatio: at(3),
    activation: !hasActivation
      ? null
      : !detail
        ? {mean: at(4), std: at(5), saturation: at(6)}
        : {
            mean: at(4),
            std: at(5),
            saturation: at(6),
            meanDerivative: values[activationStart]!,
            preactivationPercentiles: Array.from(
              values.subarray(percentilesAt, percentilesAt + PREACTIVATION_PERCENTILES.length)
            ),
            histogram: Array.from(values.subarray(histogramAt, histogramAt + ACTIVATION_BINS.count))
          },
    weightHistogram: detail ? Array.from(values.subarray(weightStart, gradStart)) : [],
    gradHistogram: detail ? Array.from(values.subarray(gradStart, gradStart + GRAD_LOG10_BINS.count)) : [],
    ...(gradientNormalized
      ? {normalizedGradient: {before: at(NORMALIZED_AT), after: at(NORMALIZED_AT + 1)}}
      : {})
  };
}
