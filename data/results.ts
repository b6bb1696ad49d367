import type {ActivationStats, Snapshot, TrainConfig} from "../src/engine/types.js";

/** Version 2 added the remedies to the config, the stage to snapshots and `trainable` to layer probes. */
export const RUN_FORMAT_VERSION = 2;

/** A finished run as committed under data/: enough to draw every chart without training. */
export interface RunRecord {
  formatVersion: typeof RUN_FORMAT_VERSION;
  createdWith: {backend: string; source: string};
  config: TrainConfig;
  /**
   * Histograms (weight, gradient, activation) are kept only on snapshots listed in `histogramSteps`; elsewhere
   * they are empty arrays. Runs recorded before the activation probes lack those fields (types.ts).
   */
  histogramSteps: number[];
  snapshots: Snapshot[];
}

const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(5)) : x);

/** Activation statistics rounded; the later fields only where the run has them, the histogram where kept. */
function compactActivation(stats: ActivationStats, keepHistogram: boolean): ActivationStats {
  const {meanDerivative, preactivationPercentiles, histogram} = stats;
  return {
    mean: round(stats.mean),
    std: round(stats.std),
    saturation: round(stats.saturation),
    ...(meanDerivative !== undefined && {meanDerivative: round(meanDerivative)}),
    ...(preactivationPercentiles && {preactivationPercentiles: preactivationPercentiles.map(round)}),
    ...(histogram && {histogram: keepHistogram ? histogram : []})
  };
}

/**
 * Keeps every snapshot's scalars (to 5 significant digits: far below what a chart can show) and the histograms
 * of the init snapshot, the first epoch end, every 10th epoch end, every stage end and the final snapshot, so
 * a 100-epoch run stays a few hundred kilobytes.
 */
export function compactRecord(
  config: TrainConfig,
  snapshots: readonly Snapshot[],
  createdWith: RunRecord["createdWith"]
): RunRecord {
  const keep = (s: Snapshot) =>
    s.kind === "init" ||
    s.kind === "final" ||
    s.test !== null ||
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
      activation: layer.activation && compactActivation(layer.activation, keep(s)),
      weightHistogram: keep(s) ? layer.weightHistogram : [],
      gradHistogram: keep(s) ? layer.gradHistogram : []
    }))
  }));
  return {
    formatVersion: RUN_FORMAT_VERSION,
    createdWith,
    config,
    histogramSteps: snapshots.filter(keep).map((s) => s.step),
    snapshots: compact
  };
}

type Json = Record<string, unknown>;

/** Version 1 (before the remedies): activation as a bare name, no remedy fields, no stages. */
function fromVersion1(record: Json): RunRecord {
  const config = record.config as Json;
  return {
    ...(record as unknown as RunRecord),
    formatVersion: RUN_FORMAT_VERSION,
    config: {
      ...(config as unknown as TrainConfig),
      activation: {kind: config.activation as "sigmoid" | "tanh" | "relu"},
      normalization: {kind: "none"},
      skips: [],
      gradientNorm: {kind: "none"},
      layerwise: null
    },
    snapshots: (record.snapshots as Snapshot[]).map((s) => ({
      ...s,
      stage: null,
      layers: s.layers.map((layer) => ({...layer, trainable: true}))
    }))
  };
}

/** Reads a saved run of any known format version, upgraded to the current one. */
export function loadRunRecord(json: unknown): RunRecord {
  const record = (typeof json === "object" && json !== null ? json : {}) as Json;
  switch (record.formatVersion) {
    case 1:
      return fromVersion1(record);
    case RUN_FORMAT_VERSION:
      return record as unknown as RunRecord;
    default:
      throw new Error(
        `unknown run format version ${String(record.formatVersion)} (this build reads 1 to ${RUN_FORMAT_VERSION})`
      );
  }
}
