// The contract between the study-runs data loader (src/data/study-runs.json.ts, built in Node from data/runs/)
// and the comparison page: one compact JSON with what the page shows of every reference run, so no page
// downloads the raw records (hundreds of kilobytes each). Types only: nothing here runs.

/** The study's reported result of one experiment (../shared/seed/study.md). */
export interface StudyResult {
  experiment: number;
  reportedTestAccuracy: number;
}

/** ‖∂L/∂W‖ of one layer; null where the record has no finite, positive value (a frozen or diverged layer). */
export interface LayerGradient {
  layer: string;
  norm: number | null;
}

/** The per-layer gradient norms of one snapshot. */
export interface GradientSnapshot {
  step: number;
  layers: LayerGradient[];
}

/** One run of data/runs/, reduced to what the page draws. Accuracies are shares (0..1). */
export interface RunSummary {
  /** The record's file name, e.g. "baseline_s42_e100.json". */
  file: string;
  preset: string;
  title: string;
  seed: number;
  study: StudyResult | null;
  status: "done" | "diverged";
  message: string | null;
  /** Epochs trained in all (600 for the layer-wise presets' six stages of 100). */
  epochs: number;
  /** Final test accuracy; null when the run diverged before its end. */
  testAccuracy: number | null;
  /** Validation accuracy and mean train loss of the last epoch. */
  validationAccuracy: number | null;
  trainLoss: number | null;
  /** The figure that corresponds to the study's reported one (see `compared`). */
  comparedAccuracy: number | null;
  /** What `comparedAccuracy` is: the final test accuracy, or the stage whose result the study printed. */
  compared: {kind: "final"} | {kind: "stage"; stage: number};
  /** Test accuracy at the end of each stage of layer-wise training (1-based stage numbers); empty otherwise. */
  stages: {stage: number; epoch: number; testAccuracy: number}[];
  /** Per epoch (index 0 is epoch 1): validation accuracy and mean train loss. */
  curve: {validationAccuracy: (number | null)[]; trainLoss: (number | null)[]};
  /** At initialisation (the first batch, before any update) and at the end of training. */
  gradients: {start: GradientSnapshot; end: GradientSnapshot};
  wallTimeMs: number;
}

/** Spread over seeds of `comparedAccuracy` (runs without one are not counted). */
export interface SeedStats {
  count: number;
  mean: number;
  min: number;
  max: number;
  seeds: number[];
}

/** One row of the comparison: a preset of the reference set, or any other preset that has a run. */
export interface ExperimentSummary {
  preset: string;
  title: string;
  description: string;
  study: StudyResult | null;
  /** The study's gradient normalization and its std-10 init swing with the seed: they get several seeds. */
  seedSensitive: boolean;
  /** "not yet run" until data/runs/ holds a run at the study's protocol. */
  status: "not yet run" | "done" | "diverged";
  /** The run the table shows: the study's seed (42) when it exists, else the lowest seed; null before any. */
  referenceFile: string | null;
  seeds: SeedStats | null;
}

/** The whole file the loader writes. */
export interface StudyRuns {
  formatVersion: 1;
  /** What counts as a run at the study's protocol; other records in the folder are listed in `skipped`. */
  protocol: {trainSize: number; epochsPerStage: number; batchSize: number; referenceSeed: number};
  experiments: ExperimentSummary[];
  runs: RunSummary[];
  skipped: {file: string; reason: string}[];
  /** Sum of the wall times of `runs` (each run's own process, so with parallel jobs not the elapsed time). */
  totalWallTimeMs: number;
}

/** The per-layer probes a replay keeps, each as [layer][snapshot]. */
export const REPLAY_PROBES = ["gradNorm", "weightNorm", "relativeChange", "updateRatio"] as const;
export const REPLAY_ACTIVATION = ["mean", "std", "saturation"] as const;

/**
 * One reference run as a remedy page replays it (data/replay.ts): every snapshot of the 100 epochs, in columns,
 * numbers to four significant digits, without histograms; src/lib/replay.ts turns it back into the engine's
 * snapshots so that the live charts draw it unchanged. About a sixth of the raw record.
 */
export interface ReferenceReplay {
  preset: string;
  title: string;
  seed: number;
  study: StudyResult | null;
  status: "done" | "diverged";
  testAccuracy: number | null;
  config: import("../engine/types.js").TrainConfig;
  /** Shared by every snapshot of the run. */
  frame: {stepsPerEpoch: number; totalSteps: number; layers: {name: string; hidden: boolean}[]};
  snapshots: {
    kind: import("../engine/types.js").Snapshot["kind"][];
    step: number[];
    trainLoss: number[];
    trainAccuracy: number[];
    /** null where the snapshot has no validation (test) evaluation. */
    validationAccuracy: (number | null)[];
    validationLoss: (number | null)[];
    testAccuracy: (number | null)[];
    testLoss: (number | null)[];
    /**
     * Layer-wise runs only: each snapshot's stage index into `config.layerwise.stages` (absent in replays made
     * before it and in runs without stages).
     */
    stage?: number[];
  };
  /** probe → [layer][snapshot]; a frozen layer's gradNorm is null, and every probe of a layer not in the stage. */
  probes: Record<(typeof REPLAY_PROBES)[number], (number | null)[][]>;
  /** statistic → [hidden layer][snapshot]. */
  activation: Record<(typeof REPLAY_ACTIVATION)[number], (number | null)[][]>;
}
