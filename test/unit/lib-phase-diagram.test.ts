// The phase diagram's numbers: every cell of the predicted grid against mean-field.ts's predictLayers called
// directly on a network of that depth (σ_w² worked out here by hand: 784·std² for layer 1, 128·std² above), the
// measured ratio from a snapshot, the measured points' budget, and the page's view of them.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {predictLayers} from "../../src/engine/mean-field.js";
import type {Snapshot} from "../../src/engine/types.js";
import {scalarOf} from "../../src/lib/mean-field-edge.js";
import {phaseData, phaseRows, phaseStatus, type PhaseView} from "../../src/lib/phase-client.js";
import {
  MEASURED_POINTS,
  PHASE_DEPTHS,
  PHASE_SCALES,
  measuredRatio,
  phasePrediction,
  predictedGrid,
  predictedRatio,
  type PhasePredictions
} from "../../src/lib/phase-diagram.js";

/** predictLayers on a fresh network of `depth` layers of 128 under N(0, std²), FashionMNIST's E[x²] ≈ 0.21. */
function direct(activation: string, std: number, depth: number): number {
  const hidden = {sigmaW2: 128 * std ** 2, sigmaB2: 0};
  const first = {sigmaW2: 784 * std ** 2, sigmaB2: 0};
  const input = {meanSquare: 0.21, size: 784};
  return predictLayers(scalarOf(activation)!, hidden, depth, 128, input, first)[0]!.log10RelativeGradient;
}

describe("predictedGrid", () => {
  it("equals predictLayers on a network of each cell's own depth", () => {
    const scales = [PHASE_SCALES[3]!, PHASE_SCALES[20]!, PHASE_SCALES[36]!];
    for (const activation of ["sigmoid", "tanh", "gelu"]) {
      const grid = predictedGrid(activation, scales, PHASE_DEPTHS)!;
      assert.equal(grid.length, PHASE_DEPTHS.length);
      for (const depth of [2, 7, 23, 50])
        scales.forEach((std, c) => {
          const expected = direct(activation, std, depth);
          const actual = grid[depth - 1]![c]!;
          assert.ok(
            Math.abs(actual - expected) < 1e-9,
            `${activation} std ${std} depth ${depth}: ${actual} vs ${expected}`
          );
        });
    }
  });

  it("is 0 for one hidden layer, vanishing for the sigmoid's small weights and exploding for its large ones", () => {
    const grid = predictedGrid("sigmoid", [0.05, 10], [1, 7])!;
    assert.deepEqual(grid[0], [0, 0]);
    assert.ok(grid[1]![0]! < -3 && grid[1]![1]! > 2, JSON.stringify(grid));
  });

  it("is null for maxout, which has no mean-field theory", () => {
    assert.equal(predictedGrid("maxout", [1], [1, 2]), null);
    assert.equal(predictedRatio("maxout", 1, 3), null);
  });
});

describe("phasePrediction", () => {
  it("gives the prediction at every measured point, the sigmoid's edge, and ξ per column", () => {
    const p = phasePrediction("sigmoid");
    assert.equal(p.points!.length, MEASURED_POINTS.length);
    MEASURED_POINTS.forEach(({scale, depth}, i) =>
      assert.ok(Math.abs(p.points![i]! - direct("sigmoid", scale, depth)) < 1e-3, `${scale}, ${depth}`)
    );
    assert.equal(p.critical.length, 1);
    assert.equal(p.depthScale!.length, PHASE_SCALES.length);
    assert.equal(p.grid!.length, PHASE_DEPTHS.length);
  });
});

describe("the measured points", () => {
  it("are at most 30 passes, inside the explorer's ranges, on both sides of the sigmoid's edge", () => {
    assert.ok(MEASURED_POINTS.length <= 30);
    for (const {scale, depth} of MEASURED_POINTS) {
      assert.ok(scale >= 0.01 && scale <= 20 && depth >= 1 && depth <= 50);
    }
    assert.ok(MEASURED_POINTS.some((p) => p.scale < 0.5) && MEASURED_POINTS.some((p) => p.scale > 2));
  });
});

const layer = (name: string, gradNorm: number, activation: boolean) =>
  ({name, gradNorm, activation: activation ? {} : null}) as unknown as Snapshot["layers"][number];

describe("measuredRatio", () => {
  it("is log10 of the first over the last hidden layer's gradient norm, ignoring the output layer", () => {
    const layers = [layer("hidden 1", 1e-5, true), layer("hidden 2", 1e-3, true), layer("output", 7, false)];
    assert.ok(Math.abs(measuredRatio({layers}) - -2) < 1e-12);
    assert.equal(
      measuredRatio({layers: [layer("hidden 1", 0, true), layer("hidden 2", 1, true)]}),
      -Infinity
    );
    assert.ok(Number.isNaN(measuredRatio({layers: [layer("output", 1, false)]})));
  });
});

describe("the page's view", () => {
  const predictions: PhasePredictions = {
    scales: [0.01, 1, 20],
    depths: [1, 2],
    points: MEASURED_POINTS,
    activations: {
      sigmoid: {
        grid: [
          [0, 0, 0],
          [-1, 0.1, 1]
        ],
        critical: [0.9],
        depthScale: [0.1, 9, 0.4],
        points: MEASURED_POINTS.map((_, i) => -i)
      }
    }
  };
  const view: PhaseView = {
    values: {activation: "sigmoid", scale: 0.05, depth: 7},
    measured: [
      {...MEASURED_POINTS[1]!, ratio: -0.5},
      {...MEASURED_POINTS[4]!, ratio: NaN}
    ],
    pending: 26,
    stale: 0,
    elapsedMs: 1234,
    workerMs: 987,
    backend: "wasm",
    message: null,
    notices: []
  };

  it("pairs each measured point with the prediction at its exact setting, and the reader's with predictedRatio", () => {
    const data = phaseData(predictions, view);
    assert.deepEqual(
      data.measured.map((p) => p.predicted),
      [-1, -4]
    );
    assert.equal(data.reader!.ratio, predictedRatio("sigmoid", 0.05, 7));
    // The mean-field profile of the initialization page gives −4.82 decades for the study's network at N(0, 0.05²).
    assert.ok(Math.abs(data.reader!.ratio! - -4.82) < 0.01, String(data.reader!.ratio));
    assert.equal(data.activation, "Sigmoid");
    assert.deepEqual(data.critical, [0.9]);
  });

  it("lists the points as rows in decades and reports progress", () => {
    assert.deepEqual(phaseRows(predictions, view), [
      {std: 0.05, layers: 2, predicted: "-1.00", measured: "-0.50"},
      {std: 1, layers: 2, predicted: "-4.00", measured: "n/a"}
    ]);
    assert.equal(phaseStatus(view), "Measuring Sigmoid: 2 of 28 points, 1.2 s so far (wasm)…");
    assert.equal(
      phaseStatus({...view, pending: 0}),
      "All 28 points measured for Sigmoid in 1.2 s (wasm); the passes themselves took 1.0 s."
    );
  });
});
