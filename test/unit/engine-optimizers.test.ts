import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import type {Param} from "../../src/engine/layer.js";
import {createOptimizer, OPTIMIZERS, type Optimizer} from "../../src/engine/optimizers.js";
import {ConfigError, kindsOf, validateStrategy, withDefaults} from "../../src/engine/options.js";
import type {OptimizerConfig, OptimizerKind} from "../../src/engine/types.js";
import {useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

const makeParam = (values: number[], trainable = true): Param => ({
  name: "p",
  value: tf.variable(tf.tensor1d(values)),
  trainable
});

/** One training step as trainStep runs it: inside a tidy that frees the gradients afterwards. */
function step(optimizer: Optimizer, updates: [Param, number[]][]): void {
  tf.tidy(() => optimizer.apply(updates.map(([param, grad]) => ({param, grad: tf.tensor1d(grad)}))));
}

const valuesOf = (param: Param) => Array.from(param.value.dataSync());

function assertClose(actual: number[], expected: number[], tolerance = 1e-6, what = ""): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) =>
    assert.ok(Math.abs(a - expected[i]!) <= tolerance, `${what}[${i}]: got ${a}, expected ${expected[i]}`)
  );
}

/** PyTorch's Adam/AdamW pseudo-code, literally, on one scalar (float64): the reference for later steps. */
function adamReference(
  p: number,
  grads: number[],
  c: {lr: number; b1: number; b2: number; eps: number; wd: number}
) {
  let m = 0;
  let v = 0;
  grads.forEach((g, i) => {
    const t = i + 1;
    p = p * (1 - c.lr * c.wd);
    m = c.b1 * m + (1 - c.b1) * g;
    v = c.b2 * v + (1 - c.b2) * g * g;
    const mHat = m / (1 - c.b1 ** t);
    const vHat = v / (1 - c.b2 ** t);
    p = p - (c.lr * mHat) / (Math.sqrt(vHat) + c.eps);
  });
  return p;
}

// Every case: p₀ = [1, −2], g₁ = [0.5, −1], g₂ = [−0.25, 0.5]; the expected values are worked out by hand.
const P0 = [1, -2];
const G1 = [0.5, -1];
const G2 = [-0.25, 0.5];
const adamHp = {lr: 0.1, b1: 0.9, b2: 0.999, eps: 1e-8, wd: 0};
const adamBigEps = {...adamHp, eps: 0.1};
const adamwHp = {...adamHp, wd: 0.5};
const reference = (c: typeof adamHp, steps: number) =>
  P0.map((p, i) => adamReference(p, [G1[i]!, G2[i]!].slice(0, steps), c));

const cases: {name: string; config: OptimizerConfig; after1: number[]; after2: number[]}[] = [
  // p − 0.1·g
  {name: "sgd", config: {kind: "sgd", learningRate: 0.1}, after1: [0.95, -1.9], after2: [0.975, -1.95]},
  // b₁ = g₁, b₂ = 0.9·g₁ + g₂ = [0.2, −0.4]
  {
    name: "momentum",
    config: {kind: "momentum", learningRate: 0.1, momentum: 0.9},
    after1: [0.95, -1.9],
    after2: [0.93, -1.86]
  },
  // step₁ = g₁ + 0.9·g₁ = [0.95, −1.9]; b₂ = [0.2, −0.4], step₂ = g₂ + 0.9·b₂ = [−0.07, 0.14]
  {
    name: "nesterov",
    config: {kind: "nesterov", learningRate: 0.1, momentum: 0.9},
    after1: [0.905, -1.81],
    after2: [0.912, -1.824]
  },
  // v₁ = 0.25·g₁² = [1/16, 1/4], √v₁ + ε = [0.5, 0.75]; v₂ = 0.75·v₁ + 0.25·g₂² = v₁ again (ε large: it shows
  // that ε is added outside the root)
  {
    name: "rmsprop",
    config: {kind: "rmsprop", learningRate: 0.1, alpha: 0.75, eps: 0.25},
    after1: [1 - 0.1 * (0.5 / 0.5), -2 + 0.1 * (1 / 0.75)],
    after2: [0.9 + 0.1 * (0.25 / 0.5), -2 + 0.4 / 3 - 0.1 * (0.5 / 0.75)]
  },
  // s₁ = g₁² = [0.25, 1], √s₁ + 0.5 = [1, 1.5]; s₂ = s₁ + g₂² = [0.3125, 1.25]
  {
    name: "adagrad",
    config: {kind: "adagrad", learningRate: 0.1, eps: 0.5},
    after1: [0.95, -2 + 0.1 / 1.5],
    after2: [
      0.95 + (0.1 * 0.25) / (Math.sqrt(0.3125) + 0.5),
      -2 + 0.1 / 1.5 - (0.1 * 0.5) / (Math.sqrt(1.25) + 0.5)
    ]
  },
  // m̂₁ = g₁, v̂₁ = g₁²: the first step is η·sign(g₁)
  {
    name: "adam",
    config: {kind: "adam", learningRate: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8},
    after1: [0.9, -1.9],
    after2: reference(adamHp, 2)
  },
  // ε = 0.1 next to √v̂₁ = |g₁|: step₁ = η·g₁/(|g₁| + ε) = 0.1·[0.5/0.6, −1/1.1]
  {
    name: "adam with a large ε",
    config: {kind: "adam", learningRate: 0.1, beta1: 0.9, beta2: 0.999, eps: 0.1},
    after1: [1 - 0.1 * (0.5 / 0.6), -2 + 0.1 * (1 / 1.1)],
    after2: reference(adamBigEps, 2)
  },
  // p·(1 − 0.1·0.5) = [0.95, −1.9], then η·sign(g₁)
  {
    name: "adamw",
    config: {kind: "adamw", learningRate: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.5},
    after1: [0.85, -1.8],
    after2: reference(adamwHp, 2)
  }
];

describe("optimizer update rules", () => {
  for (const {name, config, after1, after2} of cases) {
    it(`${name}: first and second steps match PyTorch's rule`, () => {
      const optimizer = createOptimizer(config);
      const param = makeParam(P0);
      step(optimizer, [[param, G1]]);
      assertClose(valuesOf(param), after1, 1e-6, "after step 1");
      step(optimizer, [[param, G2]]);
      assertClose(valuesOf(param), after2, 1e-6, "after step 2");
      optimizer.dispose();
      param.value.dispose();
    });
  }

  it("the Adam reference reproduces the hand-computed first steps", () => {
    assertClose(reference(adamHp, 1), [0.9, -1.9], 1e-7);
    assertClose(reference(adamwHp, 1), [0.85, -1.8], 1e-7);
  });

  it("adam: the bias-corrected first step moves every entry by η·sign(g), whatever |g|", () => {
    const lr = 1e-3;
    const optimizer = createOptimizer(withDefaults<OptimizerKind, OptimizerConfig>(OPTIMIZERS, "adam"));
    const param = makeParam([0, 0, 0, 0]);
    step(optimizer, [[param, [1e-3, -50, 3, -0.2]]]);
    assertClose(valuesOf(param), [-lr, lr, -lr, lr], lr * 1e-4);
    optimizer.dispose();
    param.value.dispose();
  });
});

/** The numeric fields of each kind of OptimizerConfig, listed by hand. */
const FIELDS: Record<OptimizerKind, string[]> = {
  sgd: ["learningRate"],
  momentum: ["learningRate", "momentum"],
  nesterov: ["learningRate", "momentum"],
  rmsprop: ["learningRate", "alpha", "eps"],
  adagrad: ["learningRate", "eps"],
  adam: ["learningRate", "beta1", "beta2", "eps"],
  adamw: ["learningRate", "beta1", "beta2", "eps", "weightDecay"]
};

/** PyTorch's defaults (SGD: torch ≥ 2.2), with momentum 0.9 for the momentum methods. */
const DEFAULTS: OptimizerConfig[] = [
  {kind: "sgd", learningRate: 1e-3},
  {kind: "momentum", learningRate: 1e-3, momentum: 0.9},
  {kind: "nesterov", learningRate: 1e-3, momentum: 0.9},
  {kind: "rmsprop", learningRate: 1e-2, alpha: 0.99, eps: 1e-8},
  {kind: "adagrad", learningRate: 1e-2, eps: 1e-10},
  {kind: "adam", learningRate: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8},
  {kind: "adamw", learningRate: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 1e-2}
];

const isConfigError = (field: string) => (error: unknown) =>
  error instanceof ConfigError && error.field === field;

describe("OPTIMIZERS registry", () => {
  it("has a spec for every kind, whose options are exactly that kind's config fields", () => {
    assert.deepEqual(kindsOf(OPTIMIZERS).sort(), Object.keys(FIELDS).sort());
    for (const kind of kindsOf(OPTIMIZERS)) {
      assert.deepEqual(Object.keys(OPTIMIZERS[kind].options).sort(), [...FIELDS[kind]].sort(), kind);
      assert.ok(OPTIMIZERS[kind].label && OPTIMIZERS[kind].description.includes("←"), kind);
    }
  });

  for (const expected of DEFAULTS) {
    it(`${expected.kind}: defaults are PyTorch's and pass validation`, () => {
      const config = withDefaults<OptimizerKind, OptimizerConfig>(OPTIMIZERS, expected.kind);
      assert.deepEqual(config, expected);
      assert.doesNotThrow(() => validateStrategy("optimizer", OPTIMIZERS, config));
    });
  }

  it("rejects an unknown kind, naming the field", () => {
    assert.throws(
      () => validateStrategy("optimizer", OPTIMIZERS, {kind: "lion", learningRate: 1e-3}),
      isConfigError("optimizer.kind")
    );
    assert.throws(() => withDefaults(OPTIMIZERS, "lion" as OptimizerKind), isConfigError("kind"));
  });

  const outOfRange: [OptimizerKind, string, number][] = [
    ["sgd", "learningRate", 0],
    ["sgd", "learningRate", 11],
    ["momentum", "momentum", 1],
    ["nesterov", "momentum", -0.1],
    ["rmsprop", "alpha", 1],
    ["rmsprop", "eps", 0],
    ["adagrad", "eps", 2],
    ["adam", "beta1", 1],
    ["adam", "beta2", NaN],
    ["adamw", "weightDecay", 1.5]
  ];
  for (const [kind, field, value] of outOfRange) {
    it(`rejects ${kind} ${field} = ${value}, naming the field`, () => {
      const config = {...withDefaults(OPTIMIZERS, kind), [field]: value};
      assert.throws(
        () => validateStrategy("optimizer", OPTIMIZERS, config),
        isConfigError(`optimizer.${field}`)
      );
    });
  }

  it("rejects an option of another kind", () => {
    const config = {...withDefaults(OPTIMIZERS, "sgd"), momentum: 0.9};
    assert.throws(
      () => validateStrategy("optimizer", OPTIMIZERS, config),
      isConfigError("optimizer.momentum")
    );
  });

  it("createOptimizer throws on an unknown kind", () => {
    const config = {kind: "lion", learningRate: 1e-3} as unknown as OptimizerConfig;
    assert.throws(() => createOptimizer(config), isConfigError("optimizer.kind"));
  });
});

describe("optimizer state", () => {
  for (const kind of kindsOf(OPTIMIZERS)) {
    it(`${kind}: a param passed with trainable = false is left untouched`, () => {
      const optimizer = createOptimizer(withDefaults<OptimizerKind, OptimizerConfig>(OPTIMIZERS, kind));
      const frozen = makeParam(P0, false);
      const trained = makeParam(P0);
      step(optimizer, [
        [frozen, G1],
        [trained, G1]
      ]);
      assert.deepEqual(valuesOf(frozen), P0);
      assert.ok(valuesOf(trained).every((v, i) => v !== P0[i]));
      optimizer.dispose();
      frozen.value.dispose();
      trained.value.dispose();
    });
  }

  it("momentum: a param's state is dropped when it misses a step, so it restarts with plain η·g", () => {
    const optimizer = createOptimizer({kind: "momentum", learningRate: 0.1, momentum: 0.9});
    const param = makeParam([0, 0]);
    const other = makeParam([0, 0]);
    const g = [1, -2];
    step(optimizer, [[param, g]]);
    step(optimizer, [[param, g]]);
    // Without a gap the second step is η·(0.9·g + g) = [0.19, −0.38].
    assertClose(valuesOf(param), [-0.29, 0.58]);
    const tensors = tf.memory().numTensors;
    step(optimizer, [[other, g]]);
    assert.equal(
      tf.memory().numTensors,
      tensors,
      "the dropped momentum buffer was freed (other's was added)"
    );
    step(optimizer, [[param, g]]);
    assertClose(valuesOf(param), [-0.39, 0.78]);
    // The same after a step in which it is passed frozen (layer-wise training freezes it, then thaws it).
    step(optimizer, [[param, g]]);
    param.trainable = false;
    step(optimizer, [[param, g]]);
    param.trainable = true;
    const before = valuesOf(param);
    step(optimizer, [[param, g]]);
    assertClose(valuesOf(param), [before[0]! - 0.1, before[1]! + 0.2]);
    optimizer.dispose();
    param.value.dispose();
    other.value.dispose();
  });

  it("adam: after a gap the step count restarts, so the first step is again η·sign(g)", () => {
    const optimizer = createOptimizer({kind: "adam", learningRate: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8});
    const param = makeParam([0, 0]);
    step(optimizer, [[param, [1, 1]]]);
    step(optimizer, [[param, [-1, 1]]]);
    step(optimizer, []);
    const before = valuesOf(param);
    step(optimizer, [[param, [-1, 4]]]);
    assertClose(valuesOf(param), [before[0]! + 0.1, before[1]! - 0.1]);
    optimizer.dispose();
    param.value.dispose();
  });

  for (const kind of kindsOf(OPTIMIZERS)) {
    it(`${kind}: no tensor outlives dispose, none accumulates between steps`, () => {
      const params = [makeParam([1, -2, 3]), makeParam([0.5, 0.25])];
      const baseline = tf.memory().numTensors;
      const optimizer = createOptimizer(withDefaults<OptimizerKind, OptimizerConfig>(OPTIMIZERS, kind));
      const counts: number[] = [];
      for (let i = 0; i < 4; i++) {
        // Gradients freed by the caller right after the step: the optimizer must not hold on to them.
        const grads = params.map((p) => tf.mul(p.value, i + 1));
        optimizer.apply(params.map((param, j) => ({param, grad: grads[j]!})));
        grads.forEach((g) => g.dispose());
        counts.push(tf.memory().numTensors);
      }
      assert.equal(counts[3], counts[1]);
      assert.equal(counts[2], counts[1]);
      optimizer.dispose();
      assert.equal(tf.memory().numTensors, baseline);
      params.forEach((p) => p.value.dispose());
    });
  }
});
