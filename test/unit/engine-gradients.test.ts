// Whole networks against a reference: the hand-written backward pass of every wiring the engine builds
// (each activation, each normalization, residual connections, frozen blocks) must agree with TensorFlow.js
// autodiff of the same forward pass. Each layer's own backward pass is checked by finite differences in its
// own test file through checkLayerGradients; this file checks that the pieces are chained correctly.
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
// The umbrella package registers every op gradient (tfjs-core alone registers none), for the autodiff oracle.
import "@tensorflow/tfjs";
import {ACTIVATIONS} from "../../src/engine/activations.js";
import {Dense} from "../../src/engine/dense.js";
import {initDense} from "../../src/engine/init.js";
import {softmaxCrossEntropy} from "../../src/engine/loss.js";
import type {Param} from "../../src/engine/layer.js";
import type {Network} from "../../src/engine/network.js";
import {kindsOf, withDefaults} from "../../src/engine/options.js";
import {studyStages} from "../../src/engine/presets.js";
import {normalSamples, seededRandom} from "../../src/engine/random.js";
import {buildTrainingModel} from "../../src/engine/stages.js";
import type {ActivationConfig, TrainConfig} from "../../src/engine/types.js";
import {checkLayerGradients} from "./engine-gradcheck.js";
import {smallConfig, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

function batch(): {x: tf.Tensor2D; y: tf.Tensor2D} {
  const x = tf.tensor2d(normalSamples(6 * 784, seededRandom(3)), [6, 784]);
  const y = tf.cast(tf.oneHot(tf.tensor1d([0, 1, 2, 2, 1, 9], "int32"), 10), "float32") as tf.Tensor2D;
  return {x, y};
}

/** Our gradients and autodiff's for every param our backward pass returns; asserts they agree. */
function compareWithAutodiff(network: Network, expectedParams: number): void {
  const {x, y} = batch();
  const ours = new Map<Param, Float32Array>();
  tf.tidy(() => {
    const pass = network.forward(x, "probe");
    const grads = pass.backward(softmaxCrossEntropy(pass.logits, y).dLogits);
    for (const [param, g] of grads) ours.set(param, g.dataSync() as Float32Array);
  });
  assert.equal(ours.size, expectedParams, "params with a gradient");
  const trained = [...ours.keys()];
  const {grads, value} = tf.variableGrads(
    () => softmaxCrossEntropy(network.forward(x, "probe").logits, y).loss,
    trained.map((param) => param.value)
  );
  trained.forEach((param) => {
    const theirs = grads[param.value.name]!.dataSync();
    const mine = ours.get(param)!;
    const scale = Math.max(...Array.from(theirs, Math.abs));
    mine.forEach((g, j) =>
      assert.ok(Math.abs(g - theirs[j]!) <= 1e-4 * scale + 1e-7, `${param.name}[${j}]: ${g} vs ${theirs[j]}`)
    );
  });
  tf.dispose([x, y, value, ...Object.values(grads)]);
}

const tiny = (change: Partial<TrainConfig>): TrainConfig =>
  smallConfig({depth: 3, width: 6, init: {kind: "normal", std: 0.5}, ...change});

describe("the network's backward pass agrees with autodiff", () => {
  for (const kind of kindsOf(ACTIVATIONS)) {
    it(`with ${kind}`, () => {
      const activation = withDefaults(ACTIVATIONS, kind) as ActivationConfig;
      const model = buildTrainingModel(tiny({activation}));
      compareWithAutodiff(model.enterStage(0), 8);
      model.dispose();
    });
  }

  for (const normalization of [
    {kind: "batchnorm", momentum: 0.1, eps: 1e-5},
    {kind: "standardize", eps: 1e-5},
    {kind: "layernorm", eps: 1e-5}
  ] as const) {
    it(`with ${normalization.kind} before each sigmoid`, () => {
      const model = buildTrainingModel(tiny({normalization}));
      const normParams = normalization.kind === "standardize" ? 0 : 6;
      compareWithAutodiff(model.enterStage(0), 8 + normParams);
      model.dispose();
    });
  }

  it("with the study's residual wiring at depth 7 (h1 + h3, h4 + h7)", () => {
    const skips = [
      {from: 1, to: 3},
      {from: 4, to: 7}
    ];
    const model = buildTrainingModel(tiny({depth: 7, skips}));
    const network = model.enterStage(0);
    assert.equal(network.wiring.filter((node) => node.kind === "add").length, 2);
    compareWithAutodiff(network, 16);
    model.dispose();
  });

  it("with frozen lower blocks: no gradient for them, the rest unchanged", () => {
    const config = tiny({
      depth: 7,
      epochs: 6,
      layerwise: {
        blockSizes: [2, 2, 2, 1],
        headInit: {kind: "pytorch-default"},
        stages: studyStages(1, false)
      }
    });
    const model = buildTrainingModel(config);
    model.enterStage(0);
    model.enterStage(1);
    const stage3 = model.enterStage(2);
    // Stage 3: blocks 0 and 1 (layers 1–4) frozen, block 2 (layers 5, 6) and the head train: 3 Dense × 2 params.
    compareWithAutodiff(stage3, 6);
    model.dispose();
  });
});

describe("Dense", () => {
  it("passes the finite-difference check for x, W and b", () => {
    const layer = new Dense("dense", 5, 3, initDense(5, 3, {kind: "normal", std: 0.7}, seededRandom(2), 1));
    const checked = checkLayerGradients(layer, {inputShape: [4, 5]});
    assert.deepEqual(checked, {inputEntries: 20, paramEntries: 5 * 3 + 3});
    layer.dispose();
  });

  it("computes no gradient for a frozen weight", () => {
    const layer = new Dense("dense", 5, 3, initDense(5, 3, {kind: "normal", std: 0.7}, seededRandom(2), 1));
    layer.weight.trainable = false;
    const checked = checkLayerGradients(layer, {inputShape: [4, 5]});
    assert.equal(checked.paramEntries, 3, "only the bias is checked");
    layer.dispose();
  });
});
