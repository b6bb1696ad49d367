// Where the edge of chaos lies for N(0, std²) weights on 128-wide layers: the critical scales against the analytic
// ReLU (σ_w² = 2) and tanh (σ_w² = 1, tanh′(0) = 1) edges, the sigmoid's against mean-field.ts's own iterated fixed
// point, and the fixed-point factor χ₁ against that iteration away from the edge.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {meanField} from "../../src/engine/mean-field.js";
import {
  chiCurve,
  criticalScales,
  depthScale,
  firstLayerQ,
  fixedPointChi,
  scalarOf,
  stableFixedPoint
} from "../../src/lib/mean-field-edge.js";

const SCAN = Array.from({length: 25}, (_, i) => 0.01 * 2000 ** (i / 24));
const close = (actual: number, expected: number, relative: number, what: string) =>
  assert.ok(Math.abs(actual / expected - 1) < relative, `${what}: ${actual} vs ${expected}`);
const hidden = (std: number) => ({sigmaW2: 128 * std * std, sigmaB2: 0});

describe("criticalScales", () => {
  it("puts ReLU's edge at σ_w² = 2: std √(2/128) = 0.125", () => {
    const edges = criticalScales("relu", SCAN);
    assert.equal(edges.length, 1);
    close(edges[0]!, Math.sqrt(2 / 128), 1e-5, "relu");
  });

  it("puts tanh's edge at σ_w² = 1 (slope 1 at 0, where q* sits in the ordered phase): std 1/√128", () => {
    const edges = criticalScales("tanh", SCAN);
    assert.equal(edges.length, 1);
    close(edges[0]!, 1 / Math.sqrt(128), 1e-4, "tanh");
  });

  it("puts the sigmoid's edge where mean-field.ts's iterated fixed point gives χ₁ = 1, with order below and chaos above", () => {
    const [edge] = criticalScales("sigmoid", SCAN);
    assert.ok(edge! > 0.5 && edge! < 1.5, String(edge));
    const phi = scalarOf("sigmoid")!;
    close(meanField(phi, hidden(edge!)).chi1, 1, 1e-4, "χ₁ at the edge");
    assert.ok(meanField(phi, hidden(edge! * 0.95)).chi1 < 1);
    assert.ok(meanField(phi, hidden(edge! * 1.05)).chi1 > 1);
  });

  it("finds no edge where χ₁ stays on one side of 1, and none for maxout (no theory)", () => {
    assert.deepEqual(criticalScales("sigmoid", [0.01, 0.1, 0.5]), []);
    assert.deepEqual(criticalScales("maxout", SCAN), []);
    assert.equal(chiCurve("maxout", SCAN), null);
  });
});

describe("fixedPointChi", () => {
  it("agrees with mean-field.ts's iterated fixed point away from the edge (sigmoid, tanh)", () => {
    for (const activation of ["sigmoid", "tanh"])
      for (const std of [0.02, 0.3, 3, 15]) {
        const phi = scalarOf(activation)!;
        const expected = meanField(phi, hidden(std)).chi1;
        close(fixedPointChi(phi, hidden(std), firstLayerQ(std)), expected, 1e-6, `${activation} ${std}`);
      }
  });

  it("gives ReLU σ_w²/2 on both sides of its edge, where q* is 0 and ∞", () => {
    const phi = scalarOf("relu")!;
    for (const std of [0.05, 1])
      close(fixedPointChi(phi, hidden(std)), (128 * std * std) / 2, 1e-6, `std ${std}`);
    assert.equal(stableFixedPoint(phi, hidden(0.05)), 0);
    assert.equal(stableFixedPoint(phi, hidden(1)), Infinity);
  });

  it("finds tanh's q* = 0 in the ordered phase and a q* > 0 that the length map keeps in the chaotic one", () => {
    const phi = scalarOf("tanh")!;
    assert.equal(stableFixedPoint(phi, hidden(0.05)), 0);
    const q = stableFixedPoint(phi, hidden(1));
    const next = 128 * meanSquareTanh(q);
    close(next, q, 1e-6, "q* is a fixed point");
  });
});

describe("depthScale", () => {
  it("is 1/|ln χ₁|: one layer at χ₁ = e or 1/e, infinite at the edge", () => {
    close(depthScale(Math.E), 1, 1e-12, "e");
    close(depthScale(1 / Math.E), 1, 1e-12, "1/e");
    assert.equal(depthScale(1), Infinity);
  });
});

/** E[tanh(√q z)²] by a plain trapezoid rule on [−12, 12], independent of mean-field.ts's quadrature. */
function meanSquareTanh(q: number): number {
  let sum = 0;
  const n = 24000;
  for (let i = 0; i <= n; i++) {
    const z = -12 + (24 * i) / n;
    const w = ((i === 0 || i === n ? 0.5 : 1) * (24 / n) * Math.exp((-z * z) / 2)) / Math.sqrt(2 * Math.PI);
    sum += w * Math.tanh(Math.sqrt(q) * z) ** 2;
  }
  return sum;
}
