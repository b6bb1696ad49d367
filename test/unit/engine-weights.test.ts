// Trained weights as plain data: the export states the layout it uses and holds the model's exact values,
// loading it into a fresh model reproduces the outputs, a finished run hands its final weights over before
// freeing them, and the download helper writes a file that parses back to the same numbers.
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {startTraining} from "../../src/engine/run.js";
import {buildTrainingModel} from "../../src/engine/stages.js";
import {loadWeights, readWeights} from "../../src/engine/weights.js";
import type {TrainConfig, TrainedWeights} from "../../src/engine/types.js";
import {WEIGHTS_FORMAT, weightsJson} from "../../src/lib/weights-json.js";
import {smallConfig, smallData, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

const config = (overrides: Partial<TrainConfig> = {}) =>
  smallConfig({
    depth: 2,
    width: 6,
    normalization: {kind: "batchnorm", momentum: 0.1, eps: 1e-5},
    ...overrides
  });

const tensorOf = (weights: TrainedWeights, layer: string, name: string) =>
  weights.layers.find((l) => l.name === layer)!.tensors.find((t) => t.name === name)!;

/** A fixed input batch of 5 rows. */
const input = () =>
  tf.tensor2d(
    Array.from({length: 5 * 784}, (_, i) => ((i * 7) % 13) / 13),
    [5, 784]
  );

describe("readWeights", () => {
  it("lists every layer with weights in forward order, each tensor's shape and values row-major", async () => {
    const model = buildTrainingModel(config());
    const network = model.enterStage(0);
    const weights = await readWeights(network);
    assert.match(weights.layout, /row-major/);
    assert.match(weights.layout, /\[fanIn, fanOut\]/);
    assert.deepEqual(
      weights.layers.map((l) => [l.name, l.tensors.map((t) => `${t.name} ${t.shape.join("×")}`)]),
      [
        ["hidden 1", ["W 784×6", "b 6"]],
        ["norm 1", ["gamma 6", "beta 6", "runningMean 6", "runningVar 6"]],
        ["hidden 2", ["W 6×6", "b 6"]],
        ["norm 2", ["gamma 6", "beta 6", "runningMean 6", "runningVar 6"]],
        ["output", ["W 6×10", "b 10"]]
      ]
    );
    // Row-major over [fanIn, fanOut]: W[r][c] is values[r·fanOut + c].
    const w1 = network.params[0]!.value.arraySync() as number[][];
    const exported = tensorOf(weights, "hidden 1", "W").values;
    for (const [r, c] of [
      [0, 0],
      [0, 5],
      [1, 0],
      [783, 5]
    ] as const) {
      assert.equal(exported[r * 6 + c], w1[r]![c]);
    }
    assert.equal(tensorOf(weights, "norm 1", "runningVar").values[0], 1, "running variance starts at 1");
    model.dispose();
  });

  it("round trip: a model of another seed given the weights computes the same outputs", async () => {
    const a = buildTrainingModel(config());
    const b = buildTrainingModel(config({seeds: {init: 99, data: 42}}));
    const [na, nb] = [a.enterStage(0), b.enterStage(0)];
    tf.tidy(() => void na.forward(input(), "train")); // moves a's running statistics off their start
    const logits = (network: typeof na) => tf.tidy(() => network.forward(input(), "eval").logits.arraySync());
    assert.notDeepEqual(logits(nb), logits(na));
    loadWeights(nb, await readWeights(na));
    assert.deepEqual(logits(nb), logits(na));
    a.dispose();
    b.dispose();
  });

  it("refuses weights of another structure, naming the layer, and changes nothing", async () => {
    const small = buildTrainingModel(config());
    const wide = buildTrainingModel(config({width: 7}));
    const network = small.enterStage(0);
    const before = await readWeights(network);
    const other = await readWeights(wide.enterStage(0));
    assert.throws(() => loadWeights(network, other), /hidden 1 W: expected shape 784×6, got 784×7/);
    // A layer holding a tensor the network's layer does not have is refused too.
    const extra = {
      ...before,
      layers: before.layers.map((layer, i) =>
        i === 0
          ? {...layer, tensors: [...layer.tensors, {name: "gamma", shape: [6], values: [1, 1, 1, 1, 1, 1]}]}
          : layer
      )
    };
    assert.throws(
      () => loadWeights(network, extra),
      /hidden 1: the weights hold gamma, which the network does not have/
    );
    assert.deepEqual(await readWeights(network), before);
    small.dispose();
    wide.dispose();
  });
});

const norm = (values: number[]) => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));

describe("startTraining with captureWeights", () => {
  it("a finished run's final state carries the weights its last snapshot measured, and frees every tensor", async () => {
    const baseline = tf.memory().numTensors;
    const run = startTraining(config(), smallData(), {captureWeights: true});
    const end = await run.done;
    assert.equal(end.status, "done");
    assert.equal(tf.memory().numTensors, baseline);
    const last = end.snapshots.at(-1)!;
    for (const layer of last.layers) {
      const exported = norm(tensorOf(end.weights!, layer.name, "W").values);
      assert.ok(Math.abs(exported - layer.weightNorm) <= 1e-5 * layer.weightNorm, `${layer.name} ‖W‖`);
    }
    assert.equal(startTraining(config({epochs: 1}), smallData()).state.weights, undefined);
    assert.equal((await startTraining(config({epochs: 1}), smallData()).done).weights, undefined);
  });

  it("exports the last stage's network of a layer-wise run: every block and the last head", async () => {
    const layerwise = config({
      depth: 3,
      normalization: {kind: "none"},
      epochs: 2,
      layerwise: {
        blockSizes: [1, 2],
        headInit: {kind: "pytorch-default"},
        stages: [
          {blocks: 1, frozen: [], newHead: true, epochs: 1},
          {blocks: 2, frozen: [0], newHead: true, epochs: 1}
        ]
      }
    });
    const end = await startTraining(layerwise, smallData(), {captureWeights: true}).done;
    assert.deepEqual(
      end.weights!.layers.map((l) => l.name),
      ["hidden 1", "hidden 2", "hidden 3", "output"]
    );
  });

  it("weightsJson writes {format, layout, config, layers} that parses back to the same numbers", async () => {
    const end = await startTraining(config({epochs: 1}), smallData(), {captureWeights: true}).done;
    const parsed = JSON.parse(weightsJson(end.weights!, config({epochs: 1})));
    assert.equal(parsed.format, WEIGHTS_FORMAT);
    assert.equal(parsed.layout, end.weights!.layout);
    assert.deepEqual(parsed.config, config({epochs: 1}));
    assert.deepEqual(parsed.layers, end.weights!.layers);
  });
});
