import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {BatchNorm} from "../../src/engine/batchnorm.js";
import type {Layer, Mode, Param} from "../../src/engine/layer.js";
import {LayerNorm} from "../../src/engine/layernorm.js";
import {createNormalization, NORMALIZATIONS} from "../../src/engine/normalization.js";
import {ConfigError, kindsOf, validateStrategy, withDefaults} from "../../src/engine/options.js";
import {normalSamples, seededRandom} from "../../src/engine/random.js";
import {Standardize} from "../../src/engine/standardize.js";
import type {NormalizationConfig} from "../../src/engine/types.js";
import {checkLayerGradients} from "./engine-gradcheck.js";
import {assertClose, backwardResult, read, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

const MODES: Mode[] = ["train", "probe", "eval"];
const EPS = 1e-5;

function set(variable: tf.Variable, values: number[]): void {
  tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
}

/** y of one forward call, read back, with every tensor freed. */
function outputOf(layer: Layer, x: number[][], mode: Mode): number[] {
  return tf.tidy(() => read(layer.forward(tf.tensor2d(x), mode).y));
}

/** Column j of a row-major [rows, n] array. */
function column(values: number[], n: number, j: number): number[] {
  return values.filter((_, i) => i % n === j);
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const biasedVar = (v: number[]) => mean(v.map((x) => (x - mean(v)) ** 2));

// Columns: [1, 3, 5] (mean 3, biased var 8/3, unbiased var 4) and [0, 2, 10] (mean 4, biased 56/3, unbiased 28).
const HAND_X = [
  [1, 0],
  [3, 2],
  [5, 10]
];

function batchNorm(momentum = 0.1): BatchNorm {
  return new BatchNorm("bn", 2, {momentum, eps: EPS});
}

/** γ, β and running statistics away from their initial values, so gradient checks are not at the identity. */
function nonTrivial(layer: Layer): void {
  const width = layer.params[0]!.value.shape[0]!;
  const pick = (base: number[]) => Array.from({length: width}, (_, i) => base[i % base.length]!);
  set(layer.params[0]!.value, pick([1.5, -0.7, 0.9]));
  set(layer.params[1]!.value, pick([0.3, -1.2, 0.8]));
  if (layer.buffers.length) {
    set(layer.buffers[0]!.value, pick([0.4, -0.3, 1.1]));
    set(layer.buffers[1]!.value, pick([2.5, 0.6, 1.7]));
  }
}

describe("NORMALIZATIONS registry and createNormalization", () => {
  it("has a labelled spec for every kind whose defaults validate", () => {
    assert.deepEqual(kindsOf(NORMALIZATIONS).sort(), ["batchnorm", "layernorm", "none", "standardize"]);
    for (const kind of kindsOf(NORMALIZATIONS)) {
      assert.ok(NORMALIZATIONS[kind].label && NORMALIZATIONS[kind].description, kind);
      assert.doesNotThrow(() =>
        validateStrategy("normalization", NORMALIZATIONS, withDefaults(NORMALIZATIONS, kind))
      );
    }
  });

  it("uses PyTorch's defaults and rejects options out of range", () => {
    assert.deepEqual(withDefaults(NORMALIZATIONS, "batchnorm"), {
      kind: "batchnorm",
      momentum: 0.1,
      eps: 1e-5
    });
    assert.deepEqual(withDefaults(NORMALIZATIONS, "standardize"), {kind: "standardize", eps: 1e-5});
    assert.deepEqual(withDefaults(NORMALIZATIONS, "layernorm"), {kind: "layernorm", eps: 1e-5});
    const bad = [
      {kind: "batchnorm", momentum: 1.5, eps: 1e-5},
      {kind: "batchnorm", momentum: 0.1, eps: 0}
    ];
    for (const config of bad) assert.throws(() => validateStrategy("n", NORMALIZATIONS, config), ConfigError);
  });

  it("builds the layer of each kind, null for none, and throws on an unknown kind or a missing option", () => {
    assert.equal(createNormalization({kind: "none"}, 8, "n"), null);
    const bn = createNormalization({kind: "batchnorm", momentum: 0.3, eps: 1e-3}, 8, "bn 1") as BatchNorm;
    assert.ok(bn instanceof BatchNorm);
    assert.deepEqual([bn.name, bn.options], ["bn 1", {momentum: 0.3, eps: 1e-3}]);
    assert.deepEqual(
      bn.params.map((p) => [p.name, p.value.shape]),
      [
        ["gamma", [8]],
        ["beta", [8]]
      ]
    );
    assert.deepEqual(
      bn.buffers.map((b) => [b.name, read(b.value)]),
      [
        ["runningMean", Array(8).fill(0)],
        ["runningVar", Array(8).fill(1)]
      ]
    );
    const ln = createNormalization({kind: "layernorm", eps: 1e-4}, 8, "ln") as LayerNorm;
    assert.ok(ln instanceof LayerNorm && ln.eps === 1e-4 && ln.params[0]!.value.shape[0] === 8);
    const st = createNormalization({kind: "standardize", eps: 1e-3}, 8, "st") as Standardize;
    assert.ok(st instanceof Standardize && st.eps === 1e-3 && st.params.length === 0);
    for (const layer of [bn, ln, st]) layer.dispose();
    const unknown = {kind: "groupnorm"} as unknown as NormalizationConfig;
    assert.throws(() => createNormalization(unknown, 8, "n"), ConfigError);
    const missing = {kind: "batchnorm", eps: 1e-5} as unknown as NormalizationConfig;
    assert.throws(() => createNormalization(missing, 8, "n"), ConfigError);
  });
});

describe("BatchNorm", () => {
  it("normalises with the batch mean and biased variance in train mode", () => {
    const layer = batchNorm();
    const y = outputOf(layer, HAND_X, "train");
    const s0 = Math.sqrt(8 / 3 + EPS);
    const s1 = Math.sqrt(56 / 3 + EPS);
    assertClose(y, [-2 / s0, -4 / s1, 0, -2 / s1, 2 / s0, 6 / s1], 1e-5, "y");
    const random = normalSamples(64 * 3, seededRandom(5)).map((v) => 4 * v + 2);
    const wide = new BatchNorm("bn", 3, {momentum: 0.1, eps: EPS});
    const out = outputOf(
      wide,
      tf.tidy(() => tf.tensor2d(random, [64, 3]).arraySync()),
      "train"
    );
    for (let j = 0; j < 3; j++) {
      assert.ok(Math.abs(mean(column(out, 3, j))) < 1e-5, `feature ${j} mean`);
      assert.ok(Math.abs(biasedVar(column(out, 3, j)) - 1) < 1e-4, `feature ${j} biased variance`);
    }
    layer.dispose();
    wide.dispose();
  });

  it("moves the running statistics by momentum towards the batch's, with the UNBIASED variance", () => {
    const layer = batchNorm();
    outputOf(layer, HAND_X, "train");
    // 0.9·0 + 0.1·[3, 4] and 0.9·1 + 0.1·[4, 28] (biased would give 0.9 + 0.1·[8/3, 56/3]).
    assertClose(read(layer.runningMean), [0.3, 0.4], 1e-6, "running mean");
    assertClose(read(layer.runningVar), [1.3, 3.7], 1e-5, "running var");
    const half = batchNorm(0.5);
    outputOf(half, HAND_X, "train");
    outputOf(half, HAND_X, "train");
    assertClose(read(half.runningMean), [2.25, 3], 1e-6, "running mean after two steps with m = 0.5");
    assertClose(read(half.runningVar), [3.25, 21.25], 1e-5, "running var after two steps with m = 0.5");
    layer.dispose();
    half.dispose();
  });

  it("uses the running statistics in eval mode and updates nothing", () => {
    const layer = batchNorm();
    set(layer.params[0]!.value, [2, 0.5]);
    set(layer.params[1]!.value, [1, -1]);
    set(layer.runningMean, [1, -2]);
    set(layer.runningVar, [4, 0.25]);
    const y = outputOf(
      layer,
      [
        [3, 0],
        [-1, 1]
      ],
      "eval"
    );
    const a = 2 / Math.sqrt(4 + EPS);
    const b = 0.5 / Math.sqrt(0.25 + EPS);
    assertClose(y, [2 * a + 1, 2 * b - 1, -2 * a + 1, 3 * b - 1], 1e-5, "y");
    assert.deepEqual(
      [read(layer.runningMean), read(layer.runningVar)],
      [
        [1, -2],
        [4, 0.25]
      ]
    );
    layer.dispose();
  });

  it("uses the batch statistics in probe mode and leaves the buffers bit-identical", () => {
    const layer = batchNorm();
    nonTrivial(layer);
    const before = layer.buffers.map((b) => b.value.dataSync().slice());
    const probed = tf.tidy(() => {
      const {y, backward} = layer.forward(tf.tensor2d(HAND_X), "probe");
      backward(tf.onesLike(y), true);
      return read(y);
    });
    assert.deepEqual(
      layer.buffers.map((b) => b.value.dataSync().slice()),
      before
    );
    assert.deepEqual(probed, outputOf(layer, HAND_X, "train"), "probe and train give the same output");
    assert.notDeepEqual(
      layer.buffers.map((b) => b.value.dataSync().slice()),
      before,
      "train does update"
    );
    layer.dispose();
  });

  it("converges its running statistics to the data's over many train steps", () => {
    const layer = new BatchNorm("bn", 2, {momentum: 0.1, eps: EPS});
    const [mu, sigma] = [
      [2, -1],
      [3, 0.5]
    ];
    const random = seededRandom(11);
    for (let step = 0; step < 80; step++) {
      const z = normalSamples(64 * 2, random);
      const x = Array.from({length: 64}, (_, i) => [0, 1].map((j) => mu[j]! + sigma[j]! * z[i * 2 + j]!));
      outputOf(layer, x, "train");
    }
    const [m, v] = [read(layer.runningMean), read(layer.runningVar)];
    for (const j of [0, 1]) {
      assert.ok(Math.abs(m[j]! - mu[j]!) < 0.15 * sigma[j]!, `running mean ${j}: ${m[j]}`);
      assert.ok(Math.abs(v[j]! / sigma[j]! ** 2 - 1) < 0.15, `running var ${j}: ${v[j]}`);
    }
    layer.dispose();
  });

  for (const mode of MODES) {
    it(`passes the finite-difference check in ${mode} mode away from the identity`, () => {
      const layer = new BatchNorm("bn", 3, {momentum: 0.1, eps: EPS});
      nonTrivial(layer);
      assert.deepEqual(checkLayerGradients(layer, {inputShape: [6, 3], mode}), {
        inputEntries: 18,
        paramEntries: 6
      });
      layer.dispose();
    });
  }

  it("returns null for frozen γ or β, still checks the other, and skips ∂x when not needed", () => {
    for (const mode of ["probe", "eval"] as const) {
      for (const frozen of [0, 1]) {
        const layer = new BatchNorm("bn", 3, {momentum: 0.1, eps: EPS});
        nonTrivial(layer);
        (layer.params[frozen] as Param).trainable = false;
        assert.equal(checkLayerGradients(layer, {inputShape: [5, 3], mode}).paramEntries, 3);
        (layer.params[1 - frozen] as Param).trainable = false;
        const result = backwardResult(layer, [4, 3], mode, false);
        assert.deepEqual(result, {dx: null, grads: [null, null]});
        layer.dispose();
      }
    }
  });

  it("refuses a batch of one where it needs batch statistics", () => {
    const layer = batchNorm();
    for (const mode of ["train", "probe"] as const)
      assert.throws(() => outputOf(layer, [[1, 2]], mode), /more than 1/);
    assert.equal(outputOf(layer, [[1, 2]], "eval").length, 2);
    layer.dispose();
  });
});

describe("LayerNorm", () => {
  it("normalises each example over its features with the biased variance, γ and β", () => {
    const layer = new LayerNorm("ln", 4, EPS);
    const x = [
      [1, 2, 3, 4],
      [-2, 0, 2, 4]
    ];
    const plain = outputOf(layer, x, "train");
    const [s0, s1] = [Math.sqrt(1.25 + EPS), Math.sqrt(5 + EPS)]; // row means 2.5 and 1
    const expected = [-1.5 / s0, -0.5 / s0, 0.5 / s0, 1.5 / s0, -3 / s1, -1 / s1, 1 / s1, 3 / s1];
    assertClose(plain, expected, 1e-5, "y");
    for (const row of [0, 1]) {
      const r = plain.slice(row * 4, row * 4 + 4);
      assert.ok(Math.abs(mean(r)) < 1e-6 && Math.abs(biasedVar(r) - 1) < 1e-4, `row ${row} statistics`);
    }
    set(layer.params[0]!.value, [1, -1, 2, 0.5]);
    set(layer.params[1]!.value, [0, 1, -1, 2]);
    const affine = expected.map((v, i) => [1, -1, 2, 0.5][i % 4]! * v + [0, 1, -1, 2][i % 4]!);
    assertClose(outputOf(layer, x, "train"), affine, 1e-5, "γ x̂ + β");
    layer.dispose();
  });

  it("gives the same output in every mode and passes the finite-difference check in each", () => {
    const layer = new LayerNorm("ln", 5, EPS);
    nonTrivial(layer);
    const x = tf.tidy(() => tf.tensor2d(normalSamples(15, seededRandom(2)), [3, 5]).arraySync());
    const outputs = MODES.map((mode) => outputOf(layer, x, mode));
    assert.deepEqual(outputs[1], outputs[0]);
    assert.deepEqual(outputs[2], outputs[0]);
    for (const mode of MODES) {
      assert.deepEqual(checkLayerGradients(layer, {inputShape: [3, 5], mode}), {
        inputEntries: 15,
        paramEntries: 10
      });
    }
    layer.dispose();
  });

  it("returns null for a frozen γ or β and still checks the other", () => {
    for (const frozen of [0, 1]) {
      const layer = new LayerNorm("ln", 4, EPS);
      nonTrivial(layer);
      (layer.params[frozen] as Param).trainable = false;
      assert.equal(checkLayerGradients(layer, {inputShape: [3, 4]}).paramEntries, 4);
      layer.dispose();
    }
  });
});

describe("Standardize", () => {
  it("divides by the unbiased std plus eps over the batch", () => {
    const y = outputOf(new Standardize("st", EPS), HAND_X, "train");
    const [d0, d1] = [2 + EPS, Math.sqrt(28) + EPS]; // unbiased std of [1, 3, 5] is 2, of [0, 2, 10] √28
    assertClose(y, [-2 / d0, -4 / d1, 0, -2 / d1, 2 / d0, 6 / d1], 1e-6, "y");
  });

  it("uses the batch's statistics in every mode, eval included", () => {
    const layer = new Standardize("st", EPS);
    const x = tf.tidy(() => tf.tensor2d(normalSamples(12, seededRandom(4)), [4, 3]).arraySync());
    const train = outputOf(layer, x, "train");
    for (const mode of ["probe", "eval"] as const) assert.deepEqual(outputOf(layer, x, mode), train, mode);
  });

  it("passes the finite-difference check in every mode", () => {
    for (const mode of MODES) {
      const result = checkLayerGradients(new Standardize("st", EPS), {inputShape: [5, 3], mode});
      assert.deepEqual(result, {inputEntries: 15, paramEntries: 0});
    }
  });

  it("keeps ∂x finite for a feature that is constant over the batch (std 0)", () => {
    const g = [1, 2, 3, -4, 5, 9];
    const dx = tf.tidy(() => {
      const {backward} = new Standardize("st", EPS).forward(
        tf.tensor2d([
          [7, 1],
          [7, 2],
          [7, 4]
        ]),
        "train"
      );
      return read(backward(tf.tensor2d(g, [3, 2]), true).dx!);
    });
    assert.ok(dx.every(Number.isFinite), `dx ${dx}`);
    // The std term vanishes (c = 0): ∂x = (g − mean g)/ε on that column.
    const g0 = column(g, 2, 0);
    assertClose(
      column(dx, 2, 0),
      g0.map((v) => (v - mean(g0)) / EPS),
      1,
      "constant column"
    );
  });

  it("has no params, skips ∂x when not needed and refuses a batch of one", () => {
    const layer = new Standardize("st", EPS);
    const result = backwardResult(layer, [3, 2], "train", false);
    assert.deepEqual(result, {dx: null, grads: []});
    assert.throws(() => outputOf(layer, [[1, 2]], "eval"), /more than 1/);
  });
});

describe("normalization layers and memory", () => {
  it("leak no tensor over forward and backward in any mode", () => {
    const layers = [new BatchNorm("bn", 4, {momentum: 0.1, eps: EPS}), new LayerNorm("ln", 4, EPS)];
    const all: Layer[] = [...layers, new Standardize("st", EPS)];
    const x = tf.tensor2d(normalSamples(24, seededRandom(9)), [6, 4]);
    for (const layer of all) {
      for (const mode of MODES) {
        const before = tf.memory();
        tf.tidy(() => {
          const {y, backward} = layer.forward(x, mode);
          backward(tf.onesLike(y), true);
        });
        const after = tf.memory();
        assert.equal(after.numTensors, before.numTensors, `${layer.name} ${mode}: tensors`);
        assert.equal(after.numBytes, before.numBytes, `${layer.name} ${mode}: bytes`);
      }
    }
    const before = tf.memory().numTensors;
    for (const layer of all) layer.dispose();
    assert.equal(
      tf.memory().numTensors,
      before - 6,
      "dispose frees BatchNorm's 4 and LayerNorm's 2 variables"
    );
    x.dispose();
  });
});
