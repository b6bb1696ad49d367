// The explorer's settings: every control value gives a valid config of the study's network that differs in
// depth, init and activation only; labels name the settings; an unknown activation is refused.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {BASELINE_CONFIG, validateConfig} from "../../src/engine/config.js";
import {explorerStatus} from "../../src/lib/explorer-client.js";
import {
  EXPLORER_CONTROLS,
  EXPLORER_DEPTH,
  explorerConfig,
  explorerLabel,
  sampledHiddenLayers
} from "../../src/lib/explorer.js";
import {evenlySpaced} from "../../src/engine/evenly-spaced.js";
import type {Snapshot} from "../../src/engine/types.js";
import {normalizeControlValues} from "../../src/lib/remedy-spec.js";

const defaults = normalizeControlValues(EXPLORER_CONTROLS, {});

describe("explorerConfig", () => {
  it("is the study's network with the reader's depth, N(0, scale²) weights and activation", () => {
    const config = explorerConfig({depth: 12, scale: 1.5, activation: "tanh"});
    assert.deepEqual(
      {...config, depth: 0, init: null, activation: null},
      {...BASELINE_CONFIG, depth: 0, init: null, activation: null}
    );
    assert.equal(config.depth, 12);
    assert.deepEqual(config.init, {kind: "normal", std: 1.5});
    assert.deepEqual(config.activation, {kind: "tanh"});
  });

  it("gives a valid config at every bound and for every activation, with its default options", () => {
    const activations = (EXPLORER_CONTROLS.activation!.param as {values: readonly string[]}).values;
    assert.ok(activations.length >= 8, activations.join());
    for (const activation of activations)
      for (const depth of [EXPLORER_DEPTH.min, EXPLORER_DEPTH.max])
        for (const scale of [0.01, 20]) validateConfig(explorerConfig({depth, scale, activation}));
    assert.deepEqual(explorerConfig({...defaults, activation: "leaky-relu"}).activation, {
      kind: "leaky-relu",
      slope: 0.01
    });
    assert.throws(() => explorerConfig({...defaults, activation: "swish"}), /must be one of/);
  });

  it("clamps and rounds what the inputs report into the controls' ranges", () => {
    assert.deepEqual(
      normalizeControlValues(EXPLORER_CONTROLS, {depth: 80.4, scale: 0.123456, activation: "x"}),
      {
        depth: 50,
        scale: 0.123,
        activation: "sigmoid"
      }
    );
    assert.deepEqual(defaults, {depth: 7, scale: 0.05, activation: "sigmoid"});
  });
});

describe("explorer labels", () => {
  it("names the settings, the times and the failures", () => {
    assert.equal(explorerLabel({depth: 1, scale: 2, activation: "relu"}), "1 hidden layer, ReLU, N(0, 2²)");
    const view = {values: defaults, snapshot: null, predicted: null, workerMs: null, answerMs: null};
    assert.equal(explorerStatus({...view, backend: null, message: null}), "Building the first network…");
    assert.equal(explorerStatus({...view, backend: "wasm", message: "It broke."}), "It broke.");
    const done = {
      ...view,
      snapshot: {} as never,
      workerMs: 41.6,
      answerMs: 57.2,
      backend: "wasm",
      message: null
    };
    assert.equal(
      explorerStatus(done),
      "7 hidden layers, Sigmoid, N(0, 0.05²): one pass took 42 ms in a worker (wasm), 57 ms from your change to the answer."
    );
  });
});

describe("evenlySpaced", () => {
  it("spreads the picks over the range, first and last included, and keeps all of a short range", () => {
    assert.deepEqual([...evenlySpaced(50, 12)], [0, 4, 9, 13, 18, 22, 27, 31, 36, 40, 45, 49]);
    assert.deepEqual([...evenlySpaced(5, 12)], [0, 1, 2, 3, 4]);
    assert.deepEqual([...evenlySpaced(7, 2)], [0, 6]);
    assert.deepEqual([...evenlySpaced(7, 1)], [0]);
  });
});

describe("sampledHiddenLayers", () => {
  const snapshot = (depth: number) =>
    ({
      layers: [
        ...Array.from({length: depth}, (_, i) => ({name: `hidden ${i + 1}`, activation: {}})),
        {name: "output", activation: null}
      ]
    }) as unknown as Snapshot;
  const names = (s: Snapshot) => s.layers.map((l) => l.name.replace("hidden ", ""));

  it("keeps every hidden layer of a shallow network, without the output layer", () => {
    assert.deepEqual(names(sampledHiddenLayers(snapshot(7))), ["1", "2", "3", "4", "5", "6", "7"]);
  });

  it("samples a deep network's hidden layers evenly, first and last included", () => {
    // Layer 1 + round(i · 49 / 11) for i = 0 … 11.
    assert.deepEqual(names(sampledHiddenLayers(snapshot(50))), [
      "1",
      "5",
      "10",
      "14",
      "19",
      "23",
      "28",
      "32",
      "37",
      "41",
      "46",
      "50"
    ]);
    assert.deepEqual(names(sampledHiddenLayers(snapshot(13), 3)), ["1", "7", "13"]);
  });
});
