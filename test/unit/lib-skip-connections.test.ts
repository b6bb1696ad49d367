// The skip-connections page's spec: the study's experiment 7 comes out of the defaults, every control value gives
// a config the engine accepts, the chained blocks are the ResNet wiring, and bad URL values fall back with a notice.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {validateConfig} from "../../src/engine/config.js";
import {presetByName} from "../../src/engine/presets.js";
import type {TrainConfig} from "../../src/engine/types.js";
import {defaultValues, remedyRuns, searchFor, valuesFromUrl} from "../../src/lib/remedy-spec.js";
import {SKIP_SPEC, showSkipOptions, skipsFromValues} from "../../src/lib/skip-connections.js";

// The live budget (images, epochs, snapshot spacing) differs from the 100-epoch preset; nothing else may.
const withoutBudget = ({epochs: _e, trainSize: _t, snapshotEvery: _s, ...rest}: TrainConfig) => rest;
const defaults = () => defaultValues(SKIP_SPEC);
const choices = (key: string) => (SKIP_SPEC.controls[key]!.param as {values: readonly string[]}).values;

describe("skip connections page", () => {
  it("defaults to the study's skip run against the baseline, on the same budget", () => {
    const [remedy, baseline, ...rest] = remedyRuns(SKIP_SPEC, defaults());
    assert.equal(rest.length, 0);
    assert.deepEqual(withoutBudget(remedy!.config), withoutBudget(presetByName("skip").config));
    assert.deepEqual(withoutBudget(baseline!.config), withoutBudget(presetByName("baseline").config));
    assert.deepEqual([remedy!.label, baseline!.label], ["Skips 1→3, 4→7", "Baseline (no skips)"]);
    assert.deepEqual([remedy!.config.trainSize, remedy!.config.epochs], [20000, 40]);
    assert.deepEqual([baseline!.config.trainSize, baseline!.config.epochs], [20000, 40]);
  });

  it("chains blocks as a ResNet does, or declares no path at all", () => {
    const values = {...defaults(), pattern: "blocks"};
    assert.deepEqual(skipsFromValues({...values, span: 2}), [
      {from: 1, to: 3},
      {from: 3, to: 5},
      {from: 5, to: 7}
    ]);
    assert.deepEqual(skipsFromValues({...values, span: 6}), [{from: 1, to: 7}]);
    assert.deepEqual(skipsFromValues({...values, pattern: "none"}), []);
    const [remedy] = remedyRuns(SKIP_SPEC, {...values, span: 3, normalization: "batchnorm"});
    assert.equal(remedy!.label, "Skips 1→4, 4→7, batch norm");
    assert.deepEqual(remedy!.config.normalization, {kind: "batchnorm", momentum: 0.1, eps: 1e-5});
  });

  it("gives a valid config for every pattern, block length and normalization, at both budget bounds", () => {
    const span = SKIP_SPEC.controls.span!.param as {min: number; max: number};
    let checked = 0;
    for (const pattern of choices("pattern"))
      for (let length = span.min; length <= span.max; length++)
        for (const normalization of choices("normalization"))
          for (const budget of [
            {train: 1000, epochs: 1},
            {train: 60000, epochs: 100},
            {train: 20000, epochs: 40}
          ]) {
            const values = {...defaults(), pattern, span: length, normalization, ...budget};
            for (const run of remedyRuns(SKIP_SPEC, values)) validateConfig(run.config, 60000);
            checked++;
          }
    assert.equal(checked, 3 * 6 * 4 * 3);
  });

  it("round-trips the settings through the URL and explains invalid values", () => {
    const values = {...defaults(), pattern: "blocks", span: 3, normalization: "layernorm"};
    const search = searchFor(SKIP_SPEC, values);
    assert.equal(search, "?pattern=blocks&span=3&normalization=layernorm");
    assert.deepEqual(valuesFromUrl(SKIP_SPEC, search).values, values);
    const {values: fallback, problems} = valuesFromUrl(SKIP_SPEC, "?pattern=dense&span=7&normalization=gn");
    assert.deepEqual(fallback, defaults());
    assert.equal(problems.length, 3);
    assert.match(problems[0]!, /Ignored \?pattern=dense: it must be one of study, blocks, none/);
    assert.match(problems[1]!, /Ignored \?span=7: it must be a whole number from 1 to 6/);
  });

  it("shows the block length only for the chained blocks", () => {
    const row = {hidden: false};
    const panel = {querySelector: (s: string) => (s === ".control-span" ? row : null)};
    showSkipOptions(panel as unknown as ParentNode, {pattern: "study"});
    assert.equal(row.hidden, true);
    showSkipOptions(panel as unknown as ParentNode, {pattern: "blocks"});
    assert.equal(row.hidden, false);
  });
});
