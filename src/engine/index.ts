// The engine's public surface: plain configs and buffers in, plain-data snapshots out.
export {BASELINE_CONFIG, ConfigError, LIMITS, validateConfig} from "./config.js";
export {ACTIVATIONS} from "./activations.js";
export {INIT_SCHEMES} from "./init.js";
export {NORMALIZATIONS} from "./normalization.js";
export {OPTIMIZERS} from "./optimizers.js";
export {GRADIENT_NORMS} from "./gradient-norm.js";
export {kindsOf, withDefaults, type NumberOption, type Registry, type StrategySpec} from "./options.js";
export {
  PRESETS,
  PRESET_NAMES,
  presetByName,
  residualSkips,
  studyStages,
  withEpochs,
  type Preset
} from "./presets.js";
export {GRAD_LOG10_BINS, WEIGHT_BINS} from "./bins.js";
export {startTraining, type RunState, type TrainingRun} from "./run.js";
export type {TrainingData} from "./loop.js";
export type * from "./types.js";
