// Reads the experiment records of data/runs/ (written by `npm run experiment`) and reduces each to the few
// numbers and curves the comparison page draws. Every problem with a record is an error naming its file, so a
// broken commit fails the build with a line a person can act on instead of a page that silently shows less.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {ExperimentRecord} from "../scripts/experiment/run-one.js";
import type {LayerProbe, Snapshot} from "../src/engine/types.js";
import type {GradientSnapshot, RunSummary} from "../src/lib/study-types.js";
import {loadRunRecord} from "./results.js";

/**
 * The study printed its stage-3 evaluation as the layer-wise experiment's final result (study.md, known
 * defects): its 0.4202 is compared with the test accuracy at the end of this 1-based stage.
 */
export const STUDY_REPORTED_STAGE: Readonly<Record<string, number>> = {layerwise: 3};

/** Four significant digits: finer than any chart or table on the page shows, and a third of the bytes. */
export function round4(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? Number(x.toPrecision(4)) : null;
}

/** A record as read from disk, with the file it came from. */
export interface RunFile {
  file: string;
  record: ExperimentRecord;
}

const fail = (file: string, reason: string): never => {
  throw new Error(`data/runs/${file}: ${reason}`);
};

/** The record of `file` after checking the fields the page relies on; throws naming the file otherwise. */
export function parseRunFile(file: string, text: string): RunFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(file, `not valid JSON (${(error as Error).message})`);
  }
  let record: ExperimentRecord;
  try {
    record = loadRunRecord(json) as ExperimentRecord;
  } catch (error) {
    return fail(file, (error as Error).message);
  }
  const e = record.experiment as Partial<ExperimentRecord["experiment"]> | undefined;
  if (typeof e !== "object" || e === null)
    fail(file, "no `experiment` block: not written by `npm run experiment`");
  if (typeof e!.preset !== "string" || !e!.preset) fail(file, "`experiment.preset` is missing");
  if (!Number.isInteger(e!.seed)) fail(file, "`experiment.seed` is not an integer");
  if (e!.status !== "done" && e!.status !== "diverged")
    fail(file, `\`experiment.status\` is ${JSON.stringify(e!.status)}, expected "done" or "diverged"`);
  if (typeof record.config !== "object" || record.config === null) fail(file, "`config` is missing");
  if (!Array.isArray(record.epochs) || record.epochs.length === 0) fail(file, "`epochs` is missing or empty");
  if (!Array.isArray(record.stageTests)) fail(file, "`stageTests` is missing");
  if (!Array.isArray(record.snapshots) || record.snapshots.length < 2)
    fail(file, "fewer than two snapshots (the run's start and end)");
  for (const s of [record.snapshots[0]!, record.snapshots.at(-1)!])
    if (!Array.isArray(s.layers) || s.layers.length === 0)
      fail(file, `snapshot at step ${s.step} has no layers`);
  return {file, record};
}

/** Every `*.json` of `dir` in name order, parsed and checked; an absent folder holds no runs yet. */
export function readRunFolder(dir: string): RunFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => parseRunFile(name, readFileSync(join(dir, name), "utf8")));
}

/** The training budget of a record: epochs per stage (layer-wise) or in all, and images before the split. */
export function runBudget(record: ExperimentRecord): {
  epochsPerStage: number;
  trainSize: number;
  batchSize: number;
} {
  const {config} = record;
  const epochsPerStage = config.layerwise?.stages[0]?.epochs ?? config.epochs;
  return {epochsPerStage, trainSize: config.trainSize, batchSize: config.batchSize};
}

function gradients(s: Snapshot): GradientSnapshot {
  const norm = (l: LayerProbe) => (l.gradNorm > 0 ? round4(l.gradNorm) : null);
  return {step: s.step, layers: s.layers.map((l) => ({layer: l.name, norm: norm(l)}))};
}

/** What the page shows of one run. */
export function summarizeRun({file, record}: RunFile): RunSummary {
  const {experiment, epochs, stageTests, snapshots} = record;
  const last = epochs.at(-1)!;
  const stages = stageTests
    .filter((t) => t.stage !== null)
    .map((t) => ({stage: t.stage! + 1, epoch: t.epoch, testAccuracy: round4(t.test.accuracy)!}));
  const testAccuracy = round4(record.test?.accuracy);
  // Only a preset the study ran has a reported figure to compare with.
  const reportedStage = experiment.study ? STUDY_REPORTED_STAGE[experiment.preset] : undefined;
  let comparedAccuracy = testAccuracy;
  if (reportedStage !== undefined) {
    const stage = stages.find((s) => s.stage === reportedStage);
    if (!stage && experiment.status === "done")
      fail(file, `no test result for stage ${reportedStage}, the stage the study reported`);
    comparedAccuracy = stage?.testAccuracy ?? null;
  }
  return {
    file,
    preset: experiment.preset,
    title: experiment.title ?? experiment.preset,
    seed: experiment.seed,
    study: experiment.study ?? null,
    status: experiment.status,
    message: experiment.message ?? null,
    epochs: last.epoch,
    testAccuracy,
    validationAccuracy: round4(last.validation?.accuracy),
    trainLoss: round4(last.train.loss),
    comparedAccuracy,
    compared: reportedStage === undefined ? {kind: "final"} : {kind: "stage", stage: reportedStage},
    stages,
    curve: {
      validationAccuracy: epochs.map((e) => round4(e.validation?.accuracy)),
      trainLoss: epochs.map((e) => round4(e.train.loss))
    },
    gradients: {start: gradients(snapshots[0]!), end: gradients(snapshots.at(-1)!)},
    wallTimeMs: Math.round(experiment.wallTimeMs ?? 0)
  };
}
