// The explorer's prediction on the page: computed once per request, skipped for a request overtaken within
// THEORY_DELAY_MS (a drag), anchored on the answer's last hidden layer, and a failure said rather than thrown.
import assert from "node:assert/strict";
import {afterEach, beforeEach, describe, it, mock} from "node:test";
import type {Snapshot, TrainConfig} from "../../src/engine/types.js";
import {explorerConfig} from "../../src/lib/explorer.js";
import {createExplorerTheory, THEORY_DELAY_MS} from "../../src/lib/explorer-theory.js";
import type {InitTheory} from "../../src/lib/initialization.js";

const config = explorerConfig({depth: 2, scale: 0.05, activation: "sigmoid"});
/** Two hidden layers and the output; the last hidden layer's ‖∂L/∂W‖ = 0.5 anchors the line. */
const snapshot = {
  layers: [
    {gradNorm: 0.01, activation: {}},
    {gradNorm: 0.5, activation: {}},
    {gradNorm: 2, activation: null}
  ]
} as unknown as Snapshot;
/** A theory whose first layer is two decades below the last. */
const fake = {layers: [{log10RelativeGradient: -2}, {log10RelativeGradient: 0}]} as unknown as InitTheory;

describe("createExplorerTheory", () => {
  beforeEach(() => mock.timers.enable({apis: ["setTimeout"]}));
  afterEach(() => mock.timers.reset());

  it("computes a request's theory once, in its turn or for its answer, anchored on the last hidden layer", () => {
    const seen: TrainConfig[] = [];
    const theory = createExplorerTheory((c) => (seen.push(c), fake));
    theory.schedule(1, config, () => true);
    assert.equal(seen.length, 0, "not before THEORY_DELAY_MS");
    mock.timers.tick(THEORY_DELAY_MS);
    assert.deepEqual(seen, [config]);
    assert.deepEqual(theory.predict(1, config, snapshot), {predicted: [0.005, 0.5, null], problem: null});
    assert.equal(seen.length, 1, "the answer reuses the scheduled theory");
    theory.predict(2, config, snapshot);
    assert.equal(seen.length, 2, "an answer to a request never scheduled computes its own");
  });

  it("skips a request overtaken before its turn", () => {
    let calls = 0;
    let newest = 1;
    const theory = createExplorerTheory(() => (calls++, fake));
    theory.schedule(1, config, () => newest === 1);
    newest = 2;
    mock.timers.tick(THEORY_DELAY_MS);
    assert.equal(calls, 0);
  });

  it("says why there is no prediction when the theory fails", () => {
    const theory = createExplorerTheory(() => {
      throw new Error("no fixed point");
    });
    assert.deepEqual(theory.predict(1, config, snapshot), {
      predicted: null,
      problem: "The mean-field prediction failed: no fixed point"
    });
  });

  it("uses the engine's mean-field theory by default", () => {
    const {predicted} = createExplorerTheory().predict(1, config, snapshot);
    // The sigmoid at N(0, 0.05²) attenuates the gradient by about 0.8 decades a layer (−4.8 over 7, theory page).
    assert.ok(predicted![0]! > 0.5 * 10 ** -1 && predicted![0]! < 0.5 * 10 ** -0.3, String(predicted));
    assert.equal(predicted![1], 0.5);
  });
});
