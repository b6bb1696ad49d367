import type {ActivationName, TrainConfig} from "./types.js";

/** The study's baseline: 784 → 7×128 sigmoid → 10, PyTorch-default init, SGD lr 0.01, batch 512, seed 42. */
export const BASELINE_CONFIG: TrainConfig = {
  depth: 7,
  width: 128,
  activation: "sigmoid",
  init: {kind: "pytorch-default"},
  optimizer: {kind: "sgd", learningRate: 0.01},
  batchSize: 512,
  epochs: 100,
  trainSize: 60000,
  validationFraction: 0.1,
  seeds: {init: 42, data: 42},
  snapshotEvery: 10
};

export const ACTIVATIONS: readonly ActivationName[] = ["sigmoid", "tanh", "relu"];

/** A config that failed validation; `field` names the offending setting (dotted path). */
export class ConfigError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(`${field}: ${message}`);
    this.name = "ConfigError";
  }
}

function integerIn(field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(field, `must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
}

function numberIn(field: string, value: unknown, min: number, max: number, minOpen = false): void {
  const tooSmall = typeof value === "number" && (minOpen ? value <= min : value < min);
  if (typeof value !== "number" || !Number.isFinite(value) || tooSmall || value > max) {
    const lower = minOpen ? `above ${min}` : `from ${min}`;
    throw new ConfigError(field, `must be a number ${lower} to ${max}, got ${String(value)}`);
  }
}

/**
 * Checks every field of a config, throwing a ConfigError that names the field and its allowed range.
 * `available` is how many training images the dataset holds (trainSize cannot exceed it).
 */
export function validateConfig(config: TrainConfig, available = Infinity): TrainConfig {
  integerIn("depth", config.depth, 1, 64);
  integerIn("width", config.width, 4, 1024);
  if (!ACTIVATIONS.includes(config.activation)) {
    throw new ConfigError(
      "activation",
      `must be one of ${ACTIVATIONS.join(", ")}, got ${String(config.activation)}`
    );
  }
  const init: {kind?: unknown; std?: unknown} = config.init ?? {};
  if (init.kind === "normal") numberIn("init.std", init.std, 0, 100, true);
  else if (init.kind !== "pytorch-default") {
    throw new ConfigError("init.kind", `must be "pytorch-default" or "normal", got ${String(init.kind)}`);
  }
  if (config.optimizer?.kind !== "sgd") {
    throw new ConfigError("optimizer.kind", `must be "sgd", got ${String(config.optimizer?.kind)}`);
  }
  numberIn("optimizer.learningRate", config.optimizer.learningRate, 0, 100, true);
  integerIn("batchSize", config.batchSize, 1, 8192);
  integerIn("epochs", config.epochs, 1, 1000);
  numberIn("validationFraction", config.validationFraction, 0, 0.5);
  const maxTrain = Math.min(available, 60000);
  integerIn("trainSize", config.trainSize, 2, maxTrain);
  const validation = Math.round(config.trainSize * config.validationFraction);
  if (config.trainSize - validation < 1) throw new ConfigError("trainSize", "leaves no images to fit on");
  integerIn("seeds.init", config.seeds?.init, 0, 2 ** 32 - 1);
  integerIn("seeds.data", config.seeds?.data, 0, 2 ** 32 - 1);
  integerIn("snapshotEvery", config.snapshotEvery, 1, 100000);
  return config;
}
