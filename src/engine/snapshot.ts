import * as tf from "@tensorflow/tfjs-core";
import {ACTIVATION_BINS, GRAD_LOG10_BINS, PREACTIVATION_PERCENTILES, WEIGHT_BINS} from "./bins.js";
import {PROBE_LENGTH, unpackLayerProbe, type ProbedLayer} from "./probes.js";
import type {Metrics, RunStatus, Snapshot, StageInfo} from "./types.js";

export interface SnapshotFrame {
  kind: Snapshot["kind"];
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
  elapsedMs: number;
  /** Examples behind the train totals, and behind the validation and test totals when present. */
  trainCount: number;
  validationCount: number | null;
  testCount: number | null;
  layers: readonly ProbedLayer[];
  stage: StageInfo | null;
}

function metrics(values: Float32Array, offset: number, count: number): Metrics {
  return {loss: values[offset]! / count, accuracy: values[offset + 1]! / count};
}

/**
 * Decodes the one vector a snapshot reads back: [train Σloss, correct | validation Σloss, correct? |
 * test Σloss, correct? | probes of every layer].
 */
export function decodeSnapshot(values: Float32Array, frame: SnapshotFrame): Snapshot {
  let offset = 2;
  const train = metrics(values, 0, frame.trainCount);
  let validation: Metrics | null = null;
  let test: Metrics | null = null;
  if (frame.validationCount !== null) {
    validation = metrics(values, offset, frame.validationCount);
    offset += 2;
  }
  if (frame.testCount !== null) {
    test = metrics(values, offset, frame.testCount);
    offset += 2;
  }
  const layers = frame.layers.map((layer, i) => unpackLayerProbe(values, offset + i * PROBE_LENGTH, layer));
  const diverged = !Number.isFinite(train.loss) || layers.some((layer) => !Number.isFinite(layer.gradNorm));
  const status: RunStatus = diverged ? "diverged" : frame.kind === "final" ? "done" : "running";
  return {
    kind: frame.kind,
    step: frame.step,
    epoch: frame.step / frame.stepsPerEpoch,
    stepsPerEpoch: frame.stepsPerEpoch,
    totalSteps: frame.totalSteps,
    elapsedMs: frame.elapsedMs,
    train,
    validation,
    test,
    layers,
    bins: {
      weight: WEIGHT_BINS,
      gradLog10: GRAD_LOG10_BINS,
      activation: ACTIVATION_BINS,
      percentiles: PREACTIVATION_PERCENTILES
    },
    status,
    message: diverged
      ? `Training diverged at step ${frame.step}: the loss or a gradient is no longer finite. ` +
        "Lower the learning rate or the initialisation scale."
      : null,
    stage: frame.stage
  };
}

/** Reads the packed parts of a snapshot back in one transfer; the caller still owns (and frees) the parts. */
export async function readBack(parts: tf.Tensor[], frame: SnapshotFrame): Promise<Snapshot> {
  const packed = tf.tidy(() => tf.concat(parts.map((part) => tf.reshape(part, [-1]))));
  const values = (await packed.data()) as Float32Array;
  packed.dispose();
  return decodeSnapshot(values, frame);
}
