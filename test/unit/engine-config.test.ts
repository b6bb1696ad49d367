import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {BASELINE_CONFIG, ConfigError, validateConfig} from "../../src/engine/config.js";
import type {TrainConfig} from "../../src/engine/types.js";

const withField = (change: Record<string, unknown>) => ({...BASELINE_CONFIG, ...change}) as TrainConfig;

describe("validateConfig", () => {
  it("accepts the study's baseline", () => {
    assert.equal(validateConfig(BASELINE_CONFIG), BASELINE_CONFIG);
  });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["depth", {depth: 65}, /^depth: must be a whole number from 1 to 64, got 65$/],
    ["width", {width: 2.5}, /^width: must be a whole number from 4 to 1024/],
    ["activation", {activation: "gelu"}, /^activation: must be one of sigmoid, tanh, relu, got gelu$/],
    ["init.kind", {init: {kind: "xavier"}}, /^init.kind: must be "pytorch-default" or "normal"/],
    ["init.std", {init: {kind: "normal", std: 0}}, /^init.std: must be a number above 0 to 100/],
    ["optimizer.learningRate", {optimizer: {kind: "sgd", learningRate: NaN}}, /^optimizer.learningRate: /],
    ["optimizer.kind", {optimizer: {kind: "adam", learningRate: 0.001}}, /^optimizer.kind: must be "sgd"/],
    ["batchSize", {batchSize: 0}, /^batchSize: must be a whole number from 1 to 8192/],
    ["epochs", {epochs: "3"}, /^epochs: /],
    ["validationFraction", {validationFraction: 0.9}, /^validationFraction: must be a number from 0 to 0.5/],
    ["seeds.init", {seeds: {init: -1, data: 0}}, /^seeds.init: /],
    ["snapshotEvery", {snapshotEvery: 0}, /^snapshotEvery: /]
  ];
  for (const [field, change, message] of cases) {
    it(`rejects a bad ${field} with a message naming it and its range`, () => {
      assert.throws(
        () => validateConfig(withField(change)),
        (error: unknown) =>
          error instanceof ConfigError && error.field === field && message.test(error.message)
      );
    });
  }

  it("limits trainSize to the images the dataset holds", () => {
    assert.throws(
      () => validateConfig(BASELINE_CONFIG, 10000),
      /trainSize: must be a whole number from 2 to 10000/
    );
    assert.doesNotThrow(() => validateConfig({...BASELINE_CONFIG, trainSize: 10000}, 10000));
  });
});
