// A reference run's replay (data/replay.ts) back in the engine's Snapshot shape, so that the charts the live
// runs use draw it unchanged; and the few numbers a page quotes from it.
import {GRAD_LOG10_BINS, WEIGHT_BINS} from "../engine/bins.js";
import {blockUnits} from "../engine/blocks.js";
import type {LayerProbe, Metrics, Snapshot, StageInfo} from "../engine/types.js";
import {REPLAY_ACTIVATION, REPLAY_PROBES, type ReferenceReplay} from "./study-types.js";

const metrics = (loss: number | null, accuracy: number | null): Metrics | null =>
  loss === null || accuracy === null ? null : {loss, accuracy};

/**
 * Snapshot i's stage of a layer-wise replay, from its config's declared stage table, with the hidden layers
 * (1-based) that exist and train in it; null for a run without stages (or a replay made before stages were kept).
 */
export function replayStage(
  replay: ReferenceReplay,
  i: number
): {info: StageInfo; present: Set<number>; training: Set<number>} | null {
  const layerwise = replay.config.layerwise;
  const index = replay.snapshots.stage?.[i];
  const config = index === undefined ? undefined : layerwise?.stages[index];
  if (!layerwise || index === undefined || !config) return null;
  const blocks = blockUnits(layerwise.blockSizes).slice(0, config.blocks);
  return {
    info: {index, count: layerwise.stages.length, config},
    present: new Set(blocks.flat()),
    training: new Set(blocks.filter((_, b) => !config.frozen.includes(b)).flat())
  };
}

/**
 * Every snapshot of the replayed run; values the replay left out read NaN (no histograms: empty). A layer-wise
 * run's snapshot holds the layers of its stage only (and the head), as the live run's do.
 */
export function replaySnapshots(replay: ReferenceReplay): Snapshot[] {
  const {frame, snapshots: s, probes, activation} = replay;
  const last = s.step.length - 1;
  return s.step.map((step, i) => {
    let hidden = 0;
    const stage = replayStage(replay, i);
    const layers = frame.layers.map(({name, hidden: isHidden}, j): LayerProbe | null => {
      const value = (column: (number | null)[][]) => column[j]?.[i] ?? NaN;
      const probe = Object.fromEntries(REPLAY_PROBES.map((p) => [p, value(probes[p])])) as Record<
        (typeof REPLAY_PROBES)[number],
        number
      >;
      const h = isHidden ? hidden++ : -1;
      if (stage && isHidden && !stage.present.has(h + 1)) return null;
      const stats = isHidden
        ? (Object.fromEntries(REPLAY_ACTIVATION.map((a) => [a, activation[a][h]?.[i] ?? NaN])) as Record<
            (typeof REPLAY_ACTIVATION)[number],
            number
          >)
        : null;
      return {
        name,
        trainable: stage && isHidden ? stage.training.has(h + 1) : probes.gradNorm[j]?.[i] !== null,
        ...probe,
        activation: stats,
        weightHistogram: [],
        gradHistogram: []
      };
    });
    const diverged = replay.status === "diverged" && i === last;
    return {
      kind: s.kind[i]!,
      step,
      epoch: step / frame.stepsPerEpoch,
      stepsPerEpoch: frame.stepsPerEpoch,
      totalSteps: frame.totalSteps,
      elapsedMs: 0,
      train: {loss: s.trainLoss[i]!, accuracy: s.trainAccuracy[i]!},
      validation: metrics(s.validationLoss[i] ?? null, s.validationAccuracy[i] ?? null),
      test: metrics(s.testLoss[i] ?? null, s.testAccuracy[i] ?? null),
      layers: layers.filter((l) => l !== null),
      bins: {weight: WEIGHT_BINS, gradLog10: GRAD_LOG10_BINS},
      status: diverged ? "diverged" : s.kind[i] === "final" ? "done" : "running",
      message: null,
      stage: stage?.info ?? null
    };
  });
}

/** The first epoch whose validation accuracy reaches `threshold`, or null: when a run left the plateau. */
export function epochReaching(replay: ReferenceReplay, threshold: number): number | null {
  const {step, validationAccuracy} = replay.snapshots;
  const i = validationAccuracy.findIndex((a) => a !== null && a >= threshold);
  return i < 0 ? null : Math.round(step[i]! / replay.frame.stepsPerEpoch);
}
