// The site's map: the seven remedies in the study's order with their outcome lines, and the sidebar (hence each
// page's previous/next links) in the same order.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import config from "../../observablehq.config.js";
import {PRESETS} from "../../src/engine/presets.js";
import {REMEDY_PAGES, remedyOutcome, runOutcome} from "../../src/lib/remedy-map.js";
import type {ExperimentSummary} from "../../src/lib/study-types.js";

const experiment = (preset: string, accuracies: number[], reported: number | null): ExperimentSummary => ({
  preset,
  title: preset,
  description: "",
  study: reported === null ? null : {experiment: 2, reportedTestAccuracy: reported},
  seedSensitive: accuracies.length > 1,
  status: "done",
  referenceFile: `${preset}_s42_e100.json`,
  seeds: {
    count: accuracies.length,
    mean: accuracies.reduce((a, b) => a + b, 0) / accuracies.length,
    min: Math.min(...accuracies),
    max: Math.max(...accuracies),
    seeds: accuracies.map((_, i) => i)
  }
});

describe("REMEDY_PAGES", () => {
  it("lists the study's remedies in its experiment order, each run a preset of the engine", () => {
    const experiments = REMEDY_PAGES.map(
      (page) => PRESETS.find((p) => p.name === page.runs[0]!.preset)?.study
    );
    assert.deepEqual(
      experiments.map((s) => s?.experiment),
      [2, 4, 5, 6, 7, 8, 9]
    );
    for (const page of REMEDY_PAGES)
      for (const run of page.runs)
        assert.ok(
          PRESETS.some((p) => p.name === run.preset),
          run.preset
        );
  });

  it("is the sidebar's order, so the pages' previous and next links follow the study", () => {
    const listed = config.pages.map((p: {path: string}) => p.path);
    const remedies = listed.filter((path: string) => REMEDY_PAGES.some((page) => page.path === path));
    assert.deepEqual(
      remedies,
      REMEDY_PAGES.map((p) => p.path).filter((path) => listed.includes(path))
    );
    assert.ok(remedies.length >= 4, `only ${remedies.length} remedy pages in the sidebar`);
  });
});

describe("remedyOutcome", () => {
  it("gives one accuracy, a seed range, the study's figure, and runs not yet made", () => {
    assert.equal(runOutcome("ReLU", experiment("relu", [0.8043], 0.7882)), "ReLU 80.4% (study 78.8%)");
    assert.equal(
      runOutcome("The study's", experiment("gradnorm-study", [0.2909, 0.1, 0.5239, 0.1999], 0.5373)),
      "The study's 10.0–52.4% over 4 seeds (study 53.7%)"
    );
    assert.equal(runOutcome("Block", experiment("gradnorm-block", [0.7406], null)), "Block 74.1%");
    assert.equal(runOutcome("Skips", undefined), "Skips: not yet run");
    const page = REMEDY_PAGES.find((p) => p.path === "/gradient-normalization")!;
    assert.equal(
      remedyOutcome(page, [experiment("gradnorm-block", [0.7406], null)]),
      "The study's: not yet run; block-normalized 74.1%"
    );
  });
});
