// What each stage of a layer-wise run reached: the engine evaluates validation at every epoch end and test at
// every stage end, so the stage-end snapshot (the one of a stage with test metrics) holds both. Works alike on a
// live run's snapshots and on a replay's (replaySnapshots).
import type {Snapshot, StageConfig, TrainConfig} from "../engine/types.js";

export interface StageMetric {
  /** 0-based stage index. */
  index: number;
  /** The step the stage ended on. */
  step: number;
  validationAccuracy: number | null;
  testAccuracy: number;
}

/** One entry per stage of the run, in order; null for a stage that has not ended (yet). [] for a run without stages. */
export function stageMetrics(snapshots: readonly Snapshot[]): (StageMetric | null)[] {
  const count = snapshots.find((s) => s.stage)?.stage?.count ?? 0;
  const out: (StageMetric | null)[] = Array.from({length: count}, () => null);
  for (const s of snapshots) {
    if (!s.stage || !s.test || s.stage.index >= count) continue;
    out[s.stage.index] = {
      index: s.stage.index,
      step: s.step,
      validationAccuracy: s.validation?.accuracy ?? null,
      testAccuracy: s.test.accuracy
    };
  }
  return out;
}

/** The stage the run is in at its latest snapshot, or null (no stages, no snapshot yet). */
export function currentStage(snapshots: readonly Snapshot[]): number | null {
  return snapshots.at(-1)?.stage?.index ?? null;
}

/** A run as the stage timeline takes it: its declared stage table and test accuracy at each stage's end. */
export interface TimelineRow {
  label: string;
  stages: readonly StageConfig[];
  accuracy: (number | null)[];
}

/**
 * The timeline rows of the runs that train in stages (the others, the baseline, have none), each from its own
 * config's stage table and its own snapshots.
 */
export function timelineRows(
  runs: readonly {label: string; config: TrainConfig | null; snapshots: readonly Snapshot[]}[]
): TimelineRow[] {
  return runs.flatMap(({label, config, snapshots}) => {
    if (!config?.layerwise) return [];
    const metrics = stageMetrics(snapshots);
    const accuracy = config.layerwise.stages.map((_, i) => metrics[i]?.testAccuracy ?? null);
    return [{label, stages: config.layerwise.stages, accuracy}];
  });
}
