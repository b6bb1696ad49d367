// `npm run experiment -- --check`: re-runs the start of every committed run and confirms that the engine still
// produces the committed numbers, so a change that silently alters results is caught before it ships.
import type {TrainingData} from "../../src/engine/loop.js";
import {withEpochs} from "../../src/engine/presets.js";
import {startTraining} from "../../src/engine/run.js";
import type {Snapshot} from "../../src/engine/types.js";
import type {ExperimentRecord} from "./run-one.js";

/**
 * Records keep 5 significant digits (data/results.ts), so a value agrees when it is within half a unit of the
 * fifth digit, with room for float32 rounding: relative 1e-4.
 */
const RELATIVE_TOLERANCE = 1e-4;

/** The numbers of a snapshot that a rerun must reproduce, by a readable name. */
function comparable(s: Snapshot): [string, number][] {
  const out: [string, number][] = [
    ["train loss", s.train.loss],
    ["train accuracy", s.train.accuracy]
  ];
  if (s.validation)
    out.push(["validation loss", s.validation.loss], ["validation accuracy", s.validation.accuracy]);
  for (const layer of s.layers) {
    out.push(
      [`${layer.name} gradient norm`, layer.gradNorm],
      [`${layer.name} weight norm`, layer.weightNorm],
      [`${layer.name} relative change`, layer.relativeChange]
    );
    if (layer.activation) out.push([`${layer.name} activation mean`, layer.activation.mean]);
  }
  return out;
}

const agrees = (committed: number, now: number) =>
  Math.abs(committed - now) <= RELATIVE_TOLERANCE * Math.abs(committed) + 1e-30;

/** The first difference between a committed snapshot and the rerun's, or null. */
export function firstDifference(committed: Snapshot, now: Snapshot): string | null {
  const values = new Map(comparable(now));
  for (const [name, value] of comparable(committed)) {
    const rerun = values.get(name);
    if (rerun === undefined || !agrees(value, rerun)) {
      return `step ${committed.step}: ${name} was ${value}, now ${rerun ?? "missing"}`;
    }
  }
  return null;
}

export interface CheckResult {
  /** Snapshots compared. */
  compared: number;
  /** The first difference found, or null when every compared number agrees. */
  difference: string | null;
}

/**
 * Re-trains the record's config up to step `maxSteps` (at most its first epoch) and compares every committed
 * snapshot up to there. The run is cancelled as soon as the last of them has been reproduced.
 */
export async function checkRecord(
  record: ExperimentRecord,
  data: TrainingData,
  maxSteps: number
): Promise<CheckResult> {
  const stepsPerEpoch = record.snapshots[0]!.stepsPerEpoch;
  const until = Math.min(maxSteps, stepsPerEpoch);
  const expected = record.snapshots.filter((s) => s.step <= until);
  const config = withEpochs(record.config, 1);
  const run = startTraining(config, data);
  const lastStep = expected.at(-1)!.step;
  run.subscribe((state) => {
    if (state.snapshots.at(-1) && state.snapshots.at(-1)!.step >= lastStep) run.cancel();
  });
  const state = await run.done;
  if (state.status === "failed") return {compared: 0, difference: `the rerun failed: ${state.message}`};
  const byStep = new Map(
    state.snapshots.map((s) => [`${s.kind === "init" ? "init" : "after"}@${s.step}`, s])
  );
  for (const committed of expected) {
    const now = byStep.get(`${committed.kind === "init" ? "init" : "after"}@${committed.step}`);
    if (!now) return {compared: 0, difference: `step ${committed.step}: the rerun has no snapshot there`};
    const difference = firstDifference(committed, now);
    if (difference) return {compared: expected.length, difference};
  }
  return {compared: expected.length, difference: null};
}
