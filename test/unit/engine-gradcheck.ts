// The one finite-difference check every hand-written backward pass goes through.
//
// For a layer y = f(x; θ) and a fixed random "upstream gradient" r, the scalar L = Σ r ⊙ y has ∂L/∂y = r, so the
// layer's backward(r) must return ∂L/∂x and ∂L/∂θ. Each entry is compared with the central difference
// (L(v + ε) − L(v − ε)) / 2ε. TensorFlow.js computes in float32, so the tolerance is relative to the entry with an
// absolute floor; ε = 1e-2 keeps the rounding error of L (≈ 1e-7·|L|/ε) below the tolerance while the O(ε²)
// truncation error stays small for smooth layers.
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import type {Layer, Mode} from "../../src/engine/layer.js";
import {normalSamples, seededRandom} from "../../src/engine/random.js";

export interface GradientCheckOptions {
  /** Input shape [batch, features]. */
  inputShape: [number, number];
  /** Forward mode of the check (default "train"). */
  mode?: Mode;
  seed?: number;
  /** Scale of the random input (default 1). */
  inputScale?: number;
  eps?: number;
  relativeTolerance?: number;
  absoluteTolerance?: number;
  /** Check ∂L/∂x too (default); false for a whole network, whose backward pass stops at the input. */
  checkInput?: boolean;
}

/** Counts of entries checked, so a test can assert that the check covered what it meant to. */
export interface GradientCheckResult {
  inputEntries: number;
  paramEntries: number;
}

function lossOf(layer: Layer, x: tf.Tensor2D, r: tf.Tensor, mode: Mode): number {
  return tf.tidy(() => tf.sum(tf.mul(layer.forward(x, mode).y, r)).dataSync()[0]!);
}

/** Central differences of L with respect to every entry of `values`, written back through `set`. */
function numericGradient(
  values: Float32Array,
  set: (v: Float32Array) => void,
  loss: () => number,
  eps: number
) {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const shifted = values.slice();
    shifted[i] = values[i]! + eps;
    set(shifted);
    const up = loss();
    shifted[i] = values[i]! - eps;
    set(shifted);
    out[i] = (up - loss()) / (2 * eps);
  }
  set(values);
  return out;
}

function assertClose(
  what: string,
  analytic: ArrayLike<number>,
  numeric: Float32Array,
  rel: number,
  abs: number
) {
  assert.equal(analytic.length, numeric.length, `${what}: size`);
  for (let i = 0; i < numeric.length; i++) {
    const error = Math.abs(analytic[i]! - numeric[i]!);
    assert.ok(
      error <= rel * Math.abs(numeric[i]!) + abs,
      `${what}[${i}]: backward gives ${analytic[i]}, finite differences ${numeric[i]}`
    );
  }
}

/**
 * Checks `layer`'s backward pass against central finite differences for its input and every trainable param.
 * Frozen params must come back as null. The layer's params are restored afterwards; its buffers are not
 * touched as long as `mode` is not "train".
 */
export function checkLayerGradients(layer: Layer, options: GradientCheckOptions): GradientCheckResult {
  const {inputShape, mode = "probe", seed = 1, inputScale = 1, eps = 1e-2} = options;
  const rel = options.relativeTolerance ?? 2e-2;
  const abs = options.absoluteTolerance ?? 2e-3;
  const random = seededRandom(seed);
  const size = inputShape[0] * inputShape[1];
  const xValues = normalSamples(size, random).map((v) => v * inputScale);
  let x = tf.tensor2d(xValues, inputShape);
  const outShape = tf.tidy(() => layer.forward(x, mode).y.shape);
  const r = tf.tensor(normalSamples(outShape[0] * outShape[1], random), outShape);
  const analytic: {dx: Float32Array<ArrayBufferLike>; grads: (Float32Array<ArrayBufferLike> | null)[]} = {
    dx: new Float32Array(),
    grads: []
  };
  tf.tidy(() => {
    const {backward} = layer.forward(x, mode);
    const {dx, grads} = backward(r as tf.Tensor2D, true);
    if (options.checkInput !== false) analytic.dx = dx!.dataSync() as Float32Array;
    analytic.grads = grads.map((g) => (g ? (g.dataSync() as Float32Array) : null));
  });
  const loss = () => lossOf(layer, x, r, mode);
  if (options.checkInput !== false) {
    const dxNumeric = numericGradient(
      xValues,
      (v) => {
        x.dispose();
        x = tf.tensor2d(v, inputShape);
      },
      loss,
      eps
    );
    assertClose(`${layer.name} ∂L/∂x`, analytic.dx, dxNumeric, rel, abs);
  }
  let paramEntries = 0;
  layer.params.forEach((param, p) => {
    const grad = analytic.grads[p];
    if (!param.trainable) {
      assert.equal(grad, null, `${layer.name} ${param.name}: a frozen param gets no gradient`);
      return;
    }
    assert.ok(grad, `${layer.name} ${param.name}: gradient missing`);
    const values = param.value.dataSync().slice() as Float32Array;
    const set = (v: Float32Array) => tf.tidy(() => param.value.assign(tf.tensor(v, param.value.shape)));
    assertClose(`${layer.name} ∂L/∂${param.name}`, grad, numericGradient(values, set, loss, eps), rel, abs);
    paramEntries += values.length;
  });
  tf.dispose([x, r]);
  return {inputEntries: options.checkInput === false ? 0 : size, paramEntries};
}
