// Hand-made loader output (src/lib/study-types.ts) for the study page's unit tests: every field explicit,
// changed per test.
import type {ExperimentSummary, RunSummary, StudyRuns} from "../../src/lib/study-types.js";

export const run = (preset: string, change: Partial<RunSummary> = {}): RunSummary => ({
  file: `${preset}.json`,
  preset,
  title: preset,
  seed: 42,
  study: null,
  status: "done",
  message: null,
  epochs: 100,
  testAccuracy: 0.5,
  validationAccuracy: 0.51,
  trainLoss: 1.2,
  comparedAccuracy: 0.5,
  compared: {kind: "final"},
  stages: [],
  curve: {validationAccuracy: [0.51], trainLoss: [1.2]},
  gradients: {start: {step: 0, layers: []}, end: {step: 1, layers: []}},
  wallTimeMs: 1000,
  ...change
});

export const experiment = (
  preset: string,
  reported: number | null,
  change: Partial<ExperimentSummary> = {}
): ExperimentSummary => ({
  preset,
  title: preset,
  description: "",
  study: reported === null ? null : {experiment: 1, reportedTestAccuracy: reported},
  seedSensitive: false,
  status: "done",
  referenceFile: `${preset}.json`,
  seeds: {count: 1, mean: 0.5, min: 0.5, max: 0.5, seeds: [42]},
  ...change
});

export const study = (experiments: ExperimentSummary[], runs: RunSummary[]): StudyRuns => ({
  formatVersion: 1,
  protocol: {trainSize: 60000, epochsPerStage: 100, batchSize: 512, referenceSeed: 42},
  experiments,
  runs,
  skipped: [],
  totalWallTimeMs: 0
});
