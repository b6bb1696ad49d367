// The comparison table's rows and notes: ours against the study's, the layer-wise stage-3 figure, the seed spread
// of the seed-sensitive experiments, variants the study never ran, and experiments not yet run.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {comparisonRows, seedsText, FORMATS} from "../../src/lib/study-table.js";
import type {ExperimentSummary, RunSummary} from "../../src/lib/study-types.js";
import {experiment, run, study} from "./study-fixtures.js";

const rowOf = (e: ExperimentSummary, r: RunSummary | null) => comparisonRows(study([e], r ? [r] : []))[0]!;

describe("comparisonRows", () => {
  it("puts our figure next to the study's with the difference, and says when they agree", () => {
    const row = rowOf(
      experiment("adam", 0.8591),
      run("adam", {comparedAccuracy: 0.8521, testAccuracy: 0.8521})
    );
    assert.deepEqual([row.ours, row.study, row.difference, row.seed], [0.8521, 0.8591, -0.007, 42]);
    assert.equal(row.note, "Agrees with the study within 2 points.");
  });

  it("gives a difference beyond 2 points its likely causes", () => {
    const row = rowOf(experiment("skip", 0.6756), run("skip", {comparedAccuracy: 0.8}));
    assert.equal(row.difference, 0.1244);
    assert.match(
      row.note,
      /^Differs by \+12\.4 points\. Possible causes: one seed each, another split of the same images/
    );
  });

  it("compares the layer-wise figure with stage 3 and names the study's defect", () => {
    const layerwise = run("layerwise", {
      testAccuracy: 0.1,
      comparedAccuracy: 0.43,
      compared: {kind: "stage", stage: 3}
    });
    const row = rowOf(experiment("layerwise", 0.4202), layerwise);
    assert.deepEqual([row.testAccuracy, row.ours, row.difference], [0.1, 0.43, 0.0098]);
    assert.match(
      row.note,
      /printed its stage-3 result as the final one \(a defect\), so its 0\.4202 is compared with our stage-3 test accuracy; our final stage reaches 10\.0%\./
    );
  });

  it("shows the seed spread of a seed-sensitive experiment and whether the study's value lies inside it", () => {
    const seeds = {count: 4, mean: 0.3, min: 0.1, max: 0.45, seeds: [1, 2, 3, 42]};
    const e = experiment("gradnorm-study", 0.5373, {seedSensitive: true, seeds});
    const row = rowOf(e, run("gradnorm-study", {comparedAccuracy: 0.28}));
    assert.match(
      row.note,
      /drops the 1\/batch-size factor .* one seed's luck\. Over 4 seeds ours range 10\.0%–45\.0% \(mean 30\.0%\)\. The study's value lies outside that range\.$/
    );
    assert.deepEqual([row.seeds, row.seedMin, row.seedMax, row.seedMean], [4, 0.1, 0.45, 0.3]);
    assert.equal(seedsText(row), "4 seeds: 10.0%–45.0%");
    const inside = rowOf({...e, seeds: {...seeds, max: 0.6}}, run("gradnorm-study"));
    assert.match(inside.note, /lies inside that range/);
    const single = rowOf(experiment("init-std-10", 0.1927, {seedSensitive: true}), run("init-std-10"));
    assert.match(single.note, /saturates.* Only one seed has been run so far\.$/);
  });

  it("marks variants the study did not run, diverged runs, and experiments not yet run", () => {
    const variant = rowOf(experiment("gradnorm-block", null), run("gradnorm-block"));
    assert.deepEqual([variant.study, variant.difference], [null, null]);
    assert.equal(variant.note, "This project's variant: the study did not run it.");
    const diverged = rowOf(
      experiment("x", 0.5),
      run("x", {status: "diverged", message: "loss is NaN", comparedAccuracy: null})
    );
    assert.equal(diverged.note, "Diverged: loss is NaN");
    const missing = rowOf(
      experiment("relu", 0.7882, {status: "not yet run", referenceFile: null, seeds: null}),
      null
    );
    assert.deepEqual(
      [missing.status, missing.ours, missing.seeds, missing.note],
      ["not yet run", null, 0, "Not yet run at the study's protocol."]
    );
    assert.equal(seedsText(missing), "–");
  });
});

describe("FORMATS", () => {
  it("reads shares as percentages, differences as signed points, and nothing as a dash", () => {
    assert.deepEqual(
      [FORMATS.percent(0.8591), FORMATS.points(-0.007), FORMATS.points(0.1244), FORMATS.loss(2.30259)],
      ["85.9%", "−0.7", "+12.4", "2.303"]
    );
    assert.deepEqual(
      [FORMATS.percent(null), FORMATS.points(undefined), FORMATS.plain(null), FORMATS.plain(8)],
      ["–", "–", "–", "8"]
    );
  });
});
