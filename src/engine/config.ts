import {ACTIVATIONS} from "./activations.js";
import {GRADIENT_NORMS} from "./gradient-norm.js";
import {INIT_SCHEMES} from "./init.js";
import {NORMALIZATIONS} from "./normalization.js";
import {OPTIMIZERS} from "./optimizers.js";
import {checkNumber, ConfigError, validateStrategy} from "./options.js";
import type {LayerwiseConfig, StageConfig, TrainConfig} from "./types.js";

export {ConfigError};

/** The study's baseline: 784 → 7×128 sigmoid → 10, PyTorch-default init, SGD lr 0.01, batch 512, seed 42. */
export const BASELINE_CONFIG: TrainConfig = {
  depth: 7,
  width: 128,
  activation: {kind: "sigmoid"},
  init: {kind: "pytorch-default"},
  normalization: {kind: "none"},
  skips: [],
  gradientNorm: {kind: "none"},
  optimizer: {kind: "sgd", learningRate: 0.01},
  layerwise: null,
  batchSize: 512,
  epochs: 100,
  trainSize: 60000,
  validationFraction: 0.1,
  seeds: {init: 42, data: 42},
  snapshotEvery: 10
};

/** Bounds of the structural settings, shared by validation and by page controls. */
export const LIMITS = {
  depth: {min: 1, max: 64},
  width: {min: 4, max: 1024},
  batchSize: {min: 1, max: 8192},
  epochs: {min: 1, max: 1000},
  stages: {min: 1, max: 20},
  validationFraction: {min: 0, max: 0.5},
  seed: {min: 0, max: 2 ** 32 - 1},
  snapshotEvery: {min: 1, max: 100000}
} as const;

const integerIn = (field: string, value: unknown, bounds: {min: number; max: number}) =>
  checkNumber(field, value, {...bounds, integer: true});

function validateSkips(skips: unknown, depth: number): void {
  if (!Array.isArray(skips)) throw new ConfigError("skips", "must be a list of {from, to} connections");
  let previousTo = 1;
  skips.forEach((skip: {from?: unknown; to?: unknown}, i) => {
    integerIn(`skips[${i}].from`, skip?.from, {min: previousTo, max: depth - 1});
    integerIn(`skips[${i}].to`, skip?.to, {min: (skip.from as number) + 1, max: depth});
    previousTo = skip.to as number;
  });
}

function validateLayerwise(layerwise: LayerwiseConfig, config: TrainConfig): void {
  const sizes: unknown = layerwise.blockSizes;
  if (!Array.isArray(sizes) || sizes.length === 0)
    throw new ConfigError("layerwise.blockSizes", "must list at least one block");
  sizes.forEach((size, i) => integerIn(`layerwise.blockSizes[${i}]`, size, {min: 1, max: LIMITS.depth.max}));
  const total = sizes.reduce((a: number, b: number) => a + b, 0);
  if (total !== config.depth) {
    throw new ConfigError("layerwise.blockSizes", `must add up to the depth ${config.depth}, got ${total}`);
  }
  validateStrategy("layerwise.headInit", INIT_SCHEMES, layerwise.headInit);
  const stages: unknown = layerwise.stages;
  if (!Array.isArray(stages)) throw new ConfigError("layerwise.stages", "must be a list of stages");
  integerIn("layerwise.stages.length", stages.length, LIMITS.stages);
  let epochs = 0;
  stages.forEach((stage: StageConfig, i) => {
    const field = `layerwise.stages[${i}]`;
    integerIn(`${field}.blocks`, stage?.blocks, {min: 1, max: sizes.length});
    if (!Array.isArray(stage.frozen) || new Set(stage.frozen).size !== stage.frozen.length) {
      throw new ConfigError(`${field}.frozen`, "must be a list of distinct block numbers");
    }
    stage.frozen.forEach((block, j) =>
      integerIn(`${field}.frozen[${j}]`, block, {min: 0, max: stage.blocks - 1})
    );
    if (stage.frozen.length === stage.blocks)
      throw new ConfigError(`${field}.frozen`, "leaves no block to train");
    if (typeof stage.newHead !== "boolean")
      throw new ConfigError(`${field}.newHead`, "must be true or false");
    integerIn(`${field}.epochs`, stage.epochs, LIMITS.epochs);
    epochs += stage.epochs;
  });
  if (epochs !== config.epochs) {
    throw new ConfigError(
      "epochs",
      `must equal the stages' epochs added up (${epochs}), got ${config.epochs}`
    );
  }
  if (config.skips.length > 0) throw new ConfigError("skips", "cannot be combined with layer-wise training");
}

/**
 * Checks every field of a config, throwing a ConfigError that names the field and its allowed range. Strategy
 * names and their options are checked against the registries. `available` is how many training images the
 * dataset holds (trainSize cannot exceed it).
 */
export function validateConfig(config: TrainConfig, available = Infinity): TrainConfig {
  integerIn("depth", config.depth, LIMITS.depth);
  integerIn("width", config.width, LIMITS.width);
  validateStrategy("activation", ACTIVATIONS, config.activation);
  validateStrategy("init", INIT_SCHEMES, config.init);
  validateStrategy("normalization", NORMALIZATIONS, config.normalization);
  validateSkips(config.skips, config.depth);
  validateStrategy("gradientNorm", GRADIENT_NORMS, config.gradientNorm);
  validateStrategy("optimizer", OPTIMIZERS, config.optimizer);
  integerIn("batchSize", config.batchSize, LIMITS.batchSize);
  integerIn("epochs", config.epochs, LIMITS.epochs);
  if (typeof config.layerwise !== "object") {
    throw new ConfigError("layerwise", "must be null (no stages) or a layer-wise schedule");
  }
  if (config.layerwise !== null) validateLayerwise(config.layerwise, config);
  checkNumber("validationFraction", config.validationFraction, LIMITS.validationFraction);
  integerIn("trainSize", config.trainSize, {min: 2, max: Math.min(available, 60000)});
  const fit = config.trainSize - Math.round(config.trainSize * config.validationFraction);
  if (fit < 1) throw new ConfigError("trainSize", "leaves no images to fit on");
  // Batch statistics need two examples: PyTorch's BatchNorm refuses a batch of one, and its std is undefined.
  const batchStatistics = ["batchnorm", "standardize"].includes(config.normalization.kind);
  if (batchStatistics && (config.batchSize === 1 || fit % config.batchSize === 1)) {
    throw new ConfigError(
      "batchSize",
      `gives a batch of a single example (${fit} images to fit), which ${config.normalization.kind} cannot normalize`
    );
  }
  integerIn("seeds.init", config.seeds?.init, LIMITS.seed);
  integerIn("seeds.data", config.seeds?.data, LIMITS.seed);
  integerIn("snapshotEvery", config.snapshotEvery, LIMITS.snapshotEvery);
  return config;
}
