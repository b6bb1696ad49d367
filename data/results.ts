import type {Snapshot, TrainConfig} from "../src/engine/types.js";

/** A finished run as committed under data/results/: enough to draw every chart without training. */
export interface RunRecord {
  formatVersion: 1;
  createdWith: {backend: string; source: string};
  config: TrainConfig;
  /** Histograms are kept only on snapshots listed in `histogramSteps`; elsewhere they are empty arrays. */
  histogramSteps: number[];
  snapshots: Snapshot[];
}

const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(5)) : x);

/**
 * Keeps every snapshot's scalars (to 5 significant digits: far below what a chart can show) and the histograms
 * of the init snapshot, the first epoch end, every 10th epoch end and the final snapshot, so a 100-epoch run
 * stays a few hundred kilobytes.
 */
export function compactRecord(
  config: TrainConfig,
  snapshots: readonly Snapshot[],
  createdWith: RunRecord["createdWith"]
): RunRecord {
  const keep = (s: Snapshot) =>
    s.kind === "init" ||
    s.kind === "final" ||
    (s.kind === "epoch" && (s.epoch === 1 || Math.round(s.epoch) % 10 === 0));
  const metrics = (m: Snapshot["train"] | null) => m && {loss: round(m.loss), accuracy: round(m.accuracy)};
  const compact = snapshots.map((s) => ({
    ...s,
    epoch: round(s.epoch),
    elapsedMs: Math.round(s.elapsedMs),
    train: metrics(s.train)!,
    validation: metrics(s.validation),
    test: metrics(s.test),
    layers: s.layers.map((layer) => ({
      ...layer,
      gradNorm: round(layer.gradNorm),
      weightNorm: round(layer.weightNorm),
      relativeChange: round(layer.relativeChange),
      updateRatio: round(layer.updateRatio),
      activation: layer.activation && {
        mean: round(layer.activation.mean),
        std: round(layer.activation.std),
        saturation: round(layer.activation.saturation)
      },
      weightHistogram: keep(s) ? layer.weightHistogram : [],
      gradHistogram: keep(s) ? layer.gradHistogram : []
    }))
  }));
  return {
    formatVersion: 1,
    createdWith,
    config,
    histogramSteps: snapshots.filter(keep).map((s) => s.step),
    snapshots: compact
  };
}
