import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {startTraining} from "../../src/engine/run.js";
import type {Snapshot} from "../../src/engine/types.js";
import {smallConfig, smallData, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

const withoutTimes = (snapshots: readonly Snapshot[]) => snapshots.map(({elapsedMs: _, ...rest}) => rest);

describe("startTraining", () => {
  it("yields init, step, epoch and final snapshots with validation and test metrics where they belong", async () => {
    const state = await startTraining(smallConfig(), smallData()).done;
    assert.equal(state.status, "done");
    // 200 images, 10% validation → 180 to fit in batches of 36 → 5 steps per epoch, 2 epochs.
    assert.deepEqual(
      state.snapshots.map((s) => `${s.kind}@${s.step}`),
      ["init@0", "step@2", "step@4", "epoch@5", "step@6", "step@8", "final@10"]
    );
    const [init, , , epoch, , , final] = state.snapshots as Snapshot[];
    assert.equal(init!.layers.length, 4, "3 hidden layers and the output layer");
    assert.equal(init!.layers[0]!.relativeChange, 0);
    assert.equal(init!.layers[0]!.updateRatio, 0, "the step-0 snapshot applies no update");
    assert.equal(init!.validation, null);
    assert.ok(epoch!.validation && epoch!.test === null);
    assert.ok(final!.validation && final!.test);
    assert.equal(final!.epoch, 2);
    assert.equal(final!.layers.at(-1)!.activation, null, "the output layer has no activation");
    assert.ok(final!.layers[0]!.relativeChange > 0);
    assert.equal(state.step, 10);
    assert.equal(state.remainingMs, 0);
  });

  it("counts every weight once in each histogram", async () => {
    const state = await startTraining(smallConfig({epochs: 1}), smallData()).done;
    const sizes = [784 * 16, 16 * 16, 16 * 16, 16 * 10];
    for (const snapshot of state.snapshots) {
      snapshot.layers.forEach((layer, i) => {
        assert.equal(
          layer.weightHistogram.reduce((a, b) => a + b),
          sizes[i]
        );
        assert.equal(
          layer.gradHistogram.reduce((a, b) => a + b),
          sizes[i]
        );
      });
    }
  });

  it("is deterministic: the same seeds give identical snapshots", async () => {
    const a = await startTraining(smallConfig(), smallData()).done;
    const b = await startTraining(smallConfig(), smallData()).done;
    assert.deepEqual(withoutTimes(a.snapshots), withoutTimes(b.snapshots));
  });

  it("changes with the init seed and with the data seed", async () => {
    const base = await startTraining(smallConfig({epochs: 1}), smallData()).done;
    const init = await startTraining(smallConfig({epochs: 1, seeds: {init: 1, data: 42}}), smallData()).done;
    const data = await startTraining(smallConfig({epochs: 1, seeds: {init: 42, data: 1}}), smallData()).done;
    const loss = (s: typeof base) => s.snapshots.at(-1)!.train.loss;
    assert.notEqual(loss(init), loss(base));
    assert.notEqual(loss(data), loss(base));
  });

  it("shows the vanishing gradient of the sigmoid baseline: each layer's gradient smaller towards the input", async () => {
    const state = await startTraining(smallConfig({depth: 7, width: 32, epochs: 1}), smallData()).done;
    const norms = state.snapshots[0]!.layers.map((layer) => layer.gradNorm);
    // From layer 2 on every layer has the same shape, so the norms compare like for like (layer 1 has 784 inputs).
    for (let i = 2; i < norms.length; i++)
      assert.ok(norms[i - 1]! < norms[i]!, `layer ${i}: ${norms.join(", ")}`);
    assert.ok(norms[0]! < norms.at(-1)! * 1e-3, "input layer's gradient is 1000× smaller than the output's");
  });

  it("frees every tensor when it finishes", async () => {
    const baseline = tf.memory().numTensors;
    await startTraining(smallConfig(), smallData()).done;
    assert.equal(tf.memory().numTensors, baseline);
  });

  it("stops on cancel, reports it, and frees every tensor", async () => {
    const baseline = tf.memory().numTensors;
    const run = startTraining(smallConfig({epochs: 50}), smallData());
    await new Promise<void>((resolve) => run.subscribe((s) => s.snapshots.length >= 2 && resolve()));
    run.cancel();
    const state = await run.done;
    assert.equal(state.status, "cancelled");
    assert.ok(state.step < state.totalSteps);
    assert.equal(tf.memory().numTensors, baseline);
  });

  it("pauses between steps and resumes where it stopped", async () => {
    const run = startTraining(smallConfig(), smallData());
    await new Promise<void>((resolve) => run.subscribe((s) => s.snapshots.length >= 1 && resolve()));
    run.pause();
    assert.equal(run.state.status, "paused");
    const stepWhenPaused = run.state.step;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(run.state.step <= stepWhenPaused + 1, "at most the step in flight completes");
    run.resume();
    assert.equal((await run.done).status, "done");
  });

  it("cancels a paused run and frees its tensors", async () => {
    const baseline = tf.memory().numTensors;
    const run = startTraining(smallConfig(), smallData());
    run.pause();
    run.cancel();
    assert.equal((await run.done).status, "cancelled");
    assert.equal(tf.memory().numTensors, baseline);
  });

  it("reports divergence with a message instead of training on NaN", async () => {
    const baseline = tf.memory().numTensors;
    const config = smallConfig({
      activation: {kind: "relu"},
      init: {kind: "normal", std: 30},
      optimizer: {kind: "sgd", learningRate: 10}
    });
    const state = await startTraining({...config, epochs: 20}, smallData()).done;
    assert.equal(state.status, "diverged");
    assert.match(state.message ?? "", /diverged at step \d+.*learning rate/);
    assert.ok(state.step < state.totalSteps);
    assert.equal(tf.memory().numTensors, baseline);
  });

  it("rejects an invalid config before training, naming the field", () => {
    assert.throws(
      () => startTraining(smallConfig({depth: 0}), smallData()),
      /depth: must be a whole number from 1 to 64/
    );
    assert.throws(
      () => startTraining(smallConfig({trainSize: 500}), smallData()),
      /trainSize: .* from 2 to 200/
    );
  });
});
