import * as tf from "@tensorflow/tfjs-core";
import {batchesPerEpoch, disposeBatch, makeBatch, range, splitFitValidation} from "./batches.js";
import {yieldToEventLoop, type RunControl} from "./control.js";
import {evaluateTotals} from "./evaluate.js";
import {gradientTransform} from "./gradient-transform.js";
import type {Param} from "./layer.js";
import type {Network} from "./network.js";
import {createOptimizer} from "./optimizers.js";
import {seededRandom, shuffleInPlace} from "./random.js";
import {readBack} from "./snapshot.js";
import {readWeights} from "./weights.js";
import {buildTrainingModel, stageEpochs} from "./stages.js";
import {trainStep, type StepResult} from "./step.js";
import type {DatasetBuffers, RunStatus, Snapshot, TrainConfig, TrainedWeights} from "./types.js";

export interface LoopEvents {
  snapshot(snapshot: Snapshot): void;
  progress(step: number, totalSteps: number, elapsedMs: number): void;
}

export interface LoopOptions {
  /** Read the final network's weights (a finished run only) before its tensors are freed. */
  captureWeights?: boolean;
}

export interface TrainingData {
  train: DatasetBuffers;
  test: DatasetBuffers;
}

/** Keeps a clone of the initial weights of every probed layer (a new head's too); frees those no longer probed. */
function trackInitialWeights(initial: Map<Param, tf.Tensor>, network: Network): void {
  const probed = new Set(network.probes.map((probe) => probe.dense.weight));
  for (const [param, tensor] of initial) {
    if (!probed.has(param)) {
      tensor.dispose();
      initial.delete(param);
    }
  }
  for (const param of probed) if (!initial.has(param)) initial.set(param, tf.clone(param.value));
}

/**
 * Trains `config` on `data`, stage by stage (one stage without layer-wise training), reporting a snapshot at
 * step 0 ("init"), every `snapshotEvery` steps, at each epoch end (with validation metrics), at each stage end
 * (with test metrics) and at the end. Every tensor it creates is freed before it returns, whether it
 * finishes, is cancelled, diverges or throws. With `captureWeights` a finished run also returns the weights
 * of its last stage's network.
 */
export async function trainingLoop(
  config: TrainConfig,
  data: TrainingData,
  control: RunControl,
  events: LoopEvents,
  options: LoopOptions = {}
): Promise<{status: RunStatus; message: string | null; weights?: TrainedWeights}> {
  const dataRandom = seededRandom(config.seeds.data);
  const {fit, validation} = splitFitValidation(config.trainSize, config.validationFraction, dataRandom);
  const testIndices = range(data.test.count);
  const stepsPerEpoch = batchesPerEpoch(fit.length, config.batchSize);
  const epochs = stageEpochs(config);
  const totalSteps = stepsPerEpoch * epochs.reduce((a, b) => a + b, 0);
  const model = buildTrainingModel(config);
  const optimizer = createOptimizer(config.optimizer);
  const transform = gradientTransform(config.gradientNorm);
  const initial = new Map<Param, tf.Tensor>();
  const started = performance.now();
  const elapsedMs = () => performance.now() - started - control.pausedMs;
  let totals: tf.Tensor = tf.zeros([2]);
  let trainCount = 0;
  let step = 0;
  let network: Network | null = null;
  try {
    for (let s = 0; s < model.stages.length; s++) {
      network = model.enterStage(s);
      trackInitialWeights(initial, network);
      const stageConfig = model.stages[s]!;
      const stage = stageConfig && {index: s, count: model.stages.length, config: stageConfig};
      const layers = network.probes.map((probe) => ({
        name: probe.name,
        hasActivation: probe.activation !== null,
        trainable: probe.dense.weight.trainable,
        gradientNormalized: config.gradientNorm.kind !== "none"
      }));
      const frame = (kind: Snapshot["kind"], count: number, epochEnd: boolean, stageEnd: boolean) => ({
        kind,
        step,
        stepsPerEpoch,
        totalSteps,
        elapsedMs: elapsedMs(),
        trainCount: count,
        validationCount: epochEnd && validation.length > 0 ? validation.length : null,
        testCount: stageEnd ? testIndices.length : null,
        layers,
        stage
      });
      for (let epoch = 0; epoch < epochs[s]!; epoch++) {
        const order = shuffleInPlace(fit.slice(), dataRandom);
        for (let b = 0; b < stepsPerEpoch; b++) {
          await control.whilePaused();
          if (control.isCancelled) return {status: "cancelled", message: null};
          const indices = order.subarray(b * config.batchSize, (b + 1) * config.batchSize);
          const epochEnd = b === stepsPerEpoch - 1;
          const stageEnd = epochEnd && epoch === epochs[s]! - 1;
          const last = stageEnd && s === model.stages.length - 1;
          const batch = makeBatch(data.train, indices, true);
          let result: StepResult;
          try {
            result = trainStep(
              network,
              optimizer,
              batch,
              {
                update: true,
                probeBefore: step === 0,
                probeAfter: epochEnd || (step + 1) % config.snapshotEvery === 0,
                initialWeights: initial
              },
              transform
            );
          } finally {
            disposeBatch(batch);
          }
          if (result.before) {
            const atInit = await readBack(
              [result.totals, result.before],
              frame("init", indices.length, false, false)
            );
            result.before.dispose();
            events.snapshot(atInit);
          }
          const sum = tf.add(totals, result.totals);
          tf.dispose([totals, result.totals]);
          totals = sum;
          trainCount += indices.length;
          step++;
          if (!result.after) {
            events.progress(step, totalSteps, elapsedMs());
            await yieldToEventLoop();
            continue;
          }
          const parts = [totals];
          if (epochEnd && validation.length > 0) parts.push(evaluateTotals(network, data.train, validation));
          if (stageEnd) parts.push(evaluateTotals(network, data.test, testIndices));
          parts.push(result.after);
          const kind = last ? "final" : epochEnd ? "epoch" : "step";
          const snapshot = await readBack(parts, frame(kind, trainCount, epochEnd, stageEnd));
          tf.dispose(parts);
          totals = tf.zeros([2]);
          trainCount = 0;
          events.snapshot(snapshot);
          if (snapshot.status === "diverged") return {status: "diverged", message: snapshot.message};
          await yieldToEventLoop();
        }
      }
    }
    if (options.captureWeights && network)
      return {status: "done", message: null, weights: await readWeights(network)};
    return {status: "done", message: null};
  } finally {
    tf.dispose([...initial.values(), totals]);
    model.dispose();
    optimizer.dispose();
  }
}
