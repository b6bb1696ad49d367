import * as tf from "@tensorflow/tfjs-core";
import type {Param} from "./layer.js";
import {softmaxCrossEntropy} from "./loss.js";
import type {ForwardPass, Network} from "./network.js";
import type {Optimizer} from "./optimizers.js";
import {packLayerProbe} from "./probes.js";

export interface Batch {
  x: tf.Tensor2D;
  /** One-hot targets. */
  y: tf.Tensor2D;
  /** xᵀ, when the batch was built with it (saves a transpose in the first layer's backward pass). */
  xT?: tf.Tensor2D;
}

/** Rewrites the parameter gradients before the optimizer sees them (block-normalized gradients). */
export type GradientTransform = (network: Network, grads: Map<Param, tf.Tensor>) => Map<Param, tf.Tensor>;

export interface StepOptions {
  /** Apply the update and let layers update their statistics; false measures only (mode "probe"). */
  update: boolean;
  /** Pack every probe point's probes as they are before the update (the step-0 "init" snapshot). */
  probeBefore: boolean;
  /** Pack every probe point's probes after the update. */
  probeAfter: boolean;
  /** Initial weights of each probed Dense layer; required when probing. */
  initialWeights: ReadonlyMap<Param, tf.Tensor>;
  /** Which probe points (by index in network.probes) get histograms and percentiles; default all. */
  detailed?: (probeIndex: number) => boolean;
}

export interface StepResult {
  /** [Σ losses over the batch, correct predictions]. */
  totals: tf.Tensor1D;
  /** Concatenated probes of every probe point (in the network's order), or null when not asked for. */
  before: tf.Tensor1D | null;
  after: tf.Tensor1D | null;
}

/** The gradients before and after gradient normalization, for the probes; null without it. */
type NormalizedGrads = {before: ReadonlyMap<Param, tf.Tensor>; after: ReadonlyMap<Param, tf.Tensor>} | null;

function packProbes(
  network: Network,
  pass: ForwardPass,
  grads: ReadonlyMap<Param, tf.Tensor>,
  initial: ReadonlyMap<Param, tf.Tensor>,
  before: ReadonlyMap<Param, tf.Tensor> | null,
  normalized: NormalizedGrads,
  detailed: (probeIndex: number) => boolean = () => true
): tf.Tensor1D {
  return tf.concat(
    network.probes.map((probe, index) => {
      const weight = probe.dense.weight;
      const trace = probe.activation && pass.traces.get(probe.activation.layer)!;
      return packLayerProbe(
        {
          weights: weight.value,
          weightGradient: grads.get(weight) ?? null,
          initialWeights: initial.get(weight)!,
          weightsBeforeStep: before?.get(weight) ?? weight.value,
          activation: trace && {z: trace.x, h: trace.y, fn: probe.activation!.fn},
          normalizedGradient: normalized && {
            before: normalized.before.get(weight) ?? null,
            after: normalized.after.get(weight) ?? null
          }
        },
        detailed(index)
      );
    })
  );
}

/**
 * One training step: forward, hand-written backward, optional gradient transform, update. The step-0 snapshot
 * comes from the same forward and backward pass as the first update (probeBefore), so measuring it costs no
 * second pass and changes nothing. All intermediates are freed by tidy; only the returned tensors outlive it.
 * Nothing is read back here: the loop decides when to pay for a transfer.
 */
export function trainStep(
  network: Network,
  optimizer: Optimizer,
  batch: Batch,
  options: StepOptions,
  transform: GradientTransform | null = null
): StepResult {
  return tf.tidy(() => {
    const pass = network.forward(batch.x, options.update ? "train" : "probe");
    const {lossSum, correct, dLogits} = softmaxCrossEntropy(pass.logits, batch.y);
    const raw = pass.backward(dLogits);
    const initial = options.initialWeights;
    const totals = tf.stack([lossSum, correct]) as tf.Tensor1D;
    const grads = transform ? transform(network, raw) : raw;
    // Gradient normalization's probe: the study's variant rewrites `raw` itself, so its "before" is a second,
    // plain backward pass (probed steps only); the block variant's "before" is `raw`.
    const probing = options.probeBefore || options.probeAfter;
    const normalized: NormalizedGrads = !probing
      ? null
      : network.gradientRewriters.length > 0
        ? {before: pass.backward(dLogits, {plain: true}), after: raw}
        : transform
          ? {before: raw, after: grads}
          : null;
    const before = options.probeBefore
      ? packProbes(network, pass, raw, initial, null, normalized, options.detailed)
      : null;
    // A clone shares the pre-update buffer; assign() gives the variable a new one, so this stays W_{t−1}.
    const previous = options.probeAfter
      ? new Map(network.probes.map((p) => [p.dense.weight, tf.clone(p.dense.weight.value)]))
      : null;
    if (options.update) {
      optimizer.apply([...grads].map(([param, grad]) => ({param, grad})));
    }
    // Probes report the raw gradient ∂L/∂W, what backpropagation delivers before any transform.
    const after = previous
      ? packProbes(network, pass, raw, initial, previous, normalized, options.detailed)
      : null;
    return {totals, before, after} as unknown as tf.TensorContainerObject;
  }) as unknown as StepResult;
}
