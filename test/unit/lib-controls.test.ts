import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {BASELINE_CONFIG, validateConfig} from "../../src/engine/config.js";
import {configFromControls, controlsFromUrl, PAGE_DEFAULTS} from "../../src/lib/controls.js";
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
