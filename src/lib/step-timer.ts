// Times real training steps of a config on the active backend: the engine's own step (forward, backward,
// update) on a batch of the config's size, as the training loop runs it. No DOM: runs in a worker and in Node.
import {disposeBatch, makeBatch} from "../engine/batches.js";
import {gradientTransform} from "../engine/gradient-transform.js";
import {createOptimizer} from "../engine/optimizers.js";
import {buildTrainingModel} from "../engine/stages.js";
import {trainStep} from "../engine/step.js";
import {CLASS_COUNT, INPUT_SIZE} from "../engine/model.js";
import type {DatasetBuffers, TrainConfig} from "../engine/types.js";

export interface StepTiming {
  /** Median milliseconds per step after the warm-up step, or null if stopped early. */
  msPerStep: number | null;
  /** Milliseconds of the first step: shader compilation and memory set-up land there. */
  warmupMs: number;
  /** Set when timing stopped early because a step took longer than `giveUpAboveMs`. */
  slowerThanMs: number | null;
}

/** `count` pseudo-images (and labels): the arithmetic of a step does not depend on the pixel values. */
export function syntheticImages(count: number): DatasetBuffers {
  const images = Uint8Array.from({length: count * INPUT_SIZE}, (_, i) => (i * 2654435761) % 256);
  const labels = Uint8Array.from({length: count}, (_, i) => i % CLASS_COUNT);
  return {images, labels, count};
}

/** A batch of `size` pseudo-images, with its transpose, as the training loop builds one. */
export function syntheticBatch(size: number) {
  return makeBatch(
    syntheticImages(size),
    Array.from({length: size}, (_, i) => i),
    true
  );
}

/**
 * Runs one warm-up step and then up to `steps` timed steps of `config` (its first stage), each read back so
 * that an asynchronous backend is timed to the end of its work. Stops after the first timed step that takes
 * longer than `giveUpAboveMs` (a backend already known to lose). Frees every tensor it makes.
 */
export async function timeSteps(
  config: TrainConfig,
  steps = 3,
  giveUpAboveMs = Infinity
): Promise<StepTiming> {
  const model = buildTrainingModel(config);
  const network = model.enterStage(0);
  const optimizer = createOptimizer(config.optimizer);
  const transform = gradientTransform(config.gradientNorm);
  const batch = syntheticBatch(config.batchSize);
  const options = {update: true, probeBefore: false, probeAfter: false, initialWeights: new Map()};
  const step = async () => {
    const start = performance.now();
    const {totals} = trainStep(network, optimizer, batch, options, transform);
    await totals.data();
    totals.dispose();
    return performance.now() - start;
  };
  try {
    const warmupMs = await step();
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      const ms = await step();
      if (ms > giveUpAboveMs) return {msPerStep: null, warmupMs, slowerThanMs: ms};
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    return {msPerStep: times[Math.floor(times.length / 2)]!, warmupMs, slowerThanMs: null};
  } finally {
    disposeBatch(batch);
    model.dispose();
    optimizer.dispose();
  }
}
