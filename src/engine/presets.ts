// The study's nine experiments (../shared/seed/study.md) as named configs, plus the variants this project adds:
// the layer-wise schedule that keeps its head when a stage only unfreezes, block-normalized gradients, and the
// options of the study's Streamlit demo that its notebooks did not try (tanh, per-batch standardization), run
// on the study's protocol. Every remedy except "weight increasing" uses N(0, 0.05²) weights and zero biases.
import {BASELINE_CONFIG} from "./config.js";
import {ConfigError} from "./options.js";
import type {SkipConnection, StageConfig, TrainConfig} from "./types.js";

export interface Preset {
  name: string;
  title: string;
  description: string;
  /** The study's experiment number and its reported test accuracy after 100 epochs, where it ran this. */
  study: {experiment: number; reportedTestAccuracy: number} | null;
  config: TrainConfig;
}

const remedy = (change: Partial<TrainConfig>): TrainConfig => ({
  ...BASELINE_CONFIG,
  init: {kind: "normal", std: 0.05},
  ...change
});

/**
 * The study's layer-wise schedule over blocks B1..B4 (0-based 0..3): train B1; freeze B1, train B2; freeze B1 and
 * B2, train B3; unfreeze all three; freeze B1..B3, train B4; unfreeze all four. `keepHead` keeps the head in
 * the two stages that only unfreeze (the study's code makes a new one every stage).
 */
export function studyStages(epochsPerStage: number, keepHead: boolean): StageConfig[] {
  const stage = (blocks: number, frozen: number[], newHead = true) => ({
    blocks,
    frozen,
    newHead,
    epochs: epochsPerStage
  });
  return [
    stage(1, []),
    stage(2, [0]),
    stage(3, [0, 1]),
    stage(3, [], !keepHead),
    stage(4, [0, 1, 2]),
    stage(4, [], !keepHead)
  ];
}

/**
 * Residual blocks of `blockLength` hidden layers after the first, chained as in a ResNet: each block's input
 * (the value leaving the layer before it) is added to its output. Depth 7, length 2: 1→3, 3→5, 5→7.
 * The study's experiment 7 wires its own irregular pattern (1→3, 4→7), kept as the `skip` preset.
 */
export function residualSkips(depth: number, blockLength: number): SkipConnection[] {
  const skips: SkipConnection[] = [];
  for (let from = 1; from + blockLength <= depth; from += blockLength)
    skips.push({from, to: from + blockLength});
  return skips;
}

const layerwise = (keepHead: boolean): TrainConfig =>
  remedy({
    epochs: 600,
    layerwise: {
      blockSizes: [2, 2, 2, 1],
      headInit: {kind: "pytorch-default"},
      stages: studyStages(100, keepHead)
    }
  });

export const PRESETS: readonly Preset[] = [
  {
    name: "baseline",
    title: "Baseline",
    description: "sigmoid, PyTorch default init, SGD 0.01: the vanishing gradient",
    study: {experiment: 1, reportedTestAccuracy: 0.1},
    config: BASELINE_CONFIG
  },
  {
    name: "init-std-1",
    title: "Weight increasing, std 1",
    description: "sigmoid, weights N(0, 1²), zero biases",
    study: {experiment: 2, reportedTestAccuracy: 0.7361},
    config: remedy({init: {kind: "normal", std: 1}})
  },
  {
    name: "init-std-10",
    title: "Weight increasing, std 10",
    description: "sigmoid, weights N(0, 10²), zero biases: saturated units",
    study: {experiment: 3, reportedTestAccuracy: 0.1927},
    config: remedy({init: {kind: "normal", std: 10}})
  },
  {
    name: "relu",
    title: "Better activation",
    description: "ReLU instead of sigmoid, N(0, 0.05²)",
    study: {experiment: 4, reportedTestAccuracy: 0.7882},
    config: remedy({activation: {kind: "relu"}})
  },
  {
    name: "adam",
    title: "Better optimizer",
    description: "sigmoid, N(0, 0.05²), Adam lr 0.001",
    study: {experiment: 5, reportedTestAccuracy: 0.8591},
    config: remedy({
      optimizer: {kind: "adam", learningRate: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8}
    })
  },
  {
    name: "batchnorm",
    title: "Normalize inside the network",
    description: "sigmoid, N(0, 0.05²), BatchNorm after each hidden Linear, before the sigmoid",
    study: {experiment: 6, reportedTestAccuracy: 0.8785},
    config: remedy({normalization: {kind: "batchnorm", momentum: 0.1, eps: 1e-5}})
  },
  {
    name: "skip",
    title: "Skip connections",
    description: "sigmoid, N(0, 0.05²), residual adds h1 + h3 and h4 + h7",
    study: {experiment: 7, reportedTestAccuracy: 0.6756},
    config: remedy({
      skips: [
        {from: 1, to: 3},
        {from: 4, to: 7}
      ]
    })
  },
  {
    name: "layerwise",
    title: "Train layers separately",
    description: "6 stages over blocks of 2, 2, 2, 1 layers, a new default-initialised head every stage",
    // The study printed its stage-3 result as the final one (study.md, known defects).
    study: {experiment: 8, reportedTestAccuracy: 0.4202},
    config: layerwise(false)
  },
  {
    name: "layerwise-keep-head",
    title: "Train layers separately, head kept",
    description: "as layerwise, but the stages that only unfreeze keep the previous stage's head",
    study: null,
    config: layerwise(true)
  },
  {
    name: "gradnorm-study",
    title: "Gradient normalization (the study's)",
    description:
      "sigmoid, N(0, 0.05²), backward g → (g − mean g)/(std g + 1e-6) after each hidden activation",
    study: {experiment: 9, reportedTestAccuracy: 0.5373},
    config: remedy({gradientNorm: {kind: "study", eps: 1e-6}})
  },
  {
    name: "gradnorm-block",
    title: "Block-normalized gradients",
    description: "sigmoid, N(0, 0.05²), each layer's gradient scaled to unit norm (Yu et al. 2017)",
    study: null,
    config: remedy({gradientNorm: {kind: "block", eps: 1e-12}})
  },
  {
    name: "tanh",
    title: "Tanh (the demo's option)",
    description: "tanh instead of sigmoid, N(0, 0.05²)",
    study: null,
    config: remedy({activation: {kind: "tanh"}})
  },
  {
    name: "standardize",
    title: "Per-batch standardization (the demo's option)",
    description: "sigmoid, N(0, 0.05²), (x − mean)/(std + 1e-5) over the batch before each sigmoid",
    study: null,
    config: remedy({normalization: {kind: "standardize", eps: 1e-5}})
  }
];

export const PRESET_NAMES = PRESETS.map((preset) => preset.name);

/** The preset called `name`; an unknown name is a ConfigError listing the known ones. */
export function presetByName(name: string): Preset {
  const preset = PRESETS.find((p) => p.name === name);
  if (!preset) throw new ConfigError("preset", `must be one of ${PRESET_NAMES.join(", ")}, got ${name}`);
  return preset;
}

/** `config` trained for `epochs` epochs, or `epochs` per stage with layer-wise training. */
export function withEpochs(config: TrainConfig, epochs: number): TrainConfig {
  if (!config.layerwise) return {...config, epochs};
  const stages = config.layerwise.stages.map((stage) => ({...stage, epochs}));
  return {...config, epochs: epochs * stages.length, layerwise: {...config.layerwise, stages}};
}
