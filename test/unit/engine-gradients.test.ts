import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
// The umbrella package registers every op gradient (tfjs-core alone registers none), for the autodiff oracle.
import "@tensorflow/tfjs";
import {activation} from "../../src/engine/activations.js";
import {ActivationLayer} from "../../src/engine/activation-layer.js";
import {Dense} from "../../src/engine/dense.js";
import {initDense} from "../../src/engine/init.js";
import {softmaxCrossEntropy} from "../../src/engine/loss.js";
import {Sequential} from "../../src/engine/model.js";
import {normalSamples, seededRandom} from "../../src/engine/random.js";
import type {ActivationName} from "../../src/engine/types.js";
import {useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

/** 5 → 4 → 4 → 3 with the given activation, N(0, 0.8²) weights so no unit sits exactly at a ReLU kink. */
function tinyNetwork(name: ActivationName): Sequential {
  const random = seededRandom(7);
  const init = {kind: "normal", std: 0.8} as const;
  const fn = activation(name);
  return new Sequential([
    new Dense("hidden 1", 5, 4, initDense(5, 4, init, random)),
    new ActivationLayer("act 1", fn),
    new Dense("hidden 2", 4, 4, initDense(4, 4, init, random)),
    new ActivationLayer("act 2", fn),
    new Dense("output", 4, 3, initDense(4, 3, init, random))
  ]);
}

function batch(): {x: tf.Tensor2D; y: tf.Tensor2D} {
  const x = tf.tensor2d(normalSamples(6 * 5, seededRandom(3)), [6, 5]);
  const y = tf.cast(tf.oneHot(tf.tensor1d([0, 1, 2, 2, 1, 0], "int32"), 3), "float32") as tf.Tensor2D;
  return {x, y};
}

function lossOf(model: Sequential, x: tf.Tensor2D, y: tf.Tensor2D): number {
  return tf.tidy(() => softmaxCrossEntropy(model.forward(x, "train").logits, y).loss.dataSync()[0]!);
}

for (const name of ["sigmoid", "tanh", "relu"] as const) {
  describe(`hand-written backward pass with ${name}`, () => {
    it("matches central finite differences for every weight and bias", () => {
      const model = tinyNetwork(name);
      const {x, y} = batch();
      const analytic = tf.tidy(() => {
        const pass = model.forward(x, "train");
        return pass.backward(softmaxCrossEntropy(pass.logits, y).dLogits).map((g) => g.arraySync());
      });
      const eps = 1e-2;
      let checked = 0;
      model.params.forEach((param, p) => {
        const values = param.value.dataSync().slice();
        const grad = (analytic[p] as number[] | number[][]).flat();
        for (let i = 0; i < values.length; i++) {
          const at = (delta: number) => {
            const shifted = values.slice();
            shifted[i]! += delta;
            param.value.assign(tf.tensor(shifted, param.value.shape));
            return lossOf(model, x, y);
          };
          const numeric = (at(eps) - at(-eps)) / (2 * eps);
          param.value.assign(tf.tensor(values, param.value.shape));
          const error = Math.abs(numeric - grad[i]!);
          assert.ok(
            error <= 2e-3 * Math.abs(numeric) + 2e-4,
            `${name} param ${p}[${i}]: ${grad[i]} vs ${numeric}`
          );
          checked++;
        }
      });
      assert.equal(checked, 5 * 4 + 4 + 4 * 4 + 4 + 4 * 3 + 3);
      model.dispose();
      tf.dispose([x, y]);
    });

    it("agrees with TensorFlow.js autodiff to float precision", () => {
      const model = tinyNetwork(name);
      const {x, y} = batch();
      const ours = tf.tidy(() => {
        const pass = model.forward(x, "train");
        return pass
          .backward(softmaxCrossEntropy(pass.logits, y).dLogits)
          .map((g) => Array.from(g.dataSync()));
      });
      const variables = model.params.map((p) => p.value);
      const {grads} = tf.variableGrads(
        () => softmaxCrossEntropy(model.forward(x, "train").logits, y).loss,
        variables
      );
      variables.forEach((v, i) => {
        const theirs = grads[v.name]!.dataSync();
        ours[i]!.forEach((value, j) => assert.ok(Math.abs(value - theirs[j]!) < 1e-6, `param ${i}[${j}]`));
      });
      tf.dispose(Object.values(grads));
      model.dispose();
      tf.dispose([x, y]);
    });
  });
}
