import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {ActivationLayer} from "../../src/engine/activation-layer.js";
import {ACTIVATIONS, createActivation, erf, type Activation} from "../../src/engine/activations.js";
import {ConfigError, kindsOf, withDefaults} from "../../src/engine/options.js";
import {normalSamples, seededRandom} from "../../src/engine/random.js";
import type {ActivationConfig, ActivationName} from "../../src/engine/types.js";
import {checkLayerGradients} from "./engine-gradcheck.js";
import {useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

const make = (kind: ActivationName, options: Record<string, number> = {}): Activation =>
  createActivation(withDefaults<ActivationName, ActivationConfig>(ACTIVATIONS, kind, options));

/** Every registered activation at its defaults, plus non-default options. */
const CASES: [string, Activation][] = [
  ...kindsOf(ACTIVATIONS).map((kind): [string, Activation] => [kind, make(kind)]),
  ["leaky-relu slope 0.2", make("leaky-relu", {slope: 0.2})],
  ["elu alpha 2", make("elu", {alpha: 2})]
];

const values = (t: tf.Tensor) => Array.from(t.dataSync());
const close = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: got ${actual}, expected ${expected}`);

/** Runs f on a [rows.length, cols] batch and returns the numbers of what it yields. */
function onBatch(rows: number[][], f: (z: tf.Tensor2D) => tf.Tensor): number[] {
  return tf.tidy(() => values(f(tf.tensor2d(rows))));
}

describe("activation backward passes", () => {
  // The gradient check's inputs are normal samples of seed 3; they keep clear of every kink by > 5ε.
  const seed = 3;
  it("seed 3 keeps the inputs away from the kinks of relu, leaky-relu and maxout", () => {
    const x = normalSamples(60, seededRandom(seed));
    assert.ok(Math.min(...Array.from(x.subarray(0, 30), Math.abs)) > 0.05);
    for (let j = 0; j < 30; j++) assert.ok(Math.abs(x[2 * j]! - x[2 * j + 1]!) > 0.05, `pair ${j}`);
  });
  for (const [name, fn] of CASES) {
    it(`${name}: backward matches finite differences`, () => {
      const result = checkLayerGradients(new ActivationLayer(name, fn), {
        inputShape: [5, fn.pieces * 6],
        seed
      });
      assert.deepEqual(result, {inputEntries: 5 * fn.pieces * 6, paramEntries: 0});
    });
  }
});

describe("scalar f and f′", () => {
  const points = [-3, -1.3, -0.4, 0.35, 1.2, 2.7];
  for (const [name, fn] of CASES) {
    if (!fn.scalar) continue;
    const {f, df} = fn.scalar;
    it(`${name}: df is the derivative of f`, () => {
      const h = 1e-5;
      for (const z of points) close(df(z), (f(z + h) - f(z - h)) / (2 * h), 1e-5, `${name} f′(${z})`);
    });
    it(`${name}: the tensor forward and backward agree with the scalar f and df`, () => {
      tf.tidy(() => {
        const z = tf.tensor2d([points]);
        const y = fn.forward(z);
        const dz = fn.backward(tf.onesLike(y), z, y);
        values(y).forEach((v, i) =>
          close(v, f(points[i]!), 1e-5 * (1 + Math.abs(v)), `${name} f(${points[i]})`)
        );
        values(dz).forEach((v, i) =>
          close(v, df(points[i]!), 1e-5 * (1 + Math.abs(v)), `${name} f′(${points[i]})`)
        );
      });
    });
  }
  it("maxout has no scalar form; every other activation has one", () => {
    for (const [name, fn] of CASES) assert.equal(fn.scalar === null, fn.config.kind === "maxout", name);
  });
  it("erf and GELU's Φ are accurate, the lower tail relatively so", () => {
    close(erf(0.5), 0.5204998778130465, 2e-7, "erf(0.5)");
    close(erf(-1.5), -0.9661051464753108, 2e-7, "erf(−1.5)");
    const tail = -5 * 2.866515718791939e-7; // −5·Φ(−5)
    close(make("gelu").scalar!.f(-5), tail, 1e-6 * Math.abs(tail), "gelu(−5)");
  });
});

describe("known values", () => {
  const at = (fn: Activation, z: number) => ({
    scalar: fn.scalar!.f(z),
    tensor: onBatch([[z]], (t) => fn.forward(t))[0]!
  });
  const cases: [string, Activation, number, number][] = [
    ["sigmoid(0)", make("sigmoid"), 0, 0.5],
    ["gelu(1)", make("gelu"), 1, 0.8413447460685429],
    ["selu(1)", make("selu"), 1, 1.0507009873554805],
    ["selu(−1)", make("selu"), -1, 1.0507009873554805 * 1.6732632423543772 * (Math.exp(-1) - 1)],
    ["softplus(0)", make("softplus"), 0, Math.LN2],
    ["elu(−1)", make("elu"), -1, Math.exp(-1) - 1],
    ["elu(−1), alpha 2", make("elu", {alpha: 2}), -1, 2 * (Math.exp(-1) - 1)],
    ["leaky(−2), slope 0.1", make("leaky-relu", {slope: 0.1}), -2, -0.2],
    ["relu(−2)", make("relu"), -2, 0],
    ["tanh(0.5)", make("tanh"), 0.5, Math.tanh(0.5)]
  ];
  for (const [what, fn, z, expected] of cases) {
    it(what, () => {
      const {scalar, tensor} = at(fn, z);
      close(scalar, expected, 1e-7, `${what} scalar`);
      close(tensor, expected, 1e-6, `${what} tensor`);
    });
  }
  it("maxout takes the larger of columns 2j and 2j + 1 and routes the gradient to it (ties: the first)", () => {
    const fn = make("maxout");
    tf.tidy(() => {
      const z = tf.tensor2d([
        [1, 3, -2, -5],
        [0, 0, 4, -1]
      ]);
      const h = fn.forward(z);
      assert.deepEqual(h.arraySync(), [
        [3, -2],
        [0, 4]
      ]);
      const dz = fn.backward(
        tf.tensor2d([
          [10, 20],
          [30, 40]
        ]),
        z,
        h
      );
      assert.deepEqual(dz.arraySync(), [
        [0, 10, 20, 0],
        [30, 0, 40, 0]
      ]);
    });
  });
  it("sigmoid and relu compute exactly what the committed baseline ran; tanh agrees with tf.tanh to float precision", () => {
    tf.tidy(() => {
      const z = tf.tensor2d(
        normalSamples(64, seededRandom(5)).map((v) => 3 * v),
        [8, 8]
      );
      const dh = tf.tensor2d(normalSamples(64, seededRandom(6)), [8, 8]);
      const reference = {
        sigmoid: [tf.sigmoid(z), (h: tf.Tensor) => tf.mul(dh, tf.mul(h, tf.sub(1, h)))],
        relu: [tf.relu(z), (h: tf.Tensor) => tf.mul(dh, tf.step(h, 0))]
      } as const;
      for (const [kind, [h, backward]] of Object.entries(reference)) {
        const fn = make(kind as ActivationName);
        assert.deepEqual(values(fn.forward(z)), values(h), `${kind} forward`);
        assert.deepEqual(
          values(fn.backward(dh, z, h as tf.Tensor2D)),
          values(backward(h)),
          `${kind} backward`
        );
      }
      // tanh runs as 2σ(2z) − 1 (faster on wasm): the same function up to float32 rounding.
      const tanh = values(make("tanh").forward(z));
      values(tf.tanh(z)).forEach((v, i) => assert.ok(Math.abs(v - tanh[i]!) < 1e-6, `tanh[${i}]`));
    });
  });
});

describe("saturation", () => {
  const saturation = (fn: Activation, rows: number[][]) =>
    tf.tidy(() => {
      const z = tf.tensor2d(rows);
      return fn.saturation(z, fn.forward(z)).dataSync()[0]!;
    });
  it("sigmoid: outputs within 0.01 of 0 or 1 (|z| ≳ 4.6)", () => {
    assert.equal(saturation(make("sigmoid"), [[5, 0, -6, 4]]), 0.5);
  });
  it("tanh: |h| > 0.97", () => {
    assert.equal(saturation(make("tanh"), [[3, -3, 0.5, 2]]), 0.5);
  });
  const mixed = [
    [1, -1, -2],
    [2, -3, 0.5]
  ];
  it("relu: units that output 0 for every example of the batch", () => {
    close(saturation(make("relu"), mixed), 1 / 3, 1e-7, "relu");
  });
  it("leaky-relu: units negative for every example of the batch", () => {
    close(saturation(make("leaky-relu"), mixed), 1 / 3, 1e-7, "leaky-relu");
    close(saturation(make("leaky-relu", {slope: 0.5}), [[-1, -2, 3]]), 2 / 3, 1e-7, "one example");
  });
  it("elu: entries where α·eᶻ < 0.01 (z < ln(0.01/α))", () => {
    assert.equal(saturation(make("elu"), [[-5, -4, 1, -10]]), 0.5);
    assert.equal(saturation(make("elu", {alpha: 2}), [[-5, -4, 1, -10]]), 0.25);
  });
  it("gelu: entries where |f′| < 0.01, also where f′ crosses 0 near z = −0.75", () => {
    assert.equal(saturation(make("gelu"), [[-6, -0.75, 0, 2]]), 0.5);
  });
  it("selu and softplus: entries where |f′| < 0.01", () => {
    close(saturation(make("selu"), [[-6, -5, 1]]), 1 / 3, 1e-7, "selu");
    assert.equal(saturation(make("softplus"), [[-5, -4, 0, 10]]), 0.25);
  });
  it("maxout never saturates", () => {
    assert.equal(saturation(make("maxout"), [[100, -100, 1e6, 3]]), 0);
  });
});

describe("activation registry and factory", () => {
  it("gives PyTorch's calculate_gain", () => {
    const gains: Record<string, number> = {
      sigmoid: 1,
      tanh: 5 / 3,
      relu: Math.SQRT2,
      "leaky-relu": Math.sqrt(2 / (1 + 0.01 ** 2)),
      "leaky-relu slope 0.2": Math.sqrt(2 / 1.04),
      elu: 1,
      "elu alpha 2": 1,
      gelu: 1,
      selu: 0.75,
      softplus: 1,
      maxout: 1
    };
    for (const [name, fn] of CASES) close(fn.gain, gains[name]!, 1e-12, name);
  });
  it("creates every registered kind, with its options and pieces", () => {
    for (const kind of kindsOf(ACTIVATIONS)) {
      const spec = ACTIVATIONS[kind];
      assert.ok(spec.label && spec.description, kind);
      const fn = make(kind);
      assert.equal(fn.config.kind, kind);
      assert.deepEqual(Object.keys(fn.config).sort(), ["kind", ...Object.keys(spec.options)].sort());
      assert.equal(fn.pieces, kind === "maxout" ? 2 : 1);
    }
    assert.deepEqual(Object.keys(ACTIVATIONS["leaky-relu"].options), ["slope"]);
    assert.deepEqual(Object.keys(ACTIVATIONS.elu.options), ["alpha"]);
  });
  it("rejects an unknown kind by name", () => {
    assert.throws(
      () => createActivation({kind: "swish"} as unknown as ActivationConfig),
      (error: unknown) => error instanceof ConfigError && error.message.includes('"swish"')
    );
  });
  it("leaves only its results behind", () => {
    for (const [name, fn] of CASES) {
      const z = tf.tensor2d(normalSamples(4 * 6 * fn.pieces, seededRandom(2)), [4, 6 * fn.pieces]);
      const start = tf.memory().numTensors;
      const h = fn.forward(z);
      const ones = tf.onesLike(h);
      const dz = fn.backward(ones, z, h);
      const s = fn.saturation(z, h);
      assert.equal(tf.memory().numTensors, start + 4, `${name}: h, the ones, dz and the saturation`);
      tf.dispose([z, h, ones, dz, s]);
    }
  });
  it("ActivationLayer has no params or buffers and skips ∂L/∂z when not needed", () => {
    const layer = new ActivationLayer("act", make("tanh"));
    assert.deepEqual([layer.params, layer.buffers], [[], []]);
    tf.tidy(() => {
      const {y, backward} = layer.forward(tf.tensor2d([[0.5, -1]]), "train");
      assert.deepEqual(backward(tf.onesLike(y), false), {dx: null, grads: []});
      assert.equal(backward(tf.onesLike(y), true).dx?.shape.join(), "1,2");
    });
  });
});
