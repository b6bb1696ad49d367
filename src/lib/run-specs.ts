// What a set of runs side by side trains: one to MAX_RUNS labelled configs (RunGroup starts them together), and
// the comparison that differs from a base config in one thing only.
import type {TrainConfig} from "../engine/types.js";

/** The most runs side by side: one worker each, on what may be two cores. */
export const MAX_RUNS = 4;

export interface RunSpec {
  label: string;
  config: TrainConfig;
}

/** The runs of a comparison: `base` first (as `baseLabel`), then one run per variant, each `base` + its change. */
export function sideBySide(
  base: TrainConfig,
  variants: readonly {label: string; change: Partial<TrainConfig>}[],
  baseLabel = "Your settings"
): RunSpec[] {
  const shared = {
    seeds: base.seeds,
    trainSize: base.trainSize,
    epochs: base.epochs,
    batchSize: base.batchSize
  };
  return [
    {label: baseLabel, config: base},
    // Seeds, data and run length stay the base's, whatever the change says: a comparison differs in one thing.
    ...variants.map(({label, change}) => ({
      label,
      config: {...base, ...change, ...shared, snapshotEvery: base.snapshotEvery}
    }))
  ];
}
