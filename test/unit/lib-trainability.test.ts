import assert from "node:assert/strict";
import {test} from "node:test";
import {validateConfig} from "../../src/engine/config.js";
import {EXPLORER_DEPTH} from "../../src/lib/explorer.js";
import {SCALE_RANGE} from "../../src/lib/initialization.js";
import {plannedSteps} from "../../src/lib/run-protocol.js";
import {
  DEFAULT_GRID,
  LARGER_GRID,
  cellConfig,
  cellCost,
  depthsBetween,
  gridCells,
  gridKey,
  gridOfSize,
  logSpaced
} from "../../src/lib/trainability.js";
import {chiCurve} from "../../src/lib/mean-field-edge.js";
import {theoryOverlay, XI_MULTIPLES} from "../../src/lib/trainability-theory.js";

test("trainability grid: logSpaced spans its ends with a constant ratio", () => {
  assert.deepEqual(logSpaced(0.01, 10, 7), [0.01, 0.0316, 0.1, 0.316, 1, 3.16, 10]);
  assert.deepEqual(logSpaced(0.1, 10, 1), [1]);
  assert.deepEqual(depthsBetween(2, 32, 5), [2, 4, 8, 16, 32]);
});

test("trainability grid: the default and larger grids stay inside the explorer's ranges", () => {
  for (const grid of [DEFAULT_GRID, LARGER_GRID]) {
    assert.ok(grid.scales[0]! >= SCALE_RANGE.min && grid.scales.at(-1)! <= SCALE_RANGE.max);
    assert.ok(grid.depths[0]! >= EXPLORER_DEPTH.min && grid.depths.at(-1)! <= EXPLORER_DEPTH.max);
    assert.ok(grid.scales.includes(1) && grid.scales.includes(10), "the study's 1 and 10 are on the grid");
  }
  assert.ok(LARGER_GRID.scales.length * LARGER_GRID.depths.length > 3 * gridCells(DEFAULT_GRID).length);
});

test("trainability grid: cellConfig is the study's network at N(0, scale²), SGD, one epoch of steps × batch", () => {
  const config = cellConfig(DEFAULT_GRID, 0.316, 8);
  validateConfig(config);
  assert.equal(config.depth, 8);
  assert.equal(config.width, 128);
  assert.deepEqual(config.activation, {kind: "sigmoid"});
  assert.deepEqual(config.init, {kind: "normal", std: 0.316});
  assert.deepEqual(config.optimizer, {kind: "sgd", learningRate: DEFAULT_GRID.learningRate});
  assert.deepEqual(config.normalization, {kind: "none"});
  assert.deepEqual(config.skips, []);
  assert.equal(plannedSteps(config), DEFAULT_GRID.steps);
  assert.equal(config.validationFraction, 0);
  assert.deepEqual(config.seeds, {init: 42, data: 42});
  assert.equal(plannedSteps(cellConfig({...DEFAULT_GRID, steps: 20}, 1, 2)), 20);
  assert.deepEqual(cellConfig({...DEFAULT_GRID, activation: "elu"}, 1, 2).activation, {
    kind: "elu",
    alpha: 1
  });
});

test("trainability grid: cells run shallow rows first and the key tells grids apart", () => {
  const grid = gridOfSize(2, 2, 20);
  assert.deepEqual(gridCells(grid), [
    {scale: 0.01, depth: 2},
    {scale: 10, depth: 2},
    {scale: 0.01, depth: 32},
    {scale: 10, depth: 32}
  ]);
  assert.notEqual(gridKey(grid), gridKey({...grid, steps: 21}));
  assert.notEqual(gridKey(grid), gridKey({...grid, learningRate: 0.2}));
  assert.equal(gridKey(grid), gridKey({...grid}));
  assert.ok(cellCost(grid, 32) > 3 * cellCost(grid, 2));
});

test("trainability theory: the map's critical line is where the sigmoid's χ₁ = 1, inside its scales or absent", () => {
  const {critical} = theoryOverlay(DEFAULT_GRID);
  assert.ok(Math.abs(chiCurve("sigmoid", [critical!], 128)![0]! - 1) < 1e-5);
  // The initialization page's numbers: χ₁ ≈ 1.1 at std 1, ≈ 0.02 at 0.05; so the edge lies between them.
  assert.ok(critical! > 0.5 && critical! < 1, `critical ${critical}`);
  assert.equal(theoryOverlay({...DEFAULT_GRID, scales: [2, 10]}).critical, null);
});

test("trainability theory: k·ξ curves peak at the critical scale and scale with k", () => {
  const overlay = theoryOverlay(DEFAULT_GRID);
  assert.deepEqual(
    overlay.xiLines.map((l) => l.multiple),
    [...XI_MULTIPLES]
  );
  const [one, six] = overlay.xiLines;
  const peak = one!.points.reduce((a, b) => (b.depth > a.depth ? b : a));
  assert.ok(Math.abs(Math.log(peak.scale / overlay.critical!)) < 0.1, `peak at ${peak.scale}`);
  const i = 10;
  assert.ok(Math.abs(six!.points[i]!.depth - 6 * one!.points[i]!.depth) < 1e-9);
  // Far in the ordered phase (std 0.01) ξ = 1/|ln χ₁| is a fraction of a layer.
  assert.ok(one!.points[0]!.depth < 0.2);
});
