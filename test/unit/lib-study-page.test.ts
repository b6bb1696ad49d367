// What the study page derives from the loader's file: panels, curves and seed rows in table order, experiments
// without a run kept in place, and table and export columns that cover every field.
import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {sortableTable} from "../../components/sortable-table.js";
import {comparisonRows, type ComparisonRow} from "../../src/lib/study-table.js";
import {
  accuracySeries,
  computeTime,
  EXPORT_COLUMNS,
  gradientPanels,
  referenceRun,
  seedRows,
  TABLE_COLUMNS
} from "../../src/lib/study-page.js";
import {experiment, run, study} from "./study-fixtures.js";
import {texts} from "./components-dom.js";

const profile = {step: 0, layers: [{layer: "output", norm: 0.5}]};
const seeds = {count: 2, mean: 0.2, min: 0.1, max: 0.3, seeds: [1, 42]};
const fixture = study(
  [
    experiment("baseline", 0.1),
    experiment("init-std-10", 0.1927, {seedSensitive: true, referenceFile: "s42.json", seeds}),
    experiment("relu", 0.7882, {status: "not yet run", referenceFile: null, seeds: null})
  ],
  [
    run("baseline", {curve: {validationAccuracy: [0.1, null, 0.1], trainLoss: [2.3, 2.3, 2.3]}}),
    run("init-std-10", {file: "s1.json", seed: 1, comparedAccuracy: 0.1}),
    run("init-std-10", {file: "s42.json", comparedAccuracy: 0.3, gradients: {start: profile, end: profile}})
  ]
);

describe("study page data", () => {
  it("finds each experiment's reference run, the study's seed 42", () => {
    assert.equal(referenceRun(fixture, "init-std-10")!.file, "s42.json");
    assert.equal(referenceRun(fixture, "relu"), null);
  });

  it("makes one gradient panel per experiment, empty where no run exists", () => {
    const panels = gradientPanels(fixture);
    assert.deepEqual(
      panels.map((p) => p.title),
      ["baseline", "init-std-10", "relu"]
    );
    assert.deepEqual(panels[1]!.start, profile);
    assert.deepEqual([panels[2]!.start, panels[2]!.end], [null, null]);
  });

  it("keeps every experiment in the curve list, so colours do not shift as runs arrive", () => {
    const series = accuracySeries(fixture);
    assert.deepEqual(
      series.map((s) => [s.key, s.points.length]),
      [
        ["baseline", 3],
        ["init-std-10", 1],
        ["relu", 0]
      ]
    );
    assert.deepEqual(series[0]!.points[1], {x: 2, y: null});
  });

  it("lists every seed of the seed-sensitive experiments with the study's value", () => {
    assert.deepEqual(seedRows(fixture), [
      {
        label: "init-std-10",
        seeds: [
          {seed: 1, accuracy: 0.1},
          {seed: 42, accuracy: 0.3}
        ],
        study: 0.1927
      }
    ]);
  });

  it("has table columns the sortable table renders, and exports every field of a row", () => {
    const rows = comparisonRows(fixture);
    const table = sortableTable(rows, {caption: "c", columns: TABLE_COLUMNS});
    assert.equal(texts(table, "thead th").length, TABLE_COLUMNS.length);
    assert.deepEqual(texts(table, "tbody th"), ["baseline", "init-std-10", "relu"]);
    assert.deepEqual(texts(table.tBodies[0]!.rows[1]!, "td").slice(-2, -1), ["2 seeds: 10.0%–30.0%"]);
    const fields = Object.keys(rows[0]!) as (keyof ComparisonRow)[];
    assert.deepEqual(EXPORT_COLUMNS.map((c) => c.key).sort(), [...fields].sort());
  });

  it("reads compute time in minutes and hours", () => {
    assert.equal(computeTime(20 * 60_000), "20 min");
    assert.equal(computeTime(192 * 60_000), "3 h 12 min");
  });
});
