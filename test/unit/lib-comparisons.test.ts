import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {BASELINE_CONFIG} from "../../src/engine/config.js";
import type {TrainConfig} from "../../src/engine/types.js";
import {comparisonRuns, followSettings} from "../../src/lib/comparisons.js";
import {configFromControls, PAGE_DEFAULTS, type ControlValues} from "../../src/lib/controls.js";
import type {GroupView} from "../../src/lib/run-group.js";
import type {RunSpec} from "../../src/lib/run-specs.js";

/** The fields in which two configs differ. */
const differences = (a: TrainConfig, b: TrainConfig) =>
  (Object.keys(a) as (keyof TrainConfig)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));

describe("comparisonRuns", () => {
  it("is the reader's run alone without a comparison", () => {
    const runs = comparisonRuns(PAGE_DEFAULTS);
    assert.deepEqual(runs, [{label: "Your settings", config: configFromControls(PAGE_DEFAULTS)}]);
  });

  it("changes one thing per comparison, on the same seeds, data and run length", () => {
    const relu = comparisonRuns({...PAGE_DEFAULTS, compare: "relu"});
    assert.deepEqual(
      relu.map((r) => r.label),
      ["Your settings", "ReLU"]
    );
    assert.deepEqual(differences(relu[0]!.config, relu[1]!.config), ["activation"]);
    const back = comparisonRuns({...PAGE_DEFAULTS, activation: "relu", compare: "relu"});
    assert.deepEqual(back[1]!.config.activation, {kind: "sigmoid"});
    const scales = comparisonRuns({...PAGE_DEFAULTS, init: 1, compare: "init-scales"});
    assert.deepEqual(
      scales.map((r) => r.label),
      ["Your settings", "N(0, 0.05²) init", "N(0, 10²) init"]
    );
    for (const run of scales.slice(1)) assert.deepEqual(differences(scales[0]!.config, run.config), ["init"]);
  });

  it("sets the study's network against the reader's, on the reader's run length", () => {
    const values: ControlValues = {
      ...PAGE_DEFAULTS,
      depth: 3,
      learningRate: 0.5,
      epochs: 2,
      compare: "study"
    };
    const [mine, study] = comparisonRuns(values);
    assert.deepEqual([mine!.config.depth, study!.config.depth], [3, BASELINE_CONFIG.depth]);
    assert.deepEqual(study!.config.optimizer, BASELINE_CONFIG.optimizer);
    assert.deepEqual([study!.config.epochs, study!.config.trainSize], [2, PAGE_DEFAULTS.trainSize]);
  });
});

describe("followSettings", () => {
  function fakeGroup() {
    const started: RunSpec[][] = [];
    const group = {
      status: "idle" as GroupView["status"],
      start: (specs: readonly RunSpec[]) => void started.push([...specs]),
      get view() {
        return {status: group.status} as GroupView;
      }
    };
    return {group, started};
  }

  it("restarts the runs when a setting changes while they train, and only then", () => {
    const {group, started} = fakeGroup();
    const follower = followSettings(group);
    follower.changed({...PAGE_DEFAULTS, depth: 3});
    assert.equal(started.length, 0, "idle: a change waits for Train");
    follower.start(PAGE_DEFAULTS);
    group.status = "running";
    follower.changed(PAGE_DEFAULTS);
    assert.equal(started.length, 1, "the same settings do not restart");
    follower.changed({...PAGE_DEFAULTS, depth: 3});
    assert.deepEqual(
      started.map((s) => s[0]!.config.depth),
      [7, 3]
    );
    group.status = "paused";
    follower.changed({...PAGE_DEFAULTS, depth: 4});
    assert.equal(started.length, 2, "paused: a change waits for Train");
  });
});
