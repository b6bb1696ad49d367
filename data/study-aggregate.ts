// Turns the runs of data/runs/ into the one file the comparison page reads (src/lib/study-types.ts): the runs
// at the study's protocol, one row per experiment with its seed statistics (computed with arquero), and every
// other record listed with the reason it is left out. An experiment without a run yet is a row all the same.
import * as aq from "arquero";
import {PRESETS} from "../src/engine/presets.js";
import type {ExperimentSummary, RunSummary, SeedStats, StudyRuns} from "../src/lib/study-types.js";
import {readRunFolder, round4, runBudget, summarizeRun, type RunFile} from "./study-runs.js";

/** The study's protocol (study.md): 60,000 images before the 90/10 split, batch 512, 100 epochs per stage. */
export const STUDY_PROTOCOL = {trainSize: 60000, epochsPerStage: 100, batchSize: 512, referenceSeed: 42};

/** The presets whose reference runs issue 8 commits: the study's nine experiments and this project's variants. */
export const REFERENCE_PRESETS = [
  "baseline",
  "init-std-1",
  "init-std-10",
  "relu",
  "adam",
  "batchnorm",
  "skip",
  "layerwise",
  "layerwise-keep-head",
  "gradnorm-study",
  "gradnorm-block"
] as const;

/** Experiments whose result swings with the seed (study.md, known defects), run with several seeds. */
export const SEED_SENSITIVE: readonly string[] = ["init-std-10", "gradnorm-study"];

export type Protocol = typeof STUDY_PROTOCOL;

/** Why a record is not at `protocol`, or null when it is. */
export function offProtocol(run: RunFile, protocol: Protocol): string | null {
  const budget = runBudget(run.record);
  if (budget.epochsPerStage !== protocol.epochsPerStage)
    return `${budget.epochsPerStage} epochs per stage, not the study's ${protocol.epochsPerStage}`;
  if (budget.trainSize !== protocol.trainSize)
    return `${budget.trainSize} training images, not the study's ${protocol.trainSize}`;
  if (budget.batchSize !== protocol.batchSize)
    return `batch ${budget.batchSize}, not the study's ${protocol.batchSize}`;
  return null;
}

/** Mean, min and max of the compared accuracy over the seeds of every preset, grouped with arquero. */
export function seedStatistics(runs: readonly RunSummary[]): Map<string, SeedStats> {
  const rows = runs.filter((r) => r.comparedAccuracy !== null);
  if (!rows.length) return new Map();
  const table = aq
    .from(rows.map((r) => ({preset: r.preset, seed: r.seed, accuracy: r.comparedAccuracy})))
    .groupby("preset")
    .orderby("seed")
    .rollup({
      count: aq.op.count(),
      mean: aq.op.mean("accuracy"),
      min: aq.op.min("accuracy"),
      max: aq.op.max("accuracy"),
      seeds: aq.op.array_agg("seed")
    });
  const stats = new Map<string, SeedStats>();
  for (const row of table.objects() as (SeedStats & {preset: string})[]) {
    const {preset, count, mean, min, max, seeds} = row;
    stats.set(preset, {count, mean: round4(mean)!, min, max, seeds: [...seeds]});
  }
  return stats;
}

function experimentRow(
  preset: string,
  runs: readonly RunSummary[],
  stats: SeedStats | undefined
): ExperimentSummary {
  const known = PRESETS.find((p) => p.name === preset);
  const own = runs.filter((r) => r.preset === preset);
  const reference = own.find((r) => r.seed === STUDY_PROTOCOL.referenceSeed) ?? own[0] ?? null;
  return {
    preset,
    title: known?.title ?? reference?.title ?? preset,
    description: known?.description ?? "",
    study: known?.study ?? reference?.study ?? null,
    seedSensitive: SEED_SENSITIVE.includes(preset),
    status: reference?.status ?? "not yet run",
    referenceFile: reference?.file ?? null,
    seeds: stats ?? null
  };
}

/** The loader's output for the records in `dir` (`protocol` may be relaxed for local development only). */
export function studyRuns(dir: string, protocol: Protocol = STUDY_PROTOCOL): StudyRuns {
  const skipped: StudyRuns["skipped"] = [];
  const kept: RunFile[] = [];
  for (const run of readRunFolder(dir)) {
    const reason = offProtocol(run, protocol);
    if (reason) skipped.push({file: run.file, reason});
    else kept.push(run);
  }
  // Sorted by preset order, then seed, so the file (and the page) does not depend on directory order.
  const order = (preset: string) => {
    const i = PRESETS.findIndex((p) => p.name === preset);
    return i < 0 ? PRESETS.length : i;
  };
  const runs = kept
    .map(summarizeRun)
    .sort((a, b) => order(a.preset) - order(b.preset) || a.preset.localeCompare(b.preset) || a.seed - b.seed);
  const stats = seedStatistics(runs);
  const presets = [...new Set([...REFERENCE_PRESETS, ...runs.map((r) => r.preset)])].sort(
    (a, b) => order(a) - order(b) || a.localeCompare(b)
  );
  return {
    formatVersion: 1,
    protocol,
    experiments: presets.map((preset) => experimentRow(preset, runs, stats.get(preset))),
    runs,
    skipped,
    totalWallTimeMs: runs.reduce((sum, r) => sum + r.wallTimeMs, 0)
  };
}
