import * as tf from "@tensorflow/tfjs-core";
import {batchesPerEpoch, makeBatch, range, splitFitValidation} from "./batches.js";
import {yieldToEventLoop, type RunControl} from "./control.js";
import {evaluateTotals} from "./evaluate.js";
import {buildMlp} from "./model.js";
import {createOptimizer} from "./optimizer.js";
import {seededRandom, shuffleInPlace} from "./random.js";
import {decodeSnapshot, type SnapshotFrame} from "./snapshot.js";
import {trainStep} from "./step.js";
import type {DatasetBuffers, RunStatus, Snapshot, TrainConfig} from "./types.js";

export interface LoopEvents {
  snapshot(snapshot: Snapshot): void;
  progress(step: number, totalSteps: number, elapsedMs: number): void;
}

export interface TrainingData {
  train: DatasetBuffers;
  test: DatasetBuffers;
}

/** Reads the packed parts of a snapshot back in one transfer, then frees them. */
async function readBack(parts: tf.Tensor[], frame: SnapshotFrame): Promise<Snapshot> {
  const packed = tf.tidy(() => tf.concat(parts.map((part) => tf.reshape(part, [-1]))));
  tf.dispose(parts);
  const values = (await packed.data()) as Float32Array;
  packed.dispose();
  return decodeSnapshot(values, frame);
}

/**
 * Trains `config` on `data`, reporting a snapshot at step 0 ("init"), every `snapshotEvery` steps, at each
 * epoch end (with validation metrics) and at the end (with test metrics). Every tensor it creates is freed
 * before it returns, whether it finishes, is cancelled, diverges or throws.
 */
export async function trainingLoop(
  config: TrainConfig,
  data: TrainingData,
  control: RunControl,
  events: LoopEvents
): Promise<{status: RunStatus; message: string | null}> {
  const dataRandom = seededRandom(config.seeds.data);
  const {fit, validation} = splitFitValidation(config.trainSize, config.validationFraction, dataRandom);
  const testIndices = range(data.test.count);
  const stepsPerEpoch = batchesPerEpoch(fit.length, config.batchSize);
  const totalSteps = stepsPerEpoch * config.epochs;
  const model = buildMlp(config);
  const optimizer = createOptimizer(config.optimizer);
  const initial = model.dense.map((layer) => tf.clone(layer.weights));
  const started = performance.now();
  const elapsedMs = () => performance.now() - started - control.pausedMs;
  const frame = (
    kind: Snapshot["kind"],
    step: number,
    trainCount: number,
    epochEnd: boolean,
    last: boolean
  ) => ({
    kind,
    step,
    stepsPerEpoch,
    totalSteps,
    elapsedMs: elapsedMs(),
    trainCount,
    validationCount: epochEnd && validation.length > 0 ? validation.length : null,
    testCount: last ? testIndices.length : null,
    layerNames: model.dense.map((layer) => layer.name),
    hiddenLayers: model.activations.length
  });
  let totals: tf.Tensor = tf.zeros([2]);
  let trainCount = 0;
  let step = 0;
  try {
    for (let epoch = 0; epoch < config.epochs; epoch++) {
      const order = shuffleInPlace(fit.slice(), dataRandom);
      for (let b = 0; b < stepsPerEpoch; b++) {
        await control.whilePaused();
        if (control.isCancelled) return {status: "cancelled", message: null};
        const indices = order.subarray(b * config.batchSize, (b + 1) * config.batchSize);
        const batch = makeBatch(data.train, indices);
        const epochEnd = b === stepsPerEpoch - 1;
        const last = epochEnd && epoch === config.epochs - 1;
        const probe = epochEnd || (step + 1) % config.snapshotEvery === 0;
        let result: ReturnType<typeof trainStep>;
        try {
          if (step === 0) {
            const atInit = trainStep(model, optimizer, batch, {update: false, initialWeights: initial});
            const initFrame = frame("init", 0, indices.length, false, false);
            events.snapshot(await readBack([atInit.totals, atInit.probes!], initFrame));
          }
          result = trainStep(model, optimizer, batch, {update: true, initialWeights: probe ? initial : null});
        } finally {
          tf.dispose([batch.x, batch.y]);
        }
        const sum = tf.add(totals, result.totals);
        tf.dispose([totals, result.totals]);
        totals = sum;
        trainCount += indices.length;
        step++;
        if (result.probes) {
          const parts = [totals];
          if (epochEnd && validation.length > 0) parts.push(evaluateTotals(model, data.train, validation));
          if (last) parts.push(evaluateTotals(model, data.test, testIndices));
          parts.push(result.probes);
          const kind = last ? "final" : epochEnd ? "epoch" : "step";
          const snapshot = await readBack(parts, frame(kind, step, trainCount, epochEnd, last));
          totals = tf.zeros([2]);
          trainCount = 0;
          events.snapshot(snapshot);
          if (snapshot.status === "diverged") return {status: "diverged", message: snapshot.message};
        } else {
          events.progress(step, totalSteps, elapsedMs());
        }
        await yieldToEventLoop();
      }
    }
    return {status: "done", message: null};
  } finally {
    tf.dispose([...initial, totals]);
    model.dispose();
    optimizer.dispose();
  }
}
