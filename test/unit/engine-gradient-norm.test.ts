import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {
  blockNormalize,
  createGradientNormLayer,
  GRADIENT_NORMS,
  GradientNormLayer
} from "../../src/engine/gradient-norm.js";
import type {Mode} from "../../src/engine/layer.js";
import {ConfigError, kindsOf, validateStrategy, withDefaults} from "../../src/engine/options.js";
import {normalSamples, seededRandom} from "../../src/engine/random.js";
import type {GradientNormConfig} from "../../src/engine/types.js";
import {assertClose, backwardResult, read, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

const MODES: Mode[] = ["train", "probe", "eval"];

/** ∂x of the study's layer for the upstream gradient g. */
function normalizedGradient(layer: GradientNormLayer, g: number[][]): number[] {
  return tf.tidy(() => {
    const {backward} = layer.forward(tf.zerosLike(tf.tensor2d(g)) as tf.Tensor2D, "train");
    return read(backward(tf.tensor2d(g), true).dx!);
  });
}

const norm = (values: number[]) => Math.sqrt(values.reduce((s, v) => s + v * v, 0));

describe("GRADIENT_NORMS registry and createGradientNormLayer", () => {
  it("has a labelled spec for every kind whose defaults validate", () => {
    assert.deepEqual(kindsOf(GRADIENT_NORMS).sort(), ["block", "none", "study"]);
    for (const kind of kindsOf(GRADIENT_NORMS)) {
      assert.ok(GRADIENT_NORMS[kind].label && GRADIENT_NORMS[kind].description, kind);
      assert.doesNotThrow(() =>
        validateStrategy("gradientNorm", GRADIENT_NORMS, withDefaults(GRADIENT_NORMS, kind))
      );
    }
    assert.deepEqual(withDefaults(GRADIENT_NORMS, "study"), {kind: "study", eps: 1e-6});
    assert.deepEqual(withDefaults(GRADIENT_NORMS, "block"), {kind: "block", eps: 1e-12});
    assert.throws(() => validateStrategy("g", GRADIENT_NORMS, {kind: "block", eps: 0}), ConfigError);
  });

  it("builds a layer for study only, and throws on an unknown kind or a missing option", () => {
    assert.equal(createGradientNormLayer({kind: "none"}, "g"), null);
    assert.equal(createGradientNormLayer({kind: "block", eps: 1e-12}, "g"), null);
    const layer = createGradientNormLayer({kind: "study", eps: 1e-3}, "gn 1") as GradientNormLayer;
    assert.ok(layer instanceof GradientNormLayer);
    assert.deepEqual(
      [layer.name, layer.eps, layer.params.length, layer.buffers.length],
      ["gn 1", 1e-3, 0, 0]
    );
    for (const config of [{kind: "clip"}, {kind: "study"}]) {
      assert.throws(() => createGradientNormLayer(config as unknown as GradientNormConfig, "g"), ConfigError);
    }
  });
});

describe("GradientNormLayer (the study's experiment 9)", () => {
  it("is the identity in the forward pass in every mode", () => {
    const layer = new GradientNormLayer("gn", 1e-6);
    const values = normalSamples(12, seededRandom(3));
    const x = tf.tensor2d(values, [3, 4]);
    for (const mode of MODES) {
      const y = layer.forward(x, mode).y;
      assert.deepEqual([y.shape, y.dataSync()], [[3, 4], values], mode);
      y.dispose();
      assert.equal(x.isDisposed, false, "y can be freed without x");
    }
    x.dispose();
  });

  it("maps g to (g − mean g)/(std g + eps) with mean and unbiased std over the whole tensor", () => {
    // Its "gradient" is by definition not the derivative of the identity, so the check is by hand, not by
    // finite differences: g = [[1, 2], [3, 6]] has mean 3, deviations [−2, −1, 0, 3], Σ² = 14, unbiased std
    // √(14/3) (a biased std would be √3.5, a per-column one different again).
    const eps = 1e-6;
    const dx = normalizedGradient(new GradientNormLayer("gn", eps), [
      [1, 2],
      [3, 6]
    ]);
    const d = Math.sqrt(14 / 3) + eps;
    assertClose(dx, [-2 / d, -1 / d, 0, 3 / d], 1e-6, "dx");
  });

  it("removes the scale of g, the 1/batch-size of a mean loss included", () => {
    // A tiny eps, so the check is not about eps (with 1e-6 and std ≈ 1/512 it would shift ∂x by ~5e-4).
    const layer = new GradientNormLayer("gn", 1e-9);
    const g = tf.tidy(() => tf.tensor2d(normalSamples(512 * 4, seededRandom(8)), [512, 4]).arraySync());
    const dx = normalizedGradient(layer, g);
    const scaled = normalizedGradient(
      layer,
      g.map((row) => row.map((v) => v / 512))
    );
    assertClose(scaled, dx, 1e-4, "g/512 and g give the same ∂x");
    // Unit-scale output: unbiased std 1 over all entries.
    assert.ok(Math.abs(norm(dx) / Math.sqrt(dx.length - 1) - 1) < 1e-3, "std of ∂x");
  });

  it("has no params, skips ∂x when not needed and leaks no tensor", () => {
    const layer = new GradientNormLayer("gn", 1e-6);
    const x = tf.tensor2d(normalSamples(8, seededRandom(1)), [2, 4]);
    const none = backwardResult(layer, [2, 4], "train", false);
    assert.deepEqual(none, {dx: null, grads: []});
    for (const mode of MODES) {
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const {y, backward} = layer.forward(x, mode);
        assert.deepEqual(backward(tf.mul(y, 2) as tf.Tensor2D, true).grads, []);
      });
      assert.equal(tf.memory().numTensors, before, mode);
    }
    x.dispose();
  });
});

describe("blockNormalize (Yu et al. 2017)", () => {
  function normalized(grads: {values: number[]; shape: number[]}[], eps = 1e-12): number[][] {
    return tf.tidy(() =>
      blockNormalize(
        grads.map((g) => tf.tensor(g.values, g.shape)),
        eps
      ).map(read)
    );
  }

  it("divides by the joint norm of the layer's block: [3, 4] and [0] → [0.6, 0.8] and [0]", () => {
    const [w, b] = normalized([
      {values: [3, 4], shape: [2, 1]},
      {values: [0], shape: [1]}
    ]);
    assertClose(w!, [0.6, 0.8], 1e-6, "W");
    assert.deepEqual(b, [0]);
  });

  it("gives the block, not each tensor, unit norm and keeps W and b in proportion", () => {
    const random = seededRandom(6);
    const w = normalSamples(12, random);
    const b = normalSamples(3, random).map((v) => 5 * v);
    const [nw, nb] = normalized([
      {values: Array.from(w), shape: [4, 3]},
      {values: Array.from(b), shape: [3]}
    ]);
    assert.ok(Math.abs(norm([...nw!, ...nb!]) - 1) < 1e-5, "joint norm");
    assert.ok(norm(nw!) < 0.99 && norm(nb!) < 0.99, "neither tensor is normalised on its own");
    const joint = norm([...w, ...b]);
    assertClose(
      nw!,
      Array.from(w, (v) => v / joint),
      1e-6,
      "W / ‖[W, b]‖"
    );
    assertClose(
      nb!,
      Array.from(b, (v) => v / joint),
      1e-6,
      "b / ‖[W, b]‖"
    );
  });

  it("normalises a vanishing gradient (norm 1e-8) with the default eps, and keeps a zero one finite", () => {
    const tiny = normalized([{values: [6e-9, 8e-9], shape: [2]}], GRADIENT_NORMS.block.options.eps.default);
    assertClose(tiny[0]!, [0.6, 0.8], 1e-4, "tiny");
    const zero = normalized([
      {values: [0, 0, 0, 0], shape: [2, 2]},
      {values: [0, 0], shape: [2]}
    ]);
    assert.deepEqual(zero, [
      [0, 0, 0, 0],
      [0, 0]
    ]);
  });

  it("returns one tensor per gradient, of its shape, and frees everything else", () => {
    const grads = [tf.ones([3, 2]), tf.ones([2])];
    const before = tf.memory().numTensors;
    const out = blockNormalize(grads, 1e-12);
    assert.equal(tf.memory().numTensors, before + 2);
    assert.deepEqual(
      out.map((t) => t.shape),
      [[3, 2], [2]]
    );
    assert.deepEqual(blockNormalize([], 1e-12), []);
    tf.dispose([...grads, ...out]);
  });
});
