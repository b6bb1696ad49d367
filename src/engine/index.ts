// The engine's public surface: plain configs and buffers in, plain-data snapshots out.
export {BASELINE_CONFIG, ACTIVATIONS, ConfigError, validateConfig} from "./config.js";
export {GRAD_LOG10_BINS, WEIGHT_BINS} from "./bins.js";
export {startTraining, type RunState, type TrainingRun} from "./run.js";
export type {TrainingData} from "./loop.js";
export type * from "./types.js";
