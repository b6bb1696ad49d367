// The problem page's settings: their ranges (shared by the sliders and the URL), their defaults, and how
// they become an engine config. Kept out of the page so the mapping is tested.
import {ACTIVATIONS} from "../engine/activations.js";
import {BASELINE_CONFIG} from "../engine/config.js";
import {kindsOf, withDefaults} from "../engine/options.js";
import type {
  ActivationConfig,
  ActivationName,
  InitConfig,
  StageConfig,
  TrainConfig
} from "../engine/types.js";
import {plannedSteps} from "./run-protocol.js";
import {parseParams, type ParamSpec} from "./url-params.js";

export interface ControlValues {
  depth: number;
  width: number;
  /** "default" is PyTorch's U(±1/√fan-in); a number is the std of N(0, std²) weights with zero biases. */
  init: "default" | number;
  /** Any activation of the engine's registry, with its options at their defaults. */
  activation: ActivationName;
  learningRate: number;
  epochs: number;
  trainSize: number;
  /** Runs trained beside the reader's, on the same seeds and data (comparisons.ts). */
  compare: CompareChoice;
}

/** What the reader's run can be compared with: nothing, the study's network, ReLU, or three init scales. */
export const COMPARE_CHOICES = ["none", "study", "relu", "init-scales"] as const;
export type CompareChoice = (typeof COMPARE_CHOICES)[number];

export const INIT_CHOICES = ["default", "0.01", "0.05", "0.1", "0.5", "1", "2", "10"] as const;

/** Every activation the engine has, from its registry: a new one appears here and in the URL by itself. */
export const ACTIVATION_CHOICES: readonly ActivationName[] = kindsOf(ACTIVATIONS);

/** URL parameter → allowed values; the sliders use the same bounds. */
export const CONTROL_PARAMS = {
  depth: {kind: "integer", min: 1, max: 16},
  width: {kind: "integer", min: 8, max: 256},
  init: {kind: "choice", values: INIT_CHOICES},
  activation: {kind: "choice", values: ACTIVATION_CHOICES},
  lr: {kind: "number", min: 0.0001, max: 10},
  epochs: {kind: "integer", min: 1, max: 100},
  train: {kind: "integer", min: 1000, max: 60000},
  compare: {kind: "choice", values: COMPARE_CHOICES},
  autostart: {kind: "choice", values: ["0", "1"]}
} satisfies Record<string, ParamSpec>;

/** The study's network and optimiser, on a training set and run length that finish in seconds in a browser. */
export const PAGE_DEFAULTS: ControlValues = {
  depth: BASELINE_CONFIG.depth,
  width: BASELINE_CONFIG.width,
  init: "default",
  activation: BASELINE_CONFIG.activation.kind,
  learningRate: BASELINE_CONFIG.optimizer.learningRate,
  epochs: 5,
  trainSize: 10000,
  compare: "none"
};

/** Page defaults overridden by valid URL parameters, plus a message for each ignored one. */
export function controlsFromUrl(search: string): {
  values: ControlValues;
  autostart: boolean;
  problems: string[];
} {
  const {values: p, problems} = parseParams(search, CONTROL_PARAMS);
  const values: ControlValues = {
    depth: (p.depth as number | undefined) ?? PAGE_DEFAULTS.depth,
    width: (p.width as number | undefined) ?? PAGE_DEFAULTS.width,
    init: p.init === undefined || p.init === "default" ? PAGE_DEFAULTS.init : Number(p.init),
    activation: (p.activation as ActivationName | undefined) ?? PAGE_DEFAULTS.activation,
    learningRate: (p.lr as number | undefined) ?? PAGE_DEFAULTS.learningRate,
    epochs: (p.epochs as number | undefined) ?? PAGE_DEFAULTS.epochs,
    trainSize: (p.train as number | undefined) ?? PAGE_DEFAULTS.trainSize,
    compare: (p.compare as CompareChoice | undefined) ?? PAGE_DEFAULTS.compare
  };
  return {values, autostart: p.autostart !== "0", problems};
}

export function initConfig(init: ControlValues["init"]): InitConfig {
  return init === "default" ? {kind: "pytorch-default"} : {kind: "normal", std: init};
}

/** About this many snapshots per run: enough heatmap columns to see the trend, few enough to stay cheap. */
const SNAPSHOTS_PER_RUN = 60;

/**
 * `epochs` shared out over stages in proportion to their own epochs (equal stages: equal shares), each at least
 * 1: stage i gets ⌊epochs·eᵢ/Σe⌋, and the epochs left go one each to the stages with the largest remainders
 * (the earlier first on a tie). Fewer epochs than stages gives every stage 1, so the total is then the stage count.
 */
export function shareEpochs(stages: readonly StageConfig[], epochs: number): StageConfig[] {
  const total = stages.reduce((sum, s) => sum + s.epochs, 0);
  const exact = stages.map((s) => (epochs * s.epochs) / total);
  const shares = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = epochs - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({i, rest: x - Math.floor(x)}))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) shares[order[k]!.i]!++;
  return stages.map((stage, i) => ({...stage, epochs: shares[i]!}));
}

/**
 * `config` on a live budget: `trainSize` images for `epochs` epochs, with about SNAPSHOTS_PER_RUN snapshots. With
 * layer-wise training the epochs are shared out over the stages (shareEpochs), so a run of 12 epochs over the
 * study's 6 stages trains each stage for 2, not each for its own 100.
 */
export function withBudget(config: TrainConfig, trainSize: number, epochs: number): TrainConfig {
  const layerwise = config.layerwise && {
    ...config.layerwise,
    stages: shareEpochs(config.layerwise.stages, epochs)
  };
  const total = layerwise ? layerwise.stages.reduce((sum, s) => sum + s.epochs, 0) : epochs;
  const totalSteps = plannedSteps({...config, trainSize, epochs: total});
  return {
    ...config,
    layerwise,
    trainSize,
    epochs: total,
    snapshotEvery: Math.max(1, Math.round(totalSteps / SNAPSHOTS_PER_RUN))
  };
}

export function configFromControls(values: ControlValues): TrainConfig {
  return withBudget(
    {
      ...BASELINE_CONFIG,
      depth: values.depth,
      width: values.width,
      init: initConfig(values.init),
      activation: withDefaults<ActivationName, ActivationConfig>(ACTIVATIONS, values.activation),
      optimizer: {kind: "sgd", learningRate: values.learningRate}
    },
    values.trainSize,
    values.epochs
  );
}
