import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {TrainingSession, type SessionView} from "../../src/lib/session.js";
import {smallConfig, smallData, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

describe("TrainingSession", () => {
  it("starts idle, streams the run's views, and ends done", async () => {
    const session = new TrainingSession();
    const views: SessionView[] = [];
    session.subscribe((view) => views.push(view));
    const run = session.start(smallConfig({epochs: 1}), smallData());
    await run!.done;
    assert.equal(views[0]!.status, "idle");
    assert.equal(views.at(-1)!.status, "done");
    assert.equal(views.at(-1)!.run!.snapshots.at(-1)!.kind, "final");
  });

  it("cancels the previous run when a new one starts, and frees its tensors", async () => {
    const baseline = tf.memory().numTensors;
    const session = new TrainingSession();
    const first = session.start(smallConfig({epochs: 50}), smallData())!;
    const second = session.start(smallConfig({epochs: 1}), smallData())!;
    assert.equal((await first.done).status, "cancelled");
    assert.equal((await second.done).status, "done");
    assert.equal(tf.memory().numTensors, baseline);
  });

  it("keeps an invalid config's message and stays idle", () => {
    const session = new TrainingSession();
    let last: SessionView | undefined;
    session.subscribe((view) => (last = view));
    assert.equal(session.start(smallConfig({width: 1}), smallData()), null);
    assert.equal(last!.status, "idle");
    assert.match(last!.message!, /^width: must be a whole number from 4 to 1024/);
  });

  it("toggles pause and resets to idle, freeing the run", async () => {
    const baseline = tf.memory().numTensors;
    const session = new TrainingSession();
    let last: SessionView | undefined;
    session.subscribe((view) => (last = view));
    session.start(smallConfig({epochs: 50}), smallData());
    session.togglePause();
    assert.equal(last!.status, "paused");
    session.togglePause();
    assert.equal(last!.status, "running");
    const settled = session.settled();
    session.reset();
    await settled;
    assert.equal(last!.status, "idle");
    assert.equal(tf.memory().numTensors, baseline);
  });
});
