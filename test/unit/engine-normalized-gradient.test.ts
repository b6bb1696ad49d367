// The gradient-normalization probe: per layer ‖∂W‖ before normalization (the true gradient of the loss) and after
// (what the optimizer receives), for the study's identity layers and for block normalization; absent without.
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {createActivation} from "../../src/engine/activations.js";
import {ActivationLayer} from "../../src/engine/activation-layer.js";
import {Dense} from "../../src/engine/dense.js";
import {GradientNormLayer} from "../../src/engine/gradient-norm.js";
import {initDense} from "../../src/engine/init.js";
import type {Layer, Mode} from "../../src/engine/layer.js";
import {INPUT, Network} from "../../src/engine/network.js";
import {packLayerProbe, unpackLayerProbe} from "../../src/engine/probes.js";
import {presetByName, withEpochs} from "../../src/engine/presets.js";
import {seededRandom} from "../../src/engine/random.js";
import {startTraining} from "../../src/engine/run.js";
import type {LayerProbe, TrainConfig} from "../../src/engine/types.js";
import {checkLayerGradients} from "./engine-gradcheck.js";
import {smallData, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

describe("the normalized-gradient probe", () => {
  it("packs ‖before‖ and ‖after‖ by hand ([3, 4] → 5, [0.6, 0.8] → 1), only for a normalizing run, leak-free", () => {
    const count = tf.memory().numTensors;
    const values = tf.tidy(() => {
      const weights = tf.tensor2d([1, 2], [2, 1]);
      return packLayerProbe({
        weights,
        weightGradient: tf.tensor2d([3, 4], [2, 1]),
        initialWeights: weights,
        weightsBeforeStep: weights,
        activation: null,
        normalizedGradient: {before: tf.tensor2d([3, 4], [2, 1]), after: tf.tensor2d([0.6, 0.8], [2, 1])}
      }).dataSync() as Float32Array;
    });
    assert.equal(tf.memory().numTensors, count, "no tensor left behind");
    const layer = {name: "hidden 1", hasActivation: false, trainable: true};
    const probe = unpackLayerProbe(values, 0, {...layer, gradientNormalized: true});
    assert.ok(Math.abs(probe.normalizedGradient!.before - 5) < 1e-6);
    assert.ok(Math.abs(probe.normalizedGradient!.after - 1) < 1e-6);
    assert.equal("normalizedGradient" in unpackLayerProbe(values, 0, layer), false);
  });
});

/** Dense(3→4) → sigmoid → the study's layer → Dense(4→2), declared with the study's layer as its rewriter. */
function studyNetwork(): {network: Network; layers: Layer[]} {
  const random = seededRandom(5);
  const sigmoid = createActivation({kind: "sigmoid"});
  const init = {kind: "normal", std: 1} as const;
  const hidden = new Dense("hidden 1", 3, 4, initDense(3, 4, init, random, 1));
  const activation = new ActivationLayer("sigmoid 1", sigmoid);
  const rewriter = new GradientNormLayer("gradient norm 1", 1e-6);
  const head = new Dense("output", 4, 2, initDense(4, 2, init, random, 1));
  const wiring = [
    {kind: "layer" as const, layer: hidden, input: INPUT, output: "a"},
    {kind: "layer" as const, layer: activation, input: "a", output: "b"},
    {kind: "layer" as const, layer: rewriter, input: "b", output: "c"},
    {kind: "layer" as const, layer: head, input: "c", output: "logits"}
  ];
  const probes = [
    {name: "hidden 1", dense: hidden, activation: {layer: activation, fn: sigmoid}},
    {name: "output", dense: head, activation: null}
  ];
  return {network: new Network(wiring, probes, "logits", [rewriter]), layers: [hidden, head]};
}

/** The network as one Layer for the finite-difference helper: its params' gradients, plain or rewritten. */
function asLayer(network: Network, plain: boolean): Layer {
  return {
    name: plain ? "plain backward" : "rewritten backward",
    params: network.params,
    buffers: [],
    forward(x: tf.Tensor2D, mode: Mode) {
      const pass = network.forward(x, mode);
      return {
        y: pass.logits,
        backward: (dy: tf.Tensor2D) => {
          const grads = pass.backward(dy, {plain});
          return {dx: null, grads: network.params.map((p) => grads.get(p) ?? null)};
        }
      };
    },
    dispose() {}
  };
}

describe("Network.backward with plain: the study's rewriters passed through", () => {
  it("is the true gradient of the loss (finite differences), which the rewritten backward is not", () => {
    const {network, layers} = studyNetwork();
    const checked = checkLayerGradients(asLayer(network, true), {inputShape: [5, 3], checkInput: false});
    assert.equal(checked.paramEntries, 3 * 4 + 4 + 4 * 2 + 2);
    assert.throws(
      () => checkLayerGradients(asLayer(network, false), {inputShape: [5, 3], checkInput: false}),
      /∂L\/∂/
    );
    for (const layer of layers) layer.dispose();
  });
});

const toy = (name: string): TrainConfig => ({
  ...withEpochs(presetByName(name).config, 1),
  width: 16,
  trainSize: 120,
  batchSize: 50,
  snapshotEvery: 1
});

async function initLayers(config: TrainConfig): Promise<LayerProbe[]> {
  const state = await startTraining(config, smallData()).done;
  assert.equal(state.status, "done", state.message ?? "");
  return state.snapshots[0]!.layers;
}

describe("the probe in training", () => {
  it("study: before is the gradient without the rewriters (the same weights, none), after the rewritten one", async () => {
    const count = tf.memory().numTensors;
    const study = await initLayers(toy("gradnorm-study"));
    const plain = await initLayers({...toy("gradnorm-study"), gradientNorm: {kind: "none"}});
    assert.equal(tf.memory().numTensors, count, "no tensor left behind");
    study.forEach((layer, j) => {
      const {before, after} = layer.normalizedGradient!;
      assert.ok(
        Math.abs(before / plain[j]!.gradNorm - 1) < 1e-4,
        `${layer.name}: ${before} vs ${plain[j]!.gradNorm}`
      );
      assert.equal(after, layer.gradNorm);
      assert.equal("normalizedGradient" in plain[j]!, false);
    });
    // The 1/batch factor gone: layer 1's rewritten gradient is orders of magnitude above the true one.
    assert.ok(study[0]!.normalizedGradient!.after > 100 * study[0]!.normalizedGradient!.before);
  });

  it("block: before is the raw gradient, after ‖∂W‖ / ‖(∂W, ∂b)‖, at most 1 and near it", async () => {
    const block = await initLayers(toy("gradnorm-block"));
    for (const layer of block) {
      const {before, after} = layer.normalizedGradient!;
      assert.equal(before, layer.gradNorm);
      assert.ok(after <= 1 + 1e-6 && after > 0.5, `${layer.name}: ${after}`);
    }
  });
});
