import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {BASELINE_CONFIG, ConfigError, validateConfig} from "../../src/engine/config.js";
import {presetByName} from "../../src/engine/presets.js";
import type {LayerwiseConfig, TrainConfig} from "../../src/engine/types.js";

const withField = (change: Record<string, unknown>) => ({...BASELINE_CONFIG, ...change}) as TrainConfig;

describe("validateConfig", () => {
  it("accepts the study's baseline", () => {
    assert.equal(validateConfig(BASELINE_CONFIG), BASELINE_CONFIG);
  });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["depth", {depth: 65}, /^depth: must be a whole number from 1 to 64, got 65$/],
    ["width", {width: 2.5}, /^width: must be a whole number from 4 to 1024/],
    [
      "activation.kind",
      {activation: "gelu"},
      /^activation.kind: must be one of sigmoid, tanh, relu, .*maxout, got undefined$/
    ],
    ["activation.kind", {activation: {kind: "swish"}}, /^activation.kind: must be one of .*, got swish$/],
    [
      "activation.slope",
      {activation: {kind: "leaky-relu"}},
      /^activation.slope: must be a number from 0 to 1, got undefined$/
    ],
    [
      "init.kind",
      {init: {kind: "xavier"}},
      /^init.kind: must be one of pytorch-default, normal, .*orthogonal, got xavier$/
    ],
    ["init.std", {init: {kind: "normal", std: 0}}, /^init.std: must be a number above 0 to 100/],
    [
      "init.sdt",
      {init: {kind: "normal", std: 1, sdt: 2}},
      /^init.sdt: is not an option of normal \(its options: std\)$/
    ],
    [
      "normalization.kind",
      {normalization: {kind: "groupnorm"}},
      /^normalization.kind: must be one of none, batchnorm/
    ],
    [
      "normalization.momentum",
      {normalization: {kind: "batchnorm", momentum: 2, eps: 1e-5}},
      /momentum: must be a number from 0 to 1/
    ],
    [
      "gradientNorm.kind",
      {gradientNorm: {kind: "clip"}},
      /^gradientNorm.kind: must be one of none, study, block/
    ],
    ["optimizer.learningRate", {optimizer: {kind: "sgd", learningRate: NaN}}, /^optimizer.learningRate: /],
    [
      "optimizer.beta1",
      {optimizer: {kind: "adam", learningRate: 0.001}},
      /^optimizer.beta1: must be a number/
    ],
    [
      "optimizer.kind",
      {optimizer: {kind: "lion", learningRate: 0.001}},
      /^optimizer.kind: must be one of sgd, momentum/
    ],
    ["skips", {skips: null}, /^skips: must be a list/],
    ["skips[0].to", {skips: [{from: 2, to: 2}]}, /^skips\[0\].to: must be a whole number from 3 to 7/],
    [
      "skips[1].from",
      {
        skips: [
          {from: 1, to: 3},
          {from: 2, to: 5}
        ]
      },
      /^skips\[1\].from: must be a whole number from 3 to 6/
    ],
    ["layerwise", {layerwise: undefined}, /^layerwise: must be null/],
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

  it("refuses a batch of one example where the normalization needs batch statistics", () => {
    const standardize = {normalization: {kind: "standardize", eps: 1e-5}};
    // 1000 images, 900 to fit, batches of 899: the last batch holds one image.
    const change = {...standardize, trainSize: 1000, batchSize: 899};
    assert.throws(
      () => validateConfig(withField(change)),
      /^ConfigError: batchSize: gives a batch of a single example/
    );
    assert.doesNotThrow(() => validateConfig(withField({...change, normalization: {kind: "none"}})));
    assert.doesNotThrow(() => validateConfig(withField({...change, batchSize: 900})));
  });
});

describe("validateConfig of layer-wise schedules", () => {
  const layerwise = presetByName("layerwise").config;
  const withSchedule = (change: Partial<LayerwiseConfig>, epochs = layerwise.epochs) =>
    ({...layerwise, epochs, layerwise: {...layerwise.layerwise!, ...change}}) as TrainConfig;
  const cases: [string, TrainConfig, RegExp][] = [
    [
      "blocks that do not add up to the depth",
      withSchedule({blockSizes: [2, 2, 2]}),
      /blockSizes: must add up to the depth 7, got 6/
    ],
    [
      "a stage with more blocks than exist",
      withSchedule({stages: [{blocks: 5, frozen: [], newHead: true, epochs: 600}]}),
      /stages\[0\].blocks: must be a whole number from 1 to 4/
    ],
    [
      "a frozen block outside the stage",
      withSchedule({stages: [{blocks: 2, frozen: [2], newHead: true, epochs: 600}]}),
      /stages\[0\].frozen\[0\]: must be a whole number from 0 to 1/
    ],
    [
      "a stage that freezes everything",
      withSchedule({stages: [{blocks: 1, frozen: [0], newHead: true, epochs: 600}]}),
      /leaves no block to train/
    ],
    [
      "epochs that disagree with the stages",
      withSchedule({}, 100),
      /^ConfigError: epochs: must equal the stages' epochs added up \(600\), got 100/
    ],
    [
      "skips combined with stages",
      {...layerwise, skips: [{from: 1, to: 3}]},
      /skips: cannot be combined with layer-wise training/
    ]
  ];
  for (const [what, config, message] of cases) {
    it(`rejects ${what}`, () => assert.throws(() => validateConfig(config), message));
  }

  it("accepts the study's schedule", () => assert.doesNotThrow(() => validateConfig(layerwise)));
});
