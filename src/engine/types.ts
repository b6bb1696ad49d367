// Plain-data contracts between the engine, the pages and the components.
// Nothing here is a tensor: every value can cross a Web Worker boundary (structured clone) or be
// written to JSON, so the engine can later move off the main thread without changing pages.

/**
 * Activation after each hidden layer (and after its normalization, if any). Maxout takes the max of k = 2
 * affine pieces, so its Dense layer has twice the width of outputs.
 */
export type ActivationConfig =
  | {kind: "sigmoid" | "tanh" | "relu" | "gelu" | "selu" | "softplus" | "maxout"}
  /** f(z) = z for z > 0, slope·z otherwise (PyTorch default slope 0.01). */
  | {kind: "leaky-relu"; slope: number}
  /** f(z) = z for z > 0, alpha·(eᶻ − 1) otherwise (PyTorch default alpha 1). */
  | {kind: "elu"; alpha: number};
export type ActivationName = ActivationConfig["kind"];

/** Weight initialisation of a dense layer with fan-in n and fan-out m; the registry in init.ts states each. */
export type InitConfig =
  /** PyTorch's nn.Linear default: W and b ~ U(−1/√n, 1/√n). */
  | {kind: "pytorch-default"}
  /** W ~ N(0, std²), b = 0 (the study's remedies use std 0.05; "weight increasing" 1 and 10). */
  | {kind: "normal"; std: number}
  /** W ~ U(−bound, bound), b = 0. */
  | {kind: "uniform"; bound: number}
  /** Glorot: std = gain·√(2/(n + m)), or U(±gain·√(6/(n + m))); b = 0. */
  | {kind: "xavier-normal" | "xavier-uniform"; gain: number}
  /** Kaiming (fan-in mode): std = scale·gain(activation)/√n, or U(±scale·gain·√(3/n)); b = 0. */
  | {kind: "he-normal" | "he-uniform"; scale: number}
  /** A (semi-)orthogonal matrix times gain; b = 0. */
  | {kind: "orthogonal"; gain: number};
export type InitKind = InitConfig["kind"];

/** Normalization between each hidden Dense layer and its activation (the study's experiment 6 uses batchnorm). */
export type NormalizationConfig =
  | {kind: "none"}
  /** PyTorch's BatchNorm1d: batch statistics in training, running statistics in evaluation. */
  | {kind: "batchnorm"; momentum: number; eps: number}
  /** The study's demo layer: (x − mean) / (std + eps) over the batch, no parameters, no running statistics. */
  | {kind: "standardize"; eps: number}
  /** PyTorch's LayerNorm over the features of each example, with learnable scale and shift. */
  | {kind: "layernorm"; eps: number};
export type NormalizationKind = NormalizationConfig["kind"];

/** Every optimizer with PyTorch's update rule; defaults are PyTorch's (see optimizers.ts). */
export type OptimizerConfig =
  | {kind: "sgd"; learningRate: number}
  | {kind: "momentum" | "nesterov"; learningRate: number; momentum: number}
  | {kind: "rmsprop"; learningRate: number; alpha: number; eps: number}
  | {kind: "adagrad"; learningRate: number; eps: number}
  | {kind: "adam"; learningRate: number; beta1: number; beta2: number; eps: number}
  | {kind: "adamw"; learningRate: number; beta1: number; beta2: number; eps: number; weightDecay: number};
export type OptimizerKind = OptimizerConfig["kind"];

/** Rewriting the gradient on its way back (the study's experiment 9, and Yu et al. 2017's block normalization). */
export type GradientNormConfig =
  | {kind: "none"}
  /** An identity layer after each hidden activation whose backward maps g → (g − mean g) / (std g + eps). */
  | {kind: "study"; eps: number}
  /** Each layer's parameter gradient divided by its norm before the optimizer sees it: g_l / (‖g_l‖ + eps). */
  | {kind: "block"; eps: number};
export type GradientNormKind = GradientNormConfig["kind"];

/**
 * A residual connection: the output of hidden layer `from` (after its activation) is added to the output of
 * hidden layer `to`, and the sum feeds layer `to` + 1 (or the output layer). Layers count from 1.
 */
export interface SkipConnection {
  from: number;
  to: number;
}

/** One stage of layer-wise training. Blocks count from 0; `blocks` of them exist, each a run of hidden layers. */
export interface StageConfig {
  /** How many blocks the network has in this stage (from the input side). */
  blocks: number;
  /** Blocks whose parameters are frozen during this stage. */
  frozen: number[];
  /** A freshly initialised output head for this stage (the study's code), or the previous stage's head kept. */
  newHead: boolean;
  epochs: number;
}

export interface LayerwiseConfig {
  /** Hidden layers per block, from the input side; they sum to the config's depth. */
  blockSizes: number[];
  /** Initialisation of each new head (the study: PyTorch's default nn.Linear). */
  headInit: InitConfig;
  stages: StageConfig[];
}

export interface TrainConfig {
  /** Hidden layers (1–64). The study's baseline has 7. */
  depth: number;
  /** Units per hidden layer (4–1024). The study's baseline has 128. */
  width: number;
  activation: ActivationConfig;
  init: InitConfig;
  normalization: NormalizationConfig;
  /** Residual connections, in order, not overlapping (each from ≥ the previous to). */
  skips: SkipConnection[];
  gradientNorm: GradientNormConfig;
  optimizer: OptimizerConfig;
  /** Staged training; null trains every layer together for `epochs`. */
  layerwise: LayerwiseConfig | null;
  /** Examples per step (1–8192). The study uses 512; the last batch of an epoch may be smaller. */
  batchSize: number;
  /** Epochs in all (with layer-wise training: the sum of the stages' epochs). */
  epochs: number;
  /** Training images used (before the fit/validation split), at most what the dataset holds. */
  trainSize: number;
  /** Share of the training images held out for validation (the study: 0.1). */
  validationFraction: number;
  seeds: {init: number; data: number};
  /** Emit a snapshot every this many steps (and at every epoch end). */
  snapshotEvery: number;
}

/** Images as bytes (0..255, row-major 28×28) and labels (0..9): what the data loader ships. */
export interface DatasetBuffers {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/** Fixed histogram bins, the same for every run so that runs compare honestly. */
export interface Bins {
  min: number;
  max: number;
  count: number;
}

export interface ActivationStats {
  mean: number;
  std: number;
  /**
   * Share of saturated or dead units on the step's batch. sigmoid: outputs within 0.01 of 0 or 1; tanh: |h| > 0.97;
   * relu: units whose output is 0 for every example of the batch (dead); leaky-relu: units with z ≤ 0 for every
   * example; elu, selu, gelu, softplus: entries where |f′(z)| < 0.01; maxout: 0 (piecewise linear, never saturates).
   */
  saturation: number;
  // The three fields below came later: runs recorded before them lack them, so readers allow them absent.
  /**
   * Mean over the batch and units of the derivative φ′(z) a gradient is multiplied by here (for maxout the sum
   * over a unit's pieces, 1). The product of these over the layers above is the activations' share of
   * vanishing.
   */
  meanDerivative?: number;
  /**
   * The 15th, 50th and 85th percentiles (PREACTIVATION_PERCENTILES) of the pre-activation z, what enters the
   * activation (after normalization, if any), over all units of the layer on a sample of the batch's rows.
   */
  preactivationPercentiles?: number[];
  /** Counts of the outputs h on ACTIVATION_BINS (values outside in the end bins); empty where not kept. */
  histogram?: number[];
}

/** Probes of one dense layer (hidden layers first, from the input side; the output layer last). */
export interface LayerProbe {
  name: string;
  /** False while the layer is frozen (layer-wise training): no gradient is computed for it. */
  trainable: boolean;
  /** ‖∂L/∂W‖₂ (Frobenius norm of the weight gradient of the snapshot's step). */
  gradNorm: number;
  /** ‖W‖₂ after the step. */
  weightNorm: number;
  /** ‖W_t − W_0‖ / ‖W_0‖. */
  relativeChange: number;
  /** ‖W_t − W_{t−1}‖ / ‖W_{t−1}‖: how far this step moved the layer. */
  updateRatio: number;
  /** Statistics of the layer's activation outputs on the step's batch; null for the output layer. */
  activation: ActivationStats | null;
  /** Counts of weights on WEIGHT_BINS; values outside fall into the end bins. */
  weightHistogram: number[];
  /** Counts of log10 |∂L/∂W| on GRAD_LOG_BINS; exact zeros and tinier values fall into the first bin. */
  gradHistogram: number[];
  /**
   * Runs with gradient normalization only (and absent in runs recorded before this probe): ‖∂W‖ before, the true
   * gradient plain backpropagation gives, and after, what the optimizer receives. For the study's variant `after`
   * equals gradNorm (its backward pass rewrites the gradient) and `before` comes from a second, plain backward pass
   * on probed steps; for the block variant `before` equals gradNorm and `after` is ‖∂W‖ / (‖(∂W, ∂b)‖ + ε).
   */
  normalizedGradient?: {before: number; after: number};
}

export interface Metrics {
  loss: number;
  accuracy: number;
}

export type RunStatus = "running" | "paused" | "done" | "cancelled" | "diverged" | "failed";

export interface Snapshot {
  /** "init": probes at step 0 (weights at initialisation, gradient of the first batch, no update). */
  kind: "init" | "step" | "epoch" | "final";
  /** Completed optimisation steps. */
  step: number;
  /** Completed epochs (fractional between epoch ends). */
  epoch: number;
  stepsPerEpoch: number;
  totalSteps: number;
  elapsedMs: number;
  /** Mean training loss and accuracy over the steps since the previous snapshot. */
  train: Metrics;
  /** Held-out validation metrics, on epoch-end and final snapshots. */
  validation: Metrics | null;
  /** Test metrics, on the final snapshot only. */
  test: Metrics | null;
  layers: LayerProbe[];
  /**
   * The fixed grids of the probes: bins of weightHistogram and gradHistogram, and (absent in runs recorded before
   * the activation probes) of the activation histograms and the levels of preactivationPercentiles.
   */
  bins: {weight: Bins; gradLog10: Bins; activation?: Bins; percentiles?: readonly number[]};
  status: RunStatus;
  /** Human-readable reason when status is "diverged" or "failed". */
  message: string | null;
  /** The stage of layer-wise training, or null for a run without stages. */
  stage: StageInfo | null;
}

export interface StageInfo {
  /** 0-based. */
  index: number;
  count: number;
  /** Blocks present, frozen blocks and whether the head is new: the stage's config. */
  config: StageConfig;
}

/** One tensor of a trained network: its values row-major (C order) over `shape`. */
export interface WeightTensor {
  /** "W" and "b" of a dense layer; "gamma", "beta" (and BatchNorm's "runningMean", "runningVar") of a norm. */
  name: string;
  shape: number[];
  values: number[];
}

/** A layer's tensors, named as the layer is in the run's wiring (dense layers as in the snapshots' `layers`). */
export interface LayerWeights {
  name: string;
  tensors: WeightTensor[];
}

/** Every parameter and running statistic of a network as plain data, with the layout they are stored in. */
export interface TrainedWeights {
  /** How to read `layers`, in words (WEIGHTS_LAYOUT in weights.ts). */
  layout: string;
  /** In the order of the forward pass; layers without tensors (activations, standardization) are left out. */
  layers: LayerWeights[];
}
