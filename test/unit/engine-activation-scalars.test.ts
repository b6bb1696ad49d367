// The tensor-free activation curves (activation-scalars.ts): known values, f′ against a finite difference of f,
// and every name of the registry covered.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {activationCurve, scalarActivation} from "../../src/engine/activation-scalars.js";
import {ACTIVATIONS} from "../../src/engine/activations.js";
import {kindsOf, withDefaults} from "../../src/engine/options.js";
import type {ActivationConfig} from "../../src/engine/types.js";

const close = (a: number, b: number, tolerance: number, what = "") =>
  assert.ok(Math.abs(a - b) <= tolerance, `${what} ${a} ≉ ${b}`);
const every = kindsOf(ACTIVATIONS).map((kind) => withDefaults<string, ActivationConfig>(ACTIVATIONS, kind));
const of = (config: ActivationConfig) => scalarActivation(config);

describe("scalarActivation", () => {
  it("covers every activation of the registry", () => {
    assert.ok(every.length >= 9);
    for (const config of every) {
      const {f, df} = of(config);
      for (const z of [-3, -0.5, 0.5, 3])
        assert.ok(Number.isFinite(f(z)) && Number.isFinite(df(z)), config.kind);
    }
  });

  it("gives the known derivatives: σ′(0) = 1/4, tanh′(0) = 1, ReLU′ 0 or 1, softplus′(0) = GELU′(0) = 1/2", () => {
    close(of({kind: "sigmoid"}).df(0), 0.25, 1e-15, "σ′(0)");
    close(of({kind: "tanh"}).df(0), 1, 1e-15, "tanh′(0)");
    assert.deepEqual(
      [-1, 0, 2].map((z) => of({kind: "relu"}).df(z)),
      [0, 0, 1]
    );
    assert.deepEqual(
      [-1, 2].map((z) => of({kind: "leaky-relu", slope: 0.1}).df(z)),
      [0.1, 1]
    );
    close(of({kind: "softplus"}).df(0), 0.5, 1e-15, "softplus′(0)");
    close(of({kind: "gelu"}).df(0), 0.5, 1e-7, "GELU′(0)");
    close(of({kind: "elu", alpha: 2}).df(-1), 2 * Math.exp(-1), 1e-15, "ELU′(−1)");
    close(of({kind: "selu"}).df(1), 1.0507009873554805, 1e-15, "SELU′(1) = λ");
    close(of({kind: "sigmoid"}).f(0), 0.5, 1e-15, "σ(0)");
  });

  it("gives maxout the scalar form |z| with |f′| = 1 everywhere", () => {
    const {f, df} = of({kind: "maxout"});
    assert.deepEqual([f(-2), f(0), f(3)], [2, 0, 3]);
    assert.deepEqual([df(-2), df(0), df(3)], [-1, 1, 1]);
  });

  it("has f′ equal to a central difference of f away from the kinks, for every activation", () => {
    const h = 1e-5;
    for (const config of every) {
      const {f, df} = of(config);
      for (const z of [-2.3, -0.7, 0.4, 1.9]) {
        close(df(z), (f(z + h) - f(z - h)) / (2 * h), 1e-6, `${config.kind} at ${z}`);
      }
    }
  });
});

describe("activationCurve", () => {
  it("samples f and f′ on an even grid that includes both ends", () => {
    const curve = activationCurve({kind: "tanh"}, {from: -2, to: 2, points: 5});
    assert.deepEqual(
      curve.map((p) => p.z),
      [-2, -1, 0, 1, 2]
    );
    close(curve[2]!.df, 1, 1e-15);
    close(curve[4]!.f, Math.tanh(2), 1e-15);
    assert.equal(activationCurve({kind: "relu"}).length, 201);
    assert.equal(activationCurve({kind: "relu"}, {points: 1}).length, 2);
  });
});
