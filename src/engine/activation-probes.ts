import * as tf from "@tensorflow/tfjs-core";
import type {Activation} from "./activations.js";
import {ACTIVATION_BINS, PREACTIVATION_PERCENTILES} from "./bins.js";
import {histogram} from "./histogram.js";

/** Packed: mean φ′, then one value per percentile of z. */
export const ACTIVATION_SCALARS = 1 + PREACTIVATION_PERCENTILES.length;

/**
 * Entries of z the percentiles are taken from: the first rows of the batch (whole rows, at least one), because
 * the sort (tf.topk) of all 512 × 128 entries costs ~16 ms per layer on wasm, and of 2048 under 1 ms
 * (measured). The batch is shuffled, so these rows are a random sample of examples; the 15th percentile of
 * 2048 draws has a standard error of about 0.03 standard deviations, below what the chart shows.
 */
export const PERCENTILE_SAMPLE = 2048;

/**
 * Percentiles (fractions in [0, 1]) of all entries of `values`, by linear interpolation between the order
 * statistics, as numpy.percentile's default: v_(p(N−1)) with v sorted ascending. One sort (tf.topk) on the
 * backend; only the interpolation weights are known in advance.
 */
export function percentiles(values: tf.Tensor, ps: readonly number[]): tf.Tensor1D {
  return tf.tidy(() => {
    const n = values.size;
    // topk sorts descending: ascending rank i sits at position n − 1 − i.
    const {values: sorted, indices} = tf.topk(tf.reshape(values, [-1]), n);
    indices.dispose();
    const positions = ps.map((p) => p * (n - 1));
    const lower = positions.map((x) => Math.floor(x));
    const at = (ranks: number[]) =>
      tf.gather(
        sorted,
        tf.tensor1d(
          ranks.map((r) => n - 1 - r),
          "int32"
        )
      );
    const low = at(lower);
    const high = at(lower.map((r) => Math.min(r + 1, n - 1)));
    const fraction = tf.tensor1d(positions.map((x, i) => x - lower[i]!));
    return tf.add(low, tf.mul(tf.sub(high, low), fraction)) as tf.Tensor1D;
  });
}

/**
 * Mean over the batch and units of the derivative a gradient meets at this activation: Σ over a unit's pieces
 * of ∂h/∂z, from the registry's own backward pass with ∂L/∂h = 1. For an elementwise φ that is the mean of
 * φ′(z); for maxout exactly 1 (the winning piece passes the gradient unchanged, the other gets 0).
 */
export function meanDerivative(z: tf.Tensor2D, h: tf.Tensor2D, fn: Activation): tf.Scalar {
  return tf.tidy(() => tf.div(tf.sum(fn.backward(tf.onesLike(h), z, h)), h.size));
}

/**
 * The activation probes of one hidden layer, [mean φ′, percentiles of z…, histogram of h on ACTIVATION_BINS…]:
 * z is what enters the activation (after normalization, if any), h what leaves it.
 */
export function packActivationProbes(z: tf.Tensor2D, h: tf.Tensor2D, fn: Activation): tf.Tensor1D {
  return tf.tidy(() => {
    const [batch, units] = z.shape;
    const rows = Math.max(1, Math.min(batch, Math.floor(PERCENTILE_SAMPLE / units)));
    // The first rows by gather, not tf.slice: the wasm backend's Slice kernel first copies the whole of z out of
    // its heap into a new array (256 KB per layer; in chromium the pages of a new array fault on first write:
    // about 0.2 s of a default run). Gather reads only its indices.
    const sample = rows === batch ? z : tf.gather(z, tf.range(0, rows, 1, "int32"));
    return tf.concat([
      tf.reshape(meanDerivative(z, h, fn), [1]),
      percentiles(sample, PREACTIVATION_PERCENTILES),
      histogram(h, ACTIVATION_BINS)
    ]);
  });
}

/** The length packActivationProbes returns (the output layer packs zeros of this length). */
export const ACTIVATION_PROBE_LENGTH = ACTIVATION_SCALARS + ACTIVATION_BINS.count;
