// One experiment run: a preset's config adjusted by the command line, trained in this process with the same
// engine code the pages use, reduced to a record that is written only once the run is complete.
import {renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import {compactRecord, type RunRecord} from "../../data/results.js";
import {validateConfig} from "../../src/engine/config.js";
import type {TrainingData} from "../../src/engine/loop.js";
import {presetByName, withEpochs, type Preset} from "../../src/engine/presets.js";
import {startTraining} from "../../src/engine/run.js";
import type {Metrics, Snapshot, TrainConfig} from "../../src/engine/types.js";
import type {ExperimentArgs} from "./args.js";
import {customName} from "./custom-config.js";

/** Snapshots every this many steps: about ten in the first epoch of 106 steps (the finer first epoch). */
export const EXPERIMENT_SNAPSHOT_EVERY = 10;

export interface RunPlan {
  preset: Preset;
  config: TrainConfig;
  file: string;
}

export interface EpochSummary {
  epoch: number;
  /** 0-based stage, or null without layer-wise training. */
  stage: number | null;
  /** Mean over every training example of the epoch. */
  train: Metrics;
  validation: Metrics | null;
}

export interface ExperimentRecord extends RunRecord {
  experiment: {
    preset: string;
    title: string;
    study: Preset["study"];
    seed: number;
    backend: string;
    versions: {engine: string; tfjs: string; node: string};
    wallTimeMs: number;
    /** "done", or "diverged" (kept: a diverging remedy is a result) with the engine's message. */
    status: "done" | "diverged";
    message: string | null;
  };
  /** Per-epoch means; per-epoch per-layer probes are the epoch-end entries of `snapshots`. */
  epochs: EpochSummary[];
  /** Test metrics at the end of each stage (one entry without layer-wise training); the last is the final. */
  stageTests: {stage: number | null; epoch: number; test: Metrics}[];
  /** Final test metrics; null when the run diverged before the end. */
  test: Metrics | null;
}

export function runFileName(preset: string, config: TrainConfig, epochsPerStage: number): string {
  const size = config.trainSize === 60000 ? "" : `_n${config.trainSize}`;
  return `${preset}_s${config.seeds.init}_e${epochsPerStage}${size}.json`;
}

/** `base` adjusted by the command line's --epochs, --train-size and --seed, then validated. */
function adjusted(base: TrainConfig, args: ExperimentArgs): TrainConfig {
  let config: TrainConfig = {...base, snapshotEvery: EXPERIMENT_SNAPSHOT_EVERY};
  if (args.epochs !== null) config = withEpochs(config, args.epochs);
  if (args.trainSize !== null) config = {...config, trainSize: args.trainSize};
  if (args.seed !== null) config = {...config, seeds: {init: args.seed, data: args.seed}};
  return validateConfig(config);
}

function plan(preset: Preset, config: TrainConfig, out: string): RunPlan {
  const perStage = config.layerwise ? config.layerwise.stages[0]!.epochs : config.epochs;
  return {preset, config, file: join(out, runFileName(preset.name, config, perStage))};
}

/**
 * The runs the arguments ask for, each config validated (a ConfigError names the field). A --config run is
 * recorded like a preset's, under its --name (default custom-<hash of the adjusted config>), with no study.
 */
export function planRuns(args: ExperimentArgs): RunPlan[] {
  if (args.config) {
    const config = adjusted(args.config, args);
    const name = args.name ?? customName(config);
    const preset: Preset = {name, title: name, description: "a custom config", study: null, config};
    return [plan(preset, config, args.out)];
  }
  return args.presets.map((name) => {
    const preset = presetByName(name);
    return plan(preset, adjusted(preset.config, args), args.out);
  });
}

/** Per-epoch means from snapshot windows: each window's train metrics are weighted by its example count. */
export function epochSummaries(
  snapshots: readonly Snapshot[],
  fitSize: number,
  batchSize: number
): EpochSummary[] {
  const examples = (fromStep: number, toStep: number) => {
    let n = 0;
    for (let s = fromStep; s < toStep; s++) {
      const k = s % snapshots[0]!.stepsPerEpoch;
      n += Math.min(batchSize, fitSize - k * batchSize);
    }
    return n;
  };
  const out: EpochSummary[] = [];
  let sum = {loss: 0, correct: 0, n: 0};
  let previous = 0;
  for (const s of snapshots) {
    if (s.kind === "init") continue;
    const n = examples(previous, s.step);
    sum = {loss: sum.loss + s.train.loss * n, correct: sum.correct + s.train.accuracy * n, n: sum.n + n};
    previous = s.step;
    if (s.kind === "step") continue;
    const train = {loss: sum.loss / sum.n, accuracy: sum.correct / sum.n};
    out.push({epoch: Math.round(s.epoch), stage: s.stage?.index ?? null, train, validation: s.validation});
    sum = {loss: 0, correct: 0, n: 0};
  }
  return out;
}

export interface RunProgress {
  step: number;
  totalSteps: number;
  epoch: number;
  loss: number | null;
  elapsedMs: number;
  remainingMs: number | null;
}

/**
 * Trains one planned run. Resolves to the record (a diverged run too: it is a result, marked as such), or to
 * null when cancelled; throws when the run fails.
 */
export async function runExperiment(
  plan: RunPlan,
  data: TrainingData,
  meta: {backend: string; source: string; engineVersion: string},
  onProgress: (progress: RunProgress) => void,
  cancelled: {signal: boolean; onCancel?: () => void}
): Promise<ExperimentRecord | null> {
  const started = performance.now();
  const run = startTraining(plan.config, data);
  cancelled.onCancel = () => run.cancel();
  run.subscribe((state) => {
    const last = state.snapshots.at(-1);
    onProgress({
      step: state.step,
      totalSteps: state.totalSteps,
      epoch: state.step / (last?.stepsPerEpoch ?? 1),
      loss: last?.train.loss ?? null,
      elapsedMs: state.elapsedMs,
      remainingMs: state.remainingMs
    });
  });
  const state = await run.done;
  if (state.status === "cancelled") return null;
  if (state.status === "failed") throw new Error(`${plan.preset.name}: ${state.message}`);
  const {config} = plan;
  const fitSize = config.trainSize - Math.round(config.trainSize * config.validationFraction);
  const epochs = epochSummaries(state.snapshots, fitSize, config.batchSize);
  const kept = state.snapshots.filter((s) => s.kind !== "step" || s.step <= s.stepsPerEpoch);
  const stageTests = state.snapshots
    .filter((s) => s.test !== null)
    .map((s) => ({stage: s.stage?.index ?? null, epoch: Math.round(s.epoch), test: s.test!}));
  const last = state.snapshots.at(-1)!;
  return {
    ...compactRecord(config, kept, {backend: meta.backend, source: meta.source}),
    experiment: {
      preset: plan.preset.name,
      title: plan.preset.title,
      study: plan.preset.study,
      seed: config.seeds.init,
      backend: meta.backend,
      versions: {engine: meta.engineVersion, tfjs: tf.version_core, node: process.version},
      wallTimeMs: Math.round(performance.now() - started),
      status: state.status === "diverged" ? "diverged" : "done",
      message: state.message
    },
    epochs,
    stageTests,
    test: last.test
  };
}

/** Writes `text` to `file` through a temporary file and a rename, so a reader never sees half a file. */
export function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.partial-${process.pid}`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, {force: true});
  }
}
