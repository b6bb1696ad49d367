// A reference run's replay (data/replay.ts) back in the engine's Snapshot shape, so that the charts the live
// runs use draw it unchanged; and the few numbers a page quotes from it.
import {GRAD_LOG10_BINS, WEIGHT_BINS} from "../engine/bins.js";
import type {LayerProbe, Metrics, Snapshot} from "../engine/types.js";
import {REPLAY_ACTIVATION, REPLAY_PROBES, type ReferenceReplay} from "./study-types.js";

const metrics = (loss: number | null, accuracy: number | null): Metrics | null =>
  loss === null || accuracy === null ? null : {loss, accuracy};

/** Every snapshot of the replayed run; values the replay left out read NaN (no histograms: empty). */
export function replaySnapshots(replay: ReferenceReplay): Snapshot[] {
  const {frame, snapshots: s, probes, activation} = replay;
  const last = s.step.length - 1;
  return s.step.map((step, i) => {
    let hidden = 0;
    const layers = frame.layers.map(({name, hidden: isHidden}, j): LayerProbe => {
      const value = (column: (number | null)[][]) => column[j]?.[i] ?? NaN;
      const probe = Object.fromEntries(REPLAY_PROBES.map((p) => [p, value(probes[p])])) as Record<
        (typeof REPLAY_PROBES)[number],
        number
      >;
      const h = isHidden ? hidden++ : -1;
      const stats = isHidden
        ? (Object.fromEntries(REPLAY_ACTIVATION.map((a) => [a, activation[a][h]?.[i] ?? NaN])) as Record<
            (typeof REPLAY_ACTIVATION)[number],
            number
          >)
        : null;
      return {
        name,
        trainable: probes.gradNorm[j]?.[i] !== null,
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
      layers,
      bins: {weight: WEIGHT_BINS, gradLog10: GRAD_LOG10_BINS},
      status: diverged ? "diverged" : s.kind[i] === "final" ? "done" : "running",
      message: null,
      stage: null
    };
  });
}

/** The first epoch whose validation accuracy reaches `threshold`, or null: when a run left the plateau. */
export function epochReaching(replay: ReferenceReplay, threshold: number): number | null {
  const {step, validationAccuracy} = replay.snapshots;
  const i = validationAccuracy.findIndex((a) => a !== null && a >= threshold);
  return i < 0 ? null : Math.round(step[i]! / replay.frame.stepsPerEpoch);
}
