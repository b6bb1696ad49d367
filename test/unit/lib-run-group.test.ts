import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {validateConfig} from "../../src/engine/config.js";
import type {RunState, TrainingRun} from "../../src/engine/index.js";
import {RunGroup, type GroupView} from "../../src/lib/run-group.js";
import {MAX_RUNS, sideBySide} from "../../src/lib/run-specs.js";
import {smallConfig, smallData, useCpuBackend} from "./engine-helpers.js";
import {localStarter} from "./lib-helpers.js";

before(useCpuBackend);

const tick = () => new Promise((resolve) => setImmediate(resolve));

function group(validate?: (config: ReturnType<typeof smallConfig>) => void) {
  const starter = localStarter(smallData());
  const runs = new RunGroup(starter, {validate});
  const seen: {view?: GroupView} = {};
  runs.subscribe((view) => (seen.view = view));
  return {starter, runs, seen};
}

describe("sideBySide", () => {
  it("keeps the base's seeds, data and run length whatever a variant changes", () => {
    const base = smallConfig({seeds: {init: 7, data: 8}});
    const [mine, other] = sideBySide(base, [
      {
        label: "ReLU",
        change: {activation: {kind: "relu"}, seeds: {init: 1, data: 1}, epochs: 9, trainSize: 100}
      }
    ]);
    assert.equal(mine!.config, base);
    assert.equal(mine!.label, "Your settings");
    assert.deepEqual(other!.config, {...base, activation: {kind: "relu"}});
  });
});

describe("RunGroup", () => {
  it("trains every run of the set in its own place, each with its own state, on the same seeds", async () => {
    const {starter, runs, seen} = group();
    const specs = sideBySide(smallConfig(), [{label: "wider", change: {width: 24}}]);
    runs.start(specs);
    await runs.settled();
    assert.deepEqual(
      starter.started.map((s) => [s.index, s.config.width, s.config.seeds]),
      [
        [0, 16, smallConfig().seeds],
        [1, 24, smallConfig().seeds]
      ]
    );
    assert.deepEqual(starter.shrinks, [2], "places beyond the set are released");
    assert.deepEqual(
      seen.view!.runs.map((r) => [r.label, r.view.status, r.view.run!.snapshots.at(-1)!.layers[0]!.name]),
      [
        ["Your settings", "done", "hidden 1"],
        ["wider", "done", "hidden 1"]
      ]
    );
    assert.notEqual(seen.view!.runs[0]!.view.run, seen.view!.runs[1]!.view.run);
  });

  it("pauses and resumes the whole set, and reports it paused only when no run trains", async () => {
    const {runs, seen} = group();
    runs.start(sideBySide(smallConfig({epochs: 50}), [{label: "b", change: {width: 8}}]));
    await tick();
    assert.equal(seen.view!.status, "running");
    runs.togglePause();
    await tick();
    assert.deepEqual(
      seen.view!.runs.map((r) => r.view.status),
      ["paused", "paused"]
    );
    assert.equal(seen.view!.status, "paused");
    assert.equal(seen.view!.primary.status, "paused");
    runs.togglePause();
    await tick();
    assert.deepEqual(
      seen.view!.runs.map((r) => r.view.status),
      ["running", "running"]
    );
    runs.reset();
    await runs.settled();
  });

  it("frees every tensor when reset, and when a new set replaces a running one", async () => {
    const baseline = tf.memory().numTensors;
    const {starter, runs, seen} = group();
    runs.start(sideBySide(smallConfig({epochs: 50}), [{label: "b", change: {width: 8}}]));
    await tick();
    runs.start([{label: "again", config: smallConfig({epochs: 1})}]);
    await runs.settled();
    const first = await Promise.all(starter.started.slice(0, 2).map((s) => s.run.done));
    assert.deepEqual(
      first.map((s) => s.status),
      ["cancelled", "cancelled"]
    );
    assert.deepEqual(
      seen.view!.runs.map((r) => [r.label, r.view.status]),
      [["again", "done"]]
    );
    runs.start([{label: "long", config: smallConfig({epochs: 50})}]);
    await tick();
    runs.reset();
    assert.equal(seen.view!.status, "idle");
    await runs.settled();
    assert.equal(tf.memory().numTensors, baseline);
  });

  it("stays idle with the reason when a config is invalid or the set too large", () => {
    const {starter, runs, seen} = group((config) => validateConfig(config, 200));
    runs.start([{label: "bad", config: smallConfig({width: 1})}]);
    assert.equal(seen.view!.status, "idle");
    assert.match(seen.view!.primary.message!, /^width: must be a whole number from 4 to 1024/);
    const five = Array.from({length: MAX_RUNS + 1}, (_, i) => ({label: `r${i}`, config: smallConfig()}));
    runs.start(five);
    assert.match(seen.view!.primary.message!, /1 to 4 configs/);
    assert.equal(starter.started.length, 0);
  });
});

describe("RunGroup.subscribeSnapshots", () => {
  it("tells charts about new snapshots, status changes and new sets, not about every progress tick", async () => {
    const listeners: ((state: RunState) => void)[] = [];
    let state: RunState = {
      status: "running",
      message: null,
      snapshots: [],
      step: 0,
      totalSteps: 9,
      elapsedMs: 0,
      remainingMs: null
    };
    const fakeRun = (): TrainingRun => ({
      get state() {
        return state;
      },
      subscribe: (listener) => (listeners.push(listener), listener(state), () => {}),
      pause() {},
      resume() {},
      cancel() {},
      done: new Promise(() => {})
    });
    const runs = new RunGroup({run: fakeRun, shrink() {}});
    const charted: number[] = [];
    runs.subscribeSnapshots((view) => charted.push(view.runs[0]?.view.run?.snapshots.length ?? -1));
    runs.start([{label: "a", config: smallConfig()}]);
    await tick();
    const push = (change: Partial<RunState>) => {
      state = {...state, ...change};
      for (const listener of listeners) listener(state);
    };
    const snapshot = {} as RunState["snapshots"][number];
    push({step: 1});
    push({step: 2});
    push({snapshots: [snapshot], step: 2});
    push({step: 3});
    push({status: "paused"});
    assert.deepEqual(charted, [-1, -1, 0, 1, 1]);
  });
});

describe("RunGroup.subscribeSnapshots with an interval", () => {
  it("passes on new snapshots at most once per interval, the latest view last, and status changes at once", async () => {
    const runs = new RunGroup(localStarter(smallData()));
    const charted: string[] = [];
    runs.subscribeSnapshots((view) => {
      const run = view.runs[0]?.view;
      charted.push(`${run?.status}:${run?.run?.snapshots.length}`);
    }, 60_000);
    runs.start([{label: "a", config: smallConfig({epochs: 3})}]);
    await runs.settled();
    await tick();
    // Idle, the new set, its first state; then snapshots wait for the minute to pass, but the end does not.
    assert.deepEqual(charted.slice(0, 3), ["undefined:undefined", "idle:undefined", "running:0"]);
    assert.equal(charted.length, 4);
    assert.match(charted[3]!, /^done:\d+$/);
    assert.equal(Number(charted[3]!.split(":")[1]), runs.view.runs[0]!.view.run!.snapshots.length);
  });
});

describe("RunGroup.subscribeProgress", () => {
  it("passes on every step with no interval, and only the set's changes of status with a long one", async () => {
    const steps = async (minIntervalMs: number) => {
      const runs = new RunGroup(localStarter(smallData()));
      const seen: string[] = [];
      runs.subscribeProgress((view) => {
        const run = view.runs[0]?.view;
        seen.push(`${run?.status}:${run?.run?.step}`);
      }, minIntervalMs);
      runs.start([{label: "a", config: smallConfig({epochs: 3})}]);
      await runs.settled();
      await tick();
      return {seen, total: runs.view.runs[0]!.view.run!.step};
    };
    const every = await steps(0);
    const throttled = await steps(60_000);
    // Without an interval every state the run reports shows (several steps while running); with a minute, only
    // idle, the new set, its start and its end.
    const running = every.seen.filter((s) => /^running:[1-9]/.test(s));
    assert.ok(running.length >= 2, every.seen.join());
    assert.equal(every.seen.at(-1), `done:${every.total}`);
    assert.deepEqual(throttled.seen.slice(0, 3), ["undefined:undefined", "idle:undefined", "running:0"]);
    assert.deepEqual(throttled.seen.slice(3), [`done:${throttled.total}`]);
  });
});

describe("RunGroup with captureWeights", () => {
  it("asks its starter for each finished run's trained weights, and a plain group does not", async () => {
    const finished = async (captureWeights: boolean) => {
      const runs = new RunGroup(localStarter(smallData()), {captureWeights: () => captureWeights});
      runs.start([{label: "a", config: smallConfig({epochs: 1})}]);
      await runs.settled();
      await tick();
      return runs.view.runs[0]!.view.run!;
    };
    const captured = await finished(true);
    assert.equal(captured.status, "done");
    assert.equal(captured.weights?.layers[0]?.name, captured.snapshots[0]!.layers[0]!.name);
    assert.equal((await finished(false)).weights, undefined);
  });
});
