// The layer-wise page's spec: the study's two head variants and the baseline on one budget whose epochs are shared
// out over the six stages, the learning rate on every run, the URL round trip; and the per-stage metrics the
// stage timeline shows, from a run's stage-end snapshots.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {validateConfig} from "../../src/engine/config.js";
import {presetByName} from "../../src/engine/presets.js";
import type {Snapshot, TrainConfig} from "../../src/engine/types.js";
import {LAYERWISE_SPEC, LIVE_LR, shortOf} from "../../src/lib/layerwise.js";
import {defaultValues, remedyRuns, searchFor, valuesFromUrl} from "../../src/lib/remedy-spec.js";
import {currentStage, stageMetrics, timelineRows} from "../../src/lib/stage-metrics.js";

const defaults = defaultValues(LAYERWISE_SPEC);
const withoutEpochs = (config: TrainConfig) => config.layerwise!.stages.map(({epochs: _, ...rest}) => rest);

describe("layer-wise page", () => {
  it("trains the study's schedule, then the head-kept variant, then the baseline, on one budget", () => {
    const runs = remedyRuns(LAYERWISE_SPEC, defaults);
    assert.deepEqual(
      runs.map((r) => r.label),
      ["Layer-wise, new head each stage", "Layer-wise, head kept", "Baseline (all layers at once)"]
    );
    const [study, kept, baseline] = runs.map((r) => r.config) as [TrainConfig, TrainConfig, TrainConfig];
    assert.deepEqual(withoutEpochs(study), withoutEpochs(presetByName("layerwise").config));
    assert.deepEqual(withoutEpochs(kept), withoutEpochs(presetByName("layerwise-keep-head").config));
    assert.equal(baseline.layerwise, null);
    assert.deepEqual(baseline.init, presetByName("baseline").config.init);
    // 36 epochs, 6 per stage; every run as long, on the same images and seeds.
    assert.deepEqual(
      study.layerwise!.stages.map((s) => s.epochs),
      [6, 6, 6, 6, 6, 6]
    );
    for (const config of [study, kept, baseline]) {
      assert.deepEqual([config.epochs, config.trainSize, config.seeds], [36, 10000, study.seeds]);
      assert.deepEqual(config.optimizer, {kind: "sgd", learningRate: LIVE_LR});
      validateConfig(config, 60000);
    }
  });

  it("trains the chosen variant alone with ?compare=one, and keeps every stage when the epochs are few", () => {
    const values = {...defaults, head: "keep", compare: "one", epochs: 2};
    const runs = remedyRuns(LAYERWISE_SPEC, values);
    assert.deepEqual(
      runs.map((r) => shortOf(r.label)),
      ["Head kept", "Baseline"]
    );
    assert.deepEqual(
      runs[0]!.config.layerwise!.stages.map((s) => s.epochs),
      [1, 1, 1, 1, 1, 1]
    );
    assert.equal(runs[1]!.config.epochs, 6, "the baseline trains as long");
    for (const run of runs) validateConfig(run.config, 60000);
  });

  it("round-trips the head, the comparison and the learning rate through the URL", () => {
    const values = {...defaults, head: "keep", compare: "one", lr: 0.01};
    const search = searchFor(LAYERWISE_SPEC, values);
    assert.equal(search, "?head=keep&lr=0.01&compare=one");
    assert.deepEqual(valuesFromUrl(LAYERWISE_SPEC, search).values, values);
    const bad = valuesFromUrl(LAYERWISE_SPEC, "?head=old");
    assert.equal(bad.values.head, "new");
    assert.match(bad.problems.join(" "), /head=old/);
  });

  it("has a preset per head variant and one for the study's η", () => {
    for (const preset of LAYERWISE_SPEC.presets!) {
      for (const run of remedyRuns(LAYERWISE_SPEC, {...defaults, ...preset.values}))
        validateConfig(run.config, 60000);
    }
    const study = LAYERWISE_SPEC.presets!.find((p) => p.values.lr !== undefined)!;
    assert.equal(study.values.lr, presetByName("layerwise").config.optimizer.learningRate);
  });
});

/** A two-stage run's snapshots: stage 0 ends at step 4 (test 0.3), stage 1 is running at step 6. */
function stagedRun(): Snapshot[] {
  const stage = (index: number) => ({
    index,
    count: 2,
    config: {blocks: 1, frozen: [], newHead: true, epochs: 1}
  });
  const snap = (step: number, index: number, test: number | null, validation: number | null) =>
    ({
      step,
      stage: stage(index),
      test: test === null ? null : {loss: 1, accuracy: test},
      validation: validation === null ? null : {loss: 1, accuracy: validation}
    }) as unknown as Snapshot;
  return [snap(0, 0, null, null), snap(2, 0, null, null), snap(4, 0, 0.3, 0.28), snap(6, 1, null, null)];
}

describe("stage metrics", () => {
  it("take each stage's accuracy from its stage-end snapshot, null while a stage runs", () => {
    assert.deepEqual(stageMetrics(stagedRun()), [
      {index: 0, step: 4, validationAccuracy: 0.28, testAccuracy: 0.3},
      null
    ]);
    assert.equal(currentStage(stagedRun()), 1);
    assert.deepEqual(stageMetrics([]), []);
  });

  it("give timeline rows for the staged runs only, each from its own config", () => {
    const [staged, , baseline] = remedyRuns(LAYERWISE_SPEC, defaults);
    const rows = timelineRows([
      {label: "staged", config: staged!.config, snapshots: stagedRun()},
      {label: "baseline", config: baseline!.config, snapshots: []}
    ]);
    assert.deepEqual(
      rows.map((r) => r.label),
      ["staged"]
    );
    assert.deepEqual(rows[0]!.accuracy, [0.3, null, null, null, null, null]);
    assert.equal(rows[0]!.stages, staged!.config.layerwise!.stages);
  });
});
