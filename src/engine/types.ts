// Plain-data contracts between the engine, the pages and the components.
// Nothing here is a tensor: every value can cross a Web Worker boundary (structured clone) or be
// written to JSON, so the engine can later move off the main thread without changing pages.

export type ActivationName = "sigmoid" | "tanh" | "relu";

/** Weight initialisation of a dense layer with fan-in n. */
export type InitConfig =
  /** PyTorch's nn.Linear default: W and b ~ U(−1/√n, 1/√n). */
  | {kind: "pytorch-default"}
  /** W ~ N(0, std²), b = 0 (the study's remedies use std 0.05; "weight increasing" 1 and 10). */
  | {kind: "normal"; std: number};

export type OptimizerConfig = {kind: "sgd"; learningRate: number};

export interface TrainConfig {
  /** Hidden layers (1–64). The study's baseline has 7. */
  depth: number;
  /** Units per hidden layer (4–1024). The study's baseline has 128. */
  width: number;
  activation: ActivationName;
  init: InitConfig;
  optimizer: OptimizerConfig;
  /** Examples per step (1–8192). The study uses 512; the last batch of an epoch may be smaller. */
  batchSize: number;
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
  /** Sigmoid: share of outputs within 0.01 of 0 or 1; tanh: |h| > 0.97; ReLU: share of dead units. */
  saturation: number;
}

/** Probes of one dense layer (hidden layers first, from the input side; the output layer last). */
export interface LayerProbe {
  name: string;
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
  /** The fixed bins of every layer's weightHistogram and gradHistogram. */
  bins: {weight: Bins; gradLog10: Bins};
  status: RunStatus;
  /** Human-readable reason when status is "diverged" or "failed". */
  message: string | null;
}
