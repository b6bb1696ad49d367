// probeAtInit: one forward and backward pass of a fresh network gives the same step-0 probes as a training run's
// "init" snapshot on the same images, deterministically, without leaking a tensor.
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {probeAtInit} from "../../src/engine/probe-at-init.js";
import {startTraining} from "../../src/engine/run.js";
import {assertClose, smallConfig, syntheticDataset, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

describe("probeAtInit", () => {
  it("matches a training run's step-0 snapshot when the run's first batch is the same images", async () => {
    // No validation split and one batch of all 200 images: the run's first batch is the probe's batch (shuffled,
    // which changes only the order of the sums).
    const config = smallConfig({validationFraction: 0, batchSize: 200, epochs: 1});
    const images = syntheticDataset(200);
    const run = await startTraining(config, {train: images, test: syntheticDataset(50, 200)}).done;
    const reference = run.snapshots[0]!;
    const probed = await probeAtInit(config, images);
    assert.equal(reference.kind, "init");
    assert.equal(probed.kind, "init");
    assert.deepEqual(
      probed.layers.map((l) => l.name),
      reference.layers.map((l) => l.name)
    );
    const pick = (s: typeof probed) => [
      s.train.loss,
      ...s.layers.map((l) => l.gradNorm),
      ...s.layers.map((l) => l.weightNorm),
      ...s.layers.flatMap((l) => (l.activation ? [l.activation.mean, l.activation.std] : []))
    ];
    assertClose(pick(probed), pick(reference), 1e-4, "loss, gradient and weight norms, activation moments");
    assert.deepEqual(probed.layers[1]!.activation!.histogram, reference.layers[1]!.activation!.histogram);
    assert.ok(probed.layers.every((l) => l.relativeChange === 0 && l.updateRatio === 0));
  });

  it("gives the same snapshot twice, another for another init seed, and frees every tensor", async () => {
    const images = syntheticDataset(64);
    const before = tf.memory().numTensors;
    const a = await probeAtInit(smallConfig(), images);
    const b = await probeAtInit(smallConfig(), images);
    const c = await probeAtInit(smallConfig({seeds: {init: 7, data: 1}}), images);
    assert.equal(tf.memory().numTensors, before);
    assert.deepEqual(a, b);
    assert.notEqual(a.layers[0]!.gradNorm, c.layers[0]!.gradNorm);
  });

  it("measures histograms for evenly spaced hidden layers only when asked, every norm and moment unchanged", async () => {
    const config = smallConfig({depth: 5});
    const images = syntheticDataset(64);
    const before = tf.memory().numTensors;
    const full = await probeAtInit(config, images);
    const light = await probeAtInit(config, images, {histogramLayers: 3});
    assert.equal(tf.memory().numTensors, before);
    // Hidden layers 1, 3 and 5 keep their histograms and percentiles; 2, 4 and the output layer have none.
    const detailed = light.layers.map((l) => l.weightHistogram.length > 0);
    assert.deepEqual(detailed, [true, false, true, false, true, false]);
    for (const [i, layer] of light.layers.entries()) {
      const reference = full.layers[i]!;
      assert.equal(layer.gradNorm, reference.gradNorm);
      assert.equal(layer.weightNorm, reference.weightNorm);
      assert.deepEqual(layer.activation?.mean, reference.activation?.mean);
      assert.deepEqual(layer.activation?.saturation, reference.activation?.saturation);
      if (detailed[i]) assert.deepEqual(layer, reference);
      else {
        assert.deepEqual(layer.gradHistogram, []);
        if (layer.activation) {
          assert.equal(layer.activation.histogram, undefined);
          assert.equal(layer.activation.preactivationPercentiles, undefined);
        }
      }
    }
  });

  it("refuses an invalid config or an empty batch, leaving no tensor behind", async () => {
    const before = tf.memory().numTensors;
    await assert.rejects(probeAtInit(smallConfig({depth: 0}), syntheticDataset(8)), /depth/);
    await assert.rejects(probeAtInit(smallConfig(), syntheticDataset(0)), /no images/);
    assert.equal(tf.memory().numTensors, before);
  });
});
