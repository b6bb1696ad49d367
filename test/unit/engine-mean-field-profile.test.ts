import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {scalarActivation} from "../../src/engine/activation-scalars.js";
import {initialisationOf, predictLayers} from "../../src/engine/mean-field.js";
import {predictedGradientNorms} from "../../src/engine/mean-field-profile.js";
import type {LayerProbe} from "../../src/engine/types.js";

const layer = (gradNorm: number, hidden = true) =>
  ({gradNorm, activation: hidden ? {mean: 0, std: 1, saturation: 0} : null}) as LayerProbe;

describe("predictedGradientNorms", () => {
  it("anchors the relative prediction on the measured last hidden layer and leaves the output layer out", () => {
    const snapshot = {layers: [layer(1e-9), layer(1e-6), layer(4e-3), layer(0.5, false)]};
    const out = predictedGradientNorms(
      [{log10RelativeGradient: -2}, {log10RelativeGradient: -1}, {log10RelativeGradient: 0}],
      snapshot
    );
    assert.equal(out.length, 4);
    [4e-5, 4e-4, 4e-3].forEach((want, i) =>
      assert.ok(Math.abs(out[i]! - want) < 1e-15 * 1e3, `${out[i]} ≉ ${want}`)
    );
    assert.equal(out[3], null);
  });

  it("gives only nulls when the predictions do not fit the snapshot or the anchor is not positive", () => {
    const snapshot = {layers: [layer(1e-6), layer(4e-3), layer(0.5, false)]};
    assert.deepEqual(predictedGradientNorms([{log10RelativeGradient: 0}], snapshot), [null, null, null]);
    const dead = {layers: [layer(1e-6), layer(0), layer(0.5, false)]};
    const two = [{log10RelativeGradient: -1}, {log10RelativeGradient: 0}];
    assert.deepEqual(predictedGradientNorms(two, dead), [null, null, null]);
  });

  it("turns predictLayers for the sigmoid baseline into a line falling ~0.85 decades a layer", () => {
    const predictions = predictLayers(
      scalarActivation({kind: "sigmoid"}),
      initialisationOf({kind: "pytorch-default"}, 128),
      7,
      128,
      {
        meanSquare: 0.21,
        size: 784
      }
    );
    const snapshot = {layers: [...Array.from({length: 7}, () => layer(1e-3)), layer(1e-2, false)]};
    const out = predictedGradientNorms(predictions, snapshot);
    assert.equal(out[6], 1e-3);
    const perLayer = Math.log10(out[6]! / out[5]!);
    assert.ok(Math.abs(perLayer - 0.85) < 0.05, `${perLayer}`);
  });
});
