// The initialization page: labels and configs of every scheme, each scheme's σ_w² against its variance formula,
// and the mean-field picture of the study's three scales (ordered, near critical, chaotic).
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {BASELINE_CONFIG} from "../../src/engine/config.js";
import type {InitConfig, Snapshot} from "../../src/engine/types.js";
import {
  hiddenInitialisation,
  layerInitialisation,
  initFromValues,
  initLabel,
  initTheory,
  scaleOption,
  theoryGap
} from "../../src/lib/initialization.js";

const close = (a: number, b: number, tolerance: number, what = "") =>
  assert.ok(Math.abs(a - b) <= tolerance, `${what} ${a} ≉ ${b}`);

describe("init schemes on the page", () => {
  it("puts the scale on each scheme's own option and names the run after it", () => {
    assert.equal(scaleOption("pytorch-default"), null);
    assert.equal(scaleOption("uniform"), "bound");
    assert.deepEqual(initFromValues({scheme: "xavier-uniform", scale: 2}), {kind: "xavier-uniform", gain: 2});
    assert.deepEqual(initFromValues({scheme: "pytorch-default", scale: 2}), {kind: "pytorch-default"});
    assert.equal(initLabel({scheme: "normal", scale: 0.05}), "N(0, 0.05²) init");
    assert.equal(initLabel({scheme: "uniform", scale: 0.1}), "U(±0.1) init");
    assert.equal(initLabel({scheme: "he-normal", scale: 1}), "He (Kaiming) normal, scale 1");
    assert.equal(initLabel({scheme: "pytorch-default", scale: 1}), "PyTorch default init");
  });

  it("maps each scheme to σ_w² = fan-in × Var W of a square hidden layer", () => {
    const w = (init: InitConfig, gain = 1) => hiddenInitialisation(init, 128, gain).sigmaW2;
    close(w({kind: "normal", std: 0.05}), 0.32, 1e-12, "normal");
    close(w({kind: "uniform", bound: 0.3}), (128 * 0.09) / 3, 1e-12, "uniform");
    close(w({kind: "xavier-normal", gain: 2}), 4, 1e-12, "xavier");
    close(w({kind: "he-uniform", scale: 1}, Math.SQRT2), 2, 1e-12, "he with ReLU's gain");
    close(w({kind: "orthogonal", gain: 0.5}), 0.25, 1e-12, "orthogonal");
    close(w({kind: "pytorch-default"}), 1 / 3, 1e-12, "PyTorch default");
  });

  it("gives the first layer (784 inputs, 128 outputs) its own σ_w²", () => {
    const w = (init: InitConfig, n = 784, m = 128) => layerInitialisation(init, n, m, 1).sigmaW2;
    close(w({kind: "normal", std: 1}), 784, 1e-9, "normal: 784 · std²");
    close(w({kind: "xavier-normal", gain: 1}), (784 * 2) / (784 + 128), 1e-12, "xavier");
    close(w({kind: "orthogonal", gain: 1}), 1, 1e-12, "orthogonal rows of length 784");
    close(w({kind: "orthogonal", gain: 1}, 128, 784), 128 / 784, 1e-12, "orthogonal columns of length 784");
    close(w({kind: "pytorch-default"}), 1 / 3, 1e-12, "PyTorch default is scaled by the fan-in");
  });
});

describe("initTheory of the study's network", () => {
  const theory = (std: number) => initTheory({...BASELINE_CONFIG, init: {kind: "normal", std}})!;

  it("puts N(0, 0.05²) deep in the ordered phase, N(0, 1²) near the edge and N(0, 10²) in the chaotic one", () => {
    const [small, right, large] = [theory(0.05), theory(1), theory(10)];
    assert.equal(small.summary.phase, "ordered");
    close(small.summary.chi1, 0.32 / 16, 0.002, "χ₁ ≈ σ_w²/16 for small weights");
    assert.ok(right.summary.chi1 > 0.5 && right.summary.chi1 < 2, `χ₁ at std 1: ${right.summary.chi1}`);
    assert.equal(large.summary.phase, "chaotic");
    assert.ok(large.summary.chi1 > 5, `χ₁ at std 10: ${large.summary.chi1}`);
    // Per layer: small weights lose most of the gradient on the way down, large ones amplify it.
    assert.ok(small.layers[0]!.log10RelativeGradient < -4, "std 0.05, layer 1");
    assert.ok(large.layers[0]!.log10RelativeGradient > 2, "std 10, layer 1");
  });

  it("measures the decades between layer 1 and the last hidden layer against the prediction", () => {
    const t = theory(0.05);
    const layer = (gradNorm: number, hidden = true) => ({gradNorm, activation: hidden ? {} : null});
    const snapshot = {layers: [layer(1e-6), ...Array(5).fill(layer(1)), layer(1e-2), layer(5, false)]};
    const gap = theoryGap(t, snapshot as unknown as Snapshot);
    close(gap.measured, -4, 1e-9, "measured");
    assert.equal(gap.predicted, t.layers[0]!.log10RelativeGradient);
  });

  it("has no picture for maxout, which is no function of one number", () => {
    assert.equal(initTheory({...BASELINE_CONFIG, activation: {kind: "maxout"}}), null);
  });
});
