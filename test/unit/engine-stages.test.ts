// Whole runs of every preset at toy size: no tensor leaks (finished and cancelled), staged training that keeps
// frozen blocks bit-identical and reports test metrics per stage, and a measuring step that changes nothing.
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {disposeBatch, makeBatch} from "../../src/engine/batches.js";
import {createOptimizer} from "../../src/engine/optimizers.js";
import {presetByName, PRESETS, withEpochs} from "../../src/engine/presets.js";
import {startTraining} from "../../src/engine/run.js";
import {buildTrainingModel} from "../../src/engine/stages.js";
import {trainStep} from "../../src/engine/step.js";
import type {TrainConfig} from "../../src/engine/types.js";
import {smallData, syntheticDataset, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

/** A preset shrunk to toy size: width 16, 120 images in batches of 50 (3 steps an epoch), 1 epoch per stage. */
const toy = (name: string): TrainConfig => ({
  ...withEpochs(presetByName(name).config, 1),
  width: 16,
  trainSize: 120,
  batchSize: 50,
  snapshotEvery: 2
});

describe("every preset at toy size", () => {
  for (const preset of PRESETS) {
    it(`${preset.name}: trains to the end with finite metrics and frees every tensor, also when cancelled`, async () => {
      const baseline = tf.memory().numTensors;
      const state = await startTraining(toy(preset.name), smallData()).done;
      assert.equal(state.status, "done", state.message ?? "");
      assert.ok(Number.isFinite(state.snapshots.at(-1)!.test!.loss));
      assert.equal(tf.memory().numTensors, baseline, "after a finished run");
      const run = startTraining(withEpochs(toy(preset.name), 50), smallData());
      await new Promise<void>((resolve) => run.subscribe((s) => s.snapshots.length >= 2 && resolve()));
      run.cancel();
      assert.equal((await run.done).status, "cancelled");
      assert.equal(tf.memory().numTensors, baseline, "after a cancelled run");
    });
  }
});

describe("layer-wise training", () => {
  it("reports the stage on every snapshot and test metrics at the end of each stage", async () => {
    const state = await startTraining(toy("layerwise"), smallData()).done;
    const stageEnds = state.snapshots.filter((s) => s.test !== null);
    assert.deepEqual(
      stageEnds.map((s) => [s.stage!.index, s.epoch]),
      [0, 1, 2, 3, 4, 5].map((i) => [i, i + 1])
    );
    assert.ok(state.snapshots.every((s) => s.stage !== null && s.stage.count === 6));
    // Stage 2 trains block 1 (layers 3, 4) with block 0 (layers 1, 2) frozen, under a new head.
    const stage2 = stageEnds[1]!;
    assert.deepEqual(
      stage2.layers.map((l) => [l.name, l.trainable]),
      [
        ["hidden 1", false],
        ["hidden 2", false],
        ["hidden 3", true],
        ["hidden 4", true],
        ["output", true]
      ]
    );
    assert.equal(stage2.layers[0]!.gradNorm, 0, "no gradient computed for a frozen layer");
    assert.ok(stage2.layers[2]!.gradNorm > 0);
  });

  it("keeps frozen blocks bit-identical through a stage", () => {
    const config = toy("layerwise");
    const model = buildTrainingModel(config);
    const optimizer = createOptimizer(config.optimizer);
    const data = syntheticDataset(50);
    const step = (network: ReturnType<typeof model.enterStage>) => {
      const batch = makeBatch(
        data,
        Array.from({length: 50}, (_, i) => i),
        true
      );
      const options = {update: true, probeBefore: false, probeAfter: false, initialWeights: new Map()};
      const result = trainStep(network, optimizer, batch, options);
      tf.dispose([result.totals]);
      disposeBatch(batch);
    };
    step(model.enterStage(0));
    const stage3 = model.enterStage(2);
    const frozen = stage3.params.filter((p) => !p.trainable);
    const trained = stage3.params.filter((p) => p.trainable);
    assert.equal(frozen.length, 8, "blocks 0 and 1: 4 Dense layers × (W, b)");
    const before = [...frozen, ...trained].map((p) => p.value.dataSync().slice());
    for (let i = 0; i < 3; i++) step(stage3);
    frozen.forEach((p, i) =>
      assert.deepEqual(p.value.dataSync(), before[i], `${p.name} of a frozen layer moved`)
    );
    assert.ok(trained.some((p, i) => p.value.dataSync().some((v, j) => v !== before[frozen.length + i]![j])));
    optimizer.dispose();
    model.dispose();
  });
});

describe("a measuring step (update: false)", () => {
  it("changes no param, no buffer and no optimizer state", () => {
    const config = {...toy("batchnorm"), optimizer: presetByName("adam").config.optimizer};
    const model = buildTrainingModel(config);
    const network = model.enterStage(0);
    const optimizer = createOptimizer(config.optimizer);
    const batch = makeBatch(
      syntheticDataset(50),
      Array.from({length: 50}, (_, i) => i),
      true
    );
    const state = () => [...network.params, ...network.buffers].map((p) => p.value.dataSync().slice());
    const initialWeights = new Map(network.probes.map((p) => [p.dense.weight, p.dense.weight.value]));
    const measure = {update: false, probeBefore: true, probeAfter: false, initialWeights};
    const before = state();
    const numTensors = tf.memory().numTensors;
    const probe = trainStep(network, optimizer, batch, measure);
    tf.dispose([probe.totals, probe.before!]);
    assert.deepEqual(state(), before);
    assert.equal(tf.memory().numTensors, numTensors, "no optimizer state was created");
    const train = trainStep(network, optimizer, batch, {...measure, update: true, probeBefore: false});
    tf.dispose([train.totals]);
    const after = state();
    assert.notDeepEqual(
      after.slice(network.params.length),
      before.slice(network.params.length),
      "buffers move in training"
    );
    disposeBatch(batch);
    optimizer.dispose();
    model.dispose();
  });
});
