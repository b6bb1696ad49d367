import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {BASELINE_CONFIG, validateConfig} from "../../src/engine/config.js";
import {presetByName} from "../../src/engine/presets.js";
import type {StageConfig} from "../../src/engine/types.js";
import {
  configFromControls,
  controlsFromUrl,
  PAGE_DEFAULTS,
  shareEpochs,
  withBudget
} from "../../src/lib/controls.js";
import {describeProgress, formatDuration} from "../../src/lib/progress.js";
import type {SessionView} from "../../src/lib/run-group.js";

describe("controlsFromUrl", () => {
  it("gives the page defaults (the study's network on 10,000 images) for an empty query", () => {
    const {values, autostart, problems} = controlsFromUrl("");
    assert.deepEqual(values, PAGE_DEFAULTS);
    assert.equal(autostart, true);
    assert.deepEqual(problems, []);
  });

  it("reads every setting and reports the invalid ones without using them", () => {
    const {values, autostart, problems} = controlsFromUrl(
      "?depth=12&width=abc&init=1&activation=gelu&lr=0.1&epochs=500&train=20000&autostart=0"
    );
    assert.deepEqual(values, {
      ...PAGE_DEFAULTS,
      depth: 12,
      init: 1,
      activation: "gelu",
      learningRate: 0.1,
      trainSize: 20000
    });
    assert.equal(autostart, false);
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /width=abc/);
    assert.match(problems[1]!, /epochs=500: it must be a whole number from 1 to 100/);
  });

  it("takes the allowed activations from the engine's registry", () => {
    const {values, problems} = controlsFromUrl("?activation=swish");
    assert.equal(values.activation, "sigmoid");
    assert.match(
      problems[0]!,
      /activation=swish: it must be one of sigmoid, tanh, relu, leaky-relu, elu, gelu, selu, softplus, maxout/
    );
  });
});

describe("configFromControls", () => {
  it("maps the defaults onto the study's baseline with ~60 snapshots per run", () => {
    const config = configFromControls(PAGE_DEFAULTS);
    assert.deepEqual(
      {...config, epochs: 0, trainSize: 0, snapshotEvery: 0},
      {...BASELINE_CONFIG, epochs: 0, trainSize: 0, snapshotEvery: 0}
    );
    // 9,000 fit images → 18 steps per epoch × 5 epochs = 90 steps → a snapshot every 2 steps.
    assert.equal(config.snapshotEvery, 2);
    assert.doesNotThrow(() => validateConfig(config, 10000));
  });

  it("gives the chosen activation its registry defaults (leaky ReLU's slope 0.01)", () => {
    const config = configFromControls({...PAGE_DEFAULTS, activation: "leaky-relu"});
    assert.deepEqual(config.activation, {kind: "leaky-relu", slope: 0.01});
    assert.doesNotThrow(() => validateConfig(config, 10000));
  });

  it("turns a number into N(0, std²) initialisation", () => {
    assert.deepEqual(configFromControls({...PAGE_DEFAULTS, init: 0.05}).init, {kind: "normal", std: 0.05});
  });
});

describe("withBudget on a layer-wise schedule", () => {
  const epochsOf = (stages: readonly StageConfig[]) => stages.map((s) => s.epochs);
  const stages = (...epochs: number[]) =>
    epochs.map((e) => ({blocks: 1, frozen: [], newHead: true, epochs: e}));

  it("shares the epochs out over the study's six stages instead of keeping 100 each, and the config is valid", () => {
    const config = withBudget(presetByName("layerwise").config, 10000, 12);
    assert.deepEqual(epochsOf(config.layerwise!.stages), [2, 2, 2, 2, 2, 2]);
    assert.equal(config.epochs, 12);
    assert.doesNotThrow(() => validateConfig(config, 10000));
    // 18 steps per epoch × 12 epochs = 216 steps → a snapshot every 4 steps (about 60 in all).
    assert.equal(config.snapshotEvery, 4);
    // Whatever else the stages declare is kept.
    assert.deepEqual(
      config.layerwise!.stages.map(({epochs: _, ...rest}) => rest),
      presetByName("layerwise").config.layerwise!.stages.map(({epochs: _, ...rest}) => rest)
    );
  });

  it("gives the left-over epochs to the earliest stages, and every stage at least one", () => {
    assert.deepEqual(epochsOf(shareEpochs(stages(100, 100, 100), 8)), [3, 3, 2]);
    assert.deepEqual(epochsOf(shareEpochs(stages(100, 100, 100), 2)), [1, 1, 1]);
    const few = withBudget(presetByName("layerwise").config, 10000, 4);
    assert.equal(few.epochs, 6);
    assert.doesNotThrow(() => validateConfig(few, 10000));
  });

  it("keeps the proportions of unequal stages", () => {
    assert.deepEqual(epochsOf(shareEpochs(stages(10, 30), 8)), [2, 6]);
    assert.deepEqual(epochsOf(shareEpochs(stages(1, 2), 4)), [1, 3]);
  });

  it("leaves a run without stages as it was", () => {
    const config = withBudget(BASELINE_CONFIG, 10000, 7);
    assert.equal(config.layerwise, null);
    assert.equal(config.epochs, 7);
  });
});

describe("describeProgress", () => {
  const run = {
    status: "running",
    message: null,
    snapshots: [],
    step: 45,
    totalSteps: 90,
    elapsedMs: 9000,
    remainingMs: 9000
  } as const;
  const view = {
    status: "running",
    message: null,
    run,
    config: configFromControls(PAGE_DEFAULTS)
  } as SessionView;

  it("says the step, epoch and time left while training", () => {
    assert.equal(describeProgress(view), "Training: step 45 of 90 · epoch 3 of 5 · about 9 s left.");
  });

  it("says why a run stopped", () => {
    const diverged = {...view, status: "diverged", message: "Training diverged at step 45."} as SessionView;
    assert.equal(
      describeProgress(diverged),
      "Diverged: step 45 of 90 · epoch 3 of 5 · 9 s of training. Training diverged at step 45."
    );
    assert.equal(describeProgress({status: "idle", message: null, run: null, config: null}), "Not started.");
  });

  it("formats durations from seconds to hours", () => {
    assert.deepEqual(
      [formatDuration(400), formatDuration(65000), formatDuration(3725000)],
      ["0 s", "1 min 5 s", "1 h 2 min"]
    );
  });
});
