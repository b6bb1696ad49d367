// The activation probes (activation-probes.ts) against hand-computed answers, and through a real run.
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {
  ACTIVATION_PROBE_LENGTH,
  PERCENTILE_SAMPLE,
  meanDerivative,
  packActivationProbes,
  percentiles
} from "../../src/engine/activation-probes.js";
import {createActivation} from "../../src/engine/activations.js";
import {ACTIVATION_BINS, PREACTIVATION_PERCENTILES} from "../../src/engine/bins.js";
import {packLayerProbe, unpackLayerProbe} from "../../src/engine/probes.js";
import {startTraining} from "../../src/engine/run.js";
import {read, smallConfig, smallData, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

const close = (a: number, b: number, tolerance = 1e-6) =>
  assert.ok(Math.abs(a - b) <= tolerance, `${a} ≉ ${b}`);
const sigmoid = createActivation({kind: "sigmoid"});
/** The bin of ACTIVATION_BINS a value falls in. */
const binOf = (v: number) =>
  Math.floor(
    (v - ACTIVATION_BINS.min) / ((ACTIVATION_BINS.max - ACTIVATION_BINS.min) / ACTIVATION_BINS.count)
  );

describe("percentiles", () => {
  it("interpolates between order statistics as numpy.percentile does", () => {
    // The squares 0, 1, 4, …, 100 shuffled: p(N − 1) = 1.5, 5, 8.5 → 1 + ½·3, 25, 64 + ½·17.
    const squares = [49, 1, 100, 16, 4, 81, 25, 0, 9, 64, 36];
    const got = read(percentiles(tf.tensor1d(squares), [0.15, 0.5, 0.85]));
    [2.5, 25, 72.5].forEach((want, i) => close(got[i]!, want, 1e-5));
    assert.deepEqual(read(percentiles(tf.tensor1d([-3]), [0.15, 0.85])), [-3, -3]);
    assert.deepEqual(
      read(
        percentiles(
          tf.tensor2d([
            [4, 0],
            [2, 8]
          ]),
          [0, 1]
        )
      ),
      [0, 8]
    );
  });
});

describe("meanDerivative", () => {
  it("is σ′(0) = 1/4 for sigmoid at 0, the active share for ReLU, and 1 for maxout", () => {
    const z = tf.tensor2d([[0, 0]]);
    close(meanDerivative(z, sigmoid.forward(z), sigmoid).dataSync()[0]!, 0.25);
    const relu = createActivation({kind: "relu"});
    const zr = tf.tensor2d([
      [-1, 2],
      [3, -4],
      [5, 6]
    ]);
    close(meanDerivative(zr, relu.forward(zr), relu).dataSync()[0]!, 4 / 6);
    const maxout = createActivation({kind: "maxout"});
    const zm = tf.tensor2d([
      [1, -2, 0.5, 3],
      [-1, -2, 4, 4]
    ]);
    close(meanDerivative(zm, maxout.forward(zm), maxout).dataSync()[0]!, 1);
    const tanh = createActivation({kind: "tanh"});
    const zt = tf.tensor2d([[0.3, -1.2]]);
    const want = (1 - Math.tanh(0.3) ** 2 + 1 - Math.tanh(-1.2) ** 2) / 2;
    close(meanDerivative(zt, tanh.forward(zt), tanh).dataSync()[0]!, want, 1e-5);
  });
});

describe("packActivationProbes", () => {
  it("packs mean φ′, the percentiles of z and the histogram of h on the fixed bins", () => {
    const z = tf.tensor2d([
      [-40, 0, 40, 0],
      [0, 0, 0, 0]
    ]);
    const values = read(packActivationProbes(z, sigmoid.forward(z), sigmoid));
    assert.equal(values.length, ACTIVATION_PROBE_LENGTH);
    // Six entries at σ′(0) = 1/4, two saturated at ~0.
    close(values[0]!, (6 * 0.25) / 8, 1e-6);
    close(values[2]!, 0);
    const counts = values.slice(4);
    assert.equal(counts.length, ACTIVATION_BINS.count);
    assert.equal(counts[binOf(0.5)], 6, "collapse at ½ fills the bin centred on ½");
    assert.equal(counts[binOf(0)], 1);
    assert.equal(counts[binOf(1)], 1);
    assert.equal(
      counts.reduce((a, b) => a + b),
      8
    );
  });

  it("puts outputs beyond the bins into the end bins", () => {
    const relu = createActivation({kind: "relu"});
    const z = tf.tensor2d([[50, -3, 2.99]]);
    const counts = read(packActivationProbes(z, tf.tensor2d([[50, -3, 2.99]]), relu)).slice(4);
    assert.equal(counts.at(-1), 2);
    assert.equal(counts[0], 1);
    assert.equal(counts[binOf(0)], 0);
  });

  it("takes the percentiles from the first PERCENTILE_SAMPLE / units rows only", () => {
    const units = PERCENTILE_SAMPLE / 2;
    // Rows 0 and 1 hold 0 and 1; row 2 holds 100, beyond the sample.
    const z = tf.concat([tf.zeros([1, units]), tf.ones([1, units]), tf.fill([1, units], 100)]) as tf.Tensor2D;
    const values = read(packActivationProbes(z, sigmoid.forward(z), sigmoid));
    assert.deepEqual(values.slice(1, 4), [0, 0.5, 1]);
  });

  it("frees every intermediate tensor", () => {
    const z = tf.randomNormal([64, 32]) as tf.Tensor2D;
    const h = sigmoid.forward(z);
    const before = tf.memory().numTensors;
    const packed = packActivationProbes(z, h, sigmoid);
    // The step packs under its own tidy; so does this test.
    const layer = tf.tidy(() =>
      packLayerProbe({
        weights: z,
        weightGradient: z,
        initialWeights: z,
        weightsBeforeStep: z,
        activation: {z, h, fn: sigmoid}
      })
    );
    assert.equal(tf.memory().numTensors, before + 2);
    tf.dispose([packed, layer, z, h]);
  });
});

describe("unpackLayerProbe", () => {
  it("reads the activation probes of a hidden layer back", () => {
    const z = tf.tensor2d([[0, 0]]);
    const values = tf.tidy(
      () =>
        packLayerProbe({
          weights: z,
          weightGradient: z,
          initialWeights: z,
          weightsBeforeStep: z,
          activation: {z, h: sigmoid.forward(z), fn: sigmoid}
        }).dataSync() as Float32Array
    );
    const probe = unpackLayerProbe(values, 0, {name: "hidden 1", hasActivation: true, trainable: true});
    close(probe.activation!.meanDerivative!, 0.25);
    assert.deepEqual(probe.activation!.preactivationPercentiles, [0, 0, 0]);
    assert.equal(probe.activation!.histogram![binOf(0.5)], 2);
  });
});

describe("a run's snapshots", () => {
  it("carry the activation probes of every hidden layer and none for the output layer", async () => {
    const state = await startTraining(smallConfig({epochs: 1}), smallData()).done;
    for (const s of state.snapshots) {
      assert.deepEqual(s.bins.activation, ACTIVATION_BINS);
      assert.deepEqual(s.bins.percentiles, PREACTIVATION_PERCENTILES);
      for (const layer of s.layers.slice(0, -1)) {
        const stats = layer.activation!;
        assert.ok(stats.meanDerivative! > 0 && stats.meanDerivative! <= 0.25);
        const [p15, p50, p85] = stats.preactivationPercentiles!;
        assert.ok(p15! <= p50! && p50! <= p85! && p15! < p85!);
        // Every unit of the batch counted once: 36 examples × 16 units.
        assert.equal(
          stats.histogram!.reduce((a, b) => a + b),
          36 * 16
        );
      }
      assert.equal(s.layers.at(-1)!.activation, null);
    }
  });
});
