import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {createActivation} from "../../src/engine/activations.js";
import {batchesPerEpoch, splitFitValidation} from "../../src/engine/batches.js";
import {histogram} from "../../src/engine/histogram.js";
import {softmaxCrossEntropy} from "../../src/engine/loss.js";
import {packLayerProbe, PROBE_LENGTH, unpackLayerProbe} from "../../src/engine/probes.js";
import {seededRandom} from "../../src/engine/random.js";
import {useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

const close = (a: number, b: number, tolerance = 1e-6) =>
  assert.ok(Math.abs(a - b) <= tolerance, `${a} ≉ ${b}`);

describe("softmaxCrossEntropy", () => {
  it("gives ln 10 and (1/10 − t)/B for all-zero logits over 10 classes", () => {
    const targets = tf.oneHot(tf.tensor1d([3, 7], "int32"), 10);
    const {loss, correct, dLogits} = softmaxCrossEntropy(
      tf.zeros([2, 10]),
      tf.cast(targets, "float32") as tf.Tensor2D
    );
    close(loss.dataSync()[0]!, Math.log(10));
    const d = dLogits.arraySync();
    close(d[0]![3]!, (0.1 - 1) / 2);
    close(d[0]![0]!, 0.1 / 2);
    assert.ok(correct.dataSync()[0]! <= 2);
  });

  it("stays finite for logits of 1e4 (log-sum-exp form)", () => {
    const y = tf.tensor2d([[1, 0]]);
    const {loss} = softmaxCrossEntropy(tf.tensor2d([[0, 1e4]]), y);
    close(loss.dataSync()[0]!, 1e4, 1);
  });
});

describe("histogram", () => {
  it("counts values on fixed bins and clamps outliers and −∞ into the end bins", () => {
    const counts = histogram(tf.tensor1d([-5, -1, -0.5, 0, 0.49, 0.5, 0.99, 1, 7, -Infinity]), {
      min: -1,
      max: 1,
      count: 4
    });
    assert.deepEqual(Array.from(counts.dataSync()), [3, 1, 2, 4]);
  });
});

describe("packLayerProbe", () => {
  it("computes norms, relative changes and activation statistics with known answers", () => {
    const values = tf.tidy(
      () =>
        packLayerProbe({
          weights: tf.tensor2d([[3, 4]]),
          weightGradient: tf.tensor2d([[0, 1e-3]]),
          initialWeights: tf.tensor2d([[3, 0]]),
          weightsBeforeStep: tf.tensor2d([[3, 2]]),
          activation: {
            z: tf.tensor2d([[-5.3, 0, 5.3, -0.85]]),
            h: tf.tensor2d([[0.005, 0.5, 0.995, 0.3]]),
            fn: createActivation({kind: "sigmoid"})
          }
        }).dataSync() as Float32Array
    );
    assert.equal(values.length, PROBE_LENGTH);
    const probe = unpackLayerProbe(values, 0, {name: "hidden 1", hasActivation: true, trainable: true});
    close(probe.gradNorm, 1e-3);
    close(probe.weightNorm, 5);
    close(probe.relativeChange, 4 / 3, 1e-6);
    close(probe.updateRatio, 2 / Math.sqrt(13), 1e-6);
    close(probe.activation!.mean, 0.45);
    close(probe.activation!.saturation, 0.5, 1e-7);
    // Weights 3 and 4 lie beyond the ±1 bins: both land in the last one.
    assert.equal(probe.weightHistogram.at(-1), 2);
    // log10 1e-3 = −3 → bin (−3 + 12) / 0.25 = 36; the exact zero → bin 0.
    assert.equal(probe.gradHistogram[36], 1);
    assert.equal(probe.gradHistogram[0], 1);
  });
});

describe("packLayerProbe of a frozen layer", () => {
  it("reads a missing gradient as zero norm and an empty gradient histogram, and keeps the weight probes", () => {
    const values = tf.tidy(
      () =>
        packLayerProbe({
          weights: tf.tensor2d([[3, 4]]),
          weightGradient: null,
          initialWeights: tf.tensor2d([[3, 4]]),
          weightsBeforeStep: tf.tensor2d([[3, 4]]),
          activation: null
        }).dataSync() as Float32Array
    );
    const probe = unpackLayerProbe(values, 0, {name: "hidden 1", hasActivation: false, trainable: false});
    assert.equal(probe.trainable, false);
    assert.equal(probe.gradNorm, 0);
    assert.equal(
      probe.gradHistogram.reduce((a, b) => a + b),
      0
    );
    close(probe.weightNorm, 5);
    assert.equal(probe.activation, null);
  });
});

describe("splitFitValidation", () => {
  it("holds out round(n · fraction) images, disjoint from the fit set, the same for the same seed", () => {
    const a = splitFitValidation(1000, 0.1, seededRandom(42));
    const b = splitFitValidation(1000, 0.1, seededRandom(42));
    assert.equal(a.validation.length, 100);
    assert.equal(a.fit.length, 900);
    assert.deepEqual(a.fit, b.fit);
    assert.equal(new Set([...a.fit, ...a.validation]).size, 1000);
  });

  it("gives the study's 106 steps per epoch for 54,000 images in batches of 512", () => {
    assert.equal(batchesPerEpoch(54000, 512), 106);
  });
});
