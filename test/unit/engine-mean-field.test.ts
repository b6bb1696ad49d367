// Mean-field predictions against known answers, and against a measurement: the committed baseline run's
// gradient profile at step 0.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import {loadRunRecord} from "../../data/results.js";
import {
  fixedPoint,
  gaussianMean,
  gradientFactor,
  initialisationOf,
  meanField,
  predictLayers,
  type ScalarActivation
} from "../../src/engine/mean-field.js";

const tanh: ScalarActivation = {f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2};
const relu: ScalarActivation = {f: (z) => Math.max(z, 0), df: (z) => (z > 0 ? 1 : 0)};
const sigmoidOf = (z: number) => 1 / (1 + Math.exp(-z));
const sigmoid: ScalarActivation = {f: sigmoidOf, df: (z) => sigmoidOf(z) * (1 - sigmoidOf(z))};

const close = (a: number, b: number, tolerance: number, what = "") =>
  assert.ok(Math.abs(a - b) <= tolerance, `${what} ${a} ≉ ${b}`);

describe("gaussianMean", () => {
  it("gives the moments of N(0, q): E[x²] = q, E[x⁴] = 3q²", () => {
    close(
      gaussianMean((x) => x * x, 1),
      1,
      1e-10
    );
    close(
      gaussianMean((x) => x ** 4, 2),
      12,
      1e-9
    );
    close(
      gaussianMean(() => 1, 5),
      1,
      1e-12
    );
  });
});

describe("mean-field phases", () => {
  it("tanh with σ_b = 0 is critical at σ_w² = 1: ordered below, chaotic above", () => {
    assert.equal(meanField(tanh, {sigmaW2: 0.9, sigmaB2: 0}).phase, "ordered");
    const chaotic = meanField(tanh, {sigmaW2: 1.2, sigmaB2: 0});
    assert.equal(chaotic.phase, "chaotic");
    close(chaotic.depthScale, 1 / Math.log(chaotic.chi1), 1e-9, "ξ above the line");
    // Below the line q* = 0 and χ₁ = σ_w² tanh′(0)² = σ_w².
    const below = meanField(tanh, {sigmaW2: 0.5, sigmaB2: 0});
    close(below.qStar, 0, 1e-9, "q*");
    close(below.chi1, 0.5, 1e-6, "χ₁");
    close(below.depthScale, -1 / Math.log(0.5), 1e-4, "ξ");
    // At the line the fixed point is approached only like 1/l, so χ₁ is 1 to about a percent after 500 steps.
    close(meanField(tanh, {sigmaW2: 1, sigmaB2: 0}).chi1, 1, 0.01, "χ₁ at σ_w² = 1");
  });

  it("ReLU has χ = σ_w²/2 whatever the variance (half the units pass the gradient)", () => {
    for (const q of [0.01, 1, 30])
      close(gradientFactor(relu, {sigmaW2: 1.4, sigmaB2: 0}, q), 0.7, 1e-6, `q ${q}`);
    assert.equal(meanField(relu, {sigmaW2: 2, sigmaB2: 0}).phase, "critical");
  });

  it("χ₁ grows with σ_w for sigmoid, from about σ_w²/16 at small weights", () => {
    const chis = [0.1, 0.5, 1, 4, 16, 64].map((s) => meanField(sigmoid, {sigmaW2: s, sigmaB2: 0}).chi1);
    for (let i = 1; i < chis.length; i++) assert.ok(chis[i]! > chis[i - 1]!, chis.join(", "));
    close(chis[0]! / 0.1, 1 / 16, 0.002, "χ₁/σ_w² at σ_w² = 0.1");
  });

  it("finds the sigmoid fixed point q* = σ_w² E[σ(√q* z)²] + σ_b²", () => {
    const init = {sigmaW2: 3, sigmaB2: 0.1};
    const q = fixedPoint(sigmoid, init);
    close(3 * gaussianMean((x) => sigmoidOf(x) ** 2, q) + 0.1, q, 1e-9);
  });
});

describe("initialisationOf", () => {
  it("maps PyTorch's default and N(0, std²) onto σ_w² and σ_b²", () => {
    assert.deepEqual(initialisationOf({kind: "pytorch-default"}, 128), {sigmaW2: 1 / 3, sigmaB2: 1 / 384});
    const normal = initialisationOf({kind: "normal", std: 0.05}, 128);
    close(normal.sigmaW2, 0.32, 1e-12, "σ_w²");
    assert.equal(normal.sigmaB2, 0);
  });
});

describe("predictLayers against the committed baseline at step 0", () => {
  it("predicts each hidden layer's gradient norm from layer 2 up to within 0.15 decades", () => {
    const file = new URL("../../data/results/baseline.json", import.meta.url);
    const record = loadRunRecord(JSON.parse(readFileSync(file, "utf8")));
    const measured = record.snapshots[0]!.layers.slice(0, 7).map((layer) => Math.log10(layer.gradNorm));
    // FashionMNIST pixels in [0, 1]: mean 0.286, std 0.353, so E[x²] ≈ 0.21.
    const predicted = predictLayers(sigmoid, initialisationOf({kind: "pytorch-default"}, 128), 7, 128, {
      meanSquare: 0.21,
      size: 784
    });
    for (let l = 1; l < 7; l++) {
      const relative = measured[l]! - measured[6]!;
      close(predicted[l]!.log10RelativeGradient, relative, 0.15, `hidden ${l + 1}`);
    }
    // The sigmoid baseline loses about 0.85 decades a layer: χ ≈ (1/3)(1/16) ≈ 0.02.
    close(predicted[5]!.log10RelativeGradient, -0.85, 0.05, "hidden 6 vs 7");
  });
});

describe("predictLayers with a first layer of its own", () => {
  it("starts from the first layer's σ_w² and σ_b² (784 inputs), then the hidden layers' own", () => {
    const input = {meanSquare: 0.21, size: 784};
    const hidden = initialisationOf({kind: "normal", std: 1}, 128);
    const first = initialisationOf({kind: "normal", std: 1}, 784);
    const [one, two] = predictLayers(sigmoid, hidden, 3, 128, input, first);
    close(one!.q, 784 * 0.21, 1e-9, "q₁ = 784 · std² · E[x²]");
    const h2 = gaussianMean((x) => sigmoid.f(x) ** 2, one!.q);
    close(two!.q, 128 * h2, 1e-9, "q₂ = 128 · std² · E[σ(z₁)²]");
    // Without `first`, the hidden layers' σ_w² is used for the first layer too (right for PyTorch's default).
    close(predictLayers(sigmoid, hidden, 3, 128, input)[0]!.q, 128 * 0.21, 1e-9, "default");
  });
});
