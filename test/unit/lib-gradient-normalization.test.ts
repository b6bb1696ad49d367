// The gradient normalization page's spec: the study's experiment 9 out of the defaults, each variant with its own
// ε, up to three seeds side by side that differ from the remedy in their seeds alone, invalid URLs explained.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {validateConfig} from "../../src/engine/config.js";
import {presetByName} from "../../src/engine/presets.js";
import type {TrainConfig} from "../../src/engine/types.js";
import {
  GRADIENT_NORM_VARIANTS,
  GRADIENT_NORMALIZATION_SPEC as SPEC,
  gradientNormFromValues,
  SEED_COUNTS
} from "../../src/lib/gradient-normalization.js";
import {defaultValues, remedyRuns, searchFor, valuesFromUrl} from "../../src/lib/remedy-spec.js";

const withoutBudget = ({epochs: _e, trainSize: _t, snapshotEvery: _s, ...rest}: TrainConfig) => rest;

describe("gradient normalization page", () => {
  it("defaults to the study's experiment 9 on seeds 42, 1 and 2, then the baseline on 42", () => {
    const runs = remedyRuns(SPEC, defaultValues(SPEC));
    assert.deepEqual(
      runs.map((r) => r.label),
      [
        "Study's gradient norm, seed 42",
        "Study's gradient norm, seed 1",
        "Study's gradient norm, seed 2",
        "Baseline, seed 42"
      ]
    );
    assert.deepEqual(withoutBudget(runs[0]!.config), withoutBudget(presetByName("gradnorm-study").config));
    assert.deepEqual(withoutBudget(runs[3]!.config), withoutBudget(presetByName("baseline").config));
    assert.deepEqual(
      runs.map((r) => r.config.seeds),
      [42, 1, 2, 42].map((s) => ({init: s, data: s}))
    );
    // The seeds' runs differ from the remedy in their seeds alone.
    for (const run of runs.slice(1, 3))
      assert.deepEqual({...run.config, seeds: null}, {...runs[0]!.config, seeds: null});
  });

  it("gives each variant its own ε and valid configs for every variant and seed count", () => {
    const values = {...defaultValues(SPEC), eps: 1e-4, blockEps: 1e-10};
    assert.deepEqual(gradientNormFromValues({...values, variant: "study"}), {kind: "study", eps: 1e-4});
    assert.deepEqual(gradientNormFromValues({...values, variant: "block"}), {kind: "block", eps: 1e-10});
    assert.deepEqual(GRADIENT_NORM_VARIANTS, ["study", "block"]);
    for (const variant of GRADIENT_NORM_VARIANTS)
      for (const seeds of SEED_COUNTS) {
        const runs = remedyRuns(SPEC, {...values, variant, seeds});
        assert.equal(runs.length, Number(seeds) + 1);
        for (const run of runs) validateConfig(run.config, 60000);
      }
    const block = remedyRuns(SPEC, {...values, variant: "block", seeds: "2"});
    assert.deepEqual(
      block.map((r) => r.label),
      ["Block-normalized, seed 42", "Block-normalized, seed 1", "Baseline, seed 42"]
    );
    assert.deepEqual(
      withoutBudget(remedyRuns(SPEC, {...defaultValues(SPEC), variant: "block"})[0]!.config),
      withoutBudget(presetByName("gradnorm-block").config)
    );
  });

  it("round-trips the settings through the URL and explains invalid values", () => {
    const values = {...defaultValues(SPEC), variant: "block", blockEps: 1e-10, seeds: "1"};
    const search = searchFor(SPEC, values);
    assert.equal(search, "?variant=block&blockEps=1e-10&seeds=1");
    assert.deepEqual(valuesFromUrl(SPEC, search).values, values);
    const {values: fallback, problems} = valuesFromUrl(SPEC, "?variant=none&seeds=4&eps=2");
    assert.deepEqual([fallback.variant, fallback.seeds, fallback.eps], ["study", "3", 1e-6]);
    assert.equal(problems.length, 3);
    assert.match(problems.join(" "), /variant=none.*study, block/);
  });
});
