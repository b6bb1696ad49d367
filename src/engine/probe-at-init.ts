// One look at a fresh network, no training: build `config`'s network, run one forward and one backward pass
// on a fixed batch, and report the step-0 probes (per-layer ‖∂L/∂W‖, activation statistics and histograms) as
// an "init" snapshot. This is what an explorer redraws on every slider change: the gradient profile is a
// property of the initialisation, so it needs no optimizer step and no data order.
import * as tf from "@tensorflow/tfjs-core";
import {disposeBatch, makeBatch, range} from "./batches.js";
import {validateConfig} from "./config.js";
import {gradientTransform} from "./gradient-transform.js";
import type {Param} from "./layer.js";
import {createOptimizer} from "./optimizers.js";
import {readBack} from "./snapshot.js";
import {evenlySpaced} from "./evenly-spaced.js";
import {buildTrainingModel} from "./stages.js";
import {trainStep} from "./step.js";
import type {DatasetBuffers, Snapshot, TrainConfig} from "./types.js";

export interface ProbeAtInitOptions {
  /**
   * At most this many hidden layers (evenly spaced, by evenlySpaced) get histograms and percentiles; the others
   * and the output layer report their scalars only (empty histograms). Default: every layer in full. Histograms
   * are most of a probe's kernels, and an explorer of 50 layers draws a dozen.
   */
  histogramLayers?: number;
}

/**
 * The "init" snapshot of `config`'s network on all of `batch` (one batch, whatever config.batchSize says):
 * the same probes a training run reports at step 0 on its first batch. The weights come from config.seeds.init,
 * so the same config and batch give the same snapshot. Every tensor is freed before it returns or throws.
 */
export async function probeAtInit(
  config: TrainConfig,
  batch: DatasetBuffers,
  {histogramLayers}: ProbeAtInitOptions = {}
): Promise<Snapshot> {
  validateConfig(config);
  if (batch.count < 1) throw new Error("probeAtInit: the batch holds no images");
  const model = buildTrainingModel(config);
  // trainStep wants an optimizer; with update: false it reads no state and changes nothing.
  const optimizer = createOptimizer(config.optimizer);
  const data = makeBatch(batch, range(batch.count), true);
  try {
    const network = model.enterStage(0);
    // Nothing moves, so each probed layer's weights are their own initial value (relative change 0).
    const initial = new Map<Param, tf.Tensor>(
      network.probes.map((probe) => [probe.dense.weight, probe.dense.weight.value])
    );
    const hidden = network.probes.flatMap((probe, index) => (probe.activation ? [index] : []));
    const detailed =
      histogramLayers === undefined
        ? new Set(network.probes.keys())
        : new Set([...evenlySpaced(hidden.length, histogramLayers)].map((i) => hidden[i]!));
    const options = {
      update: false,
      probeBefore: true,
      probeAfter: false,
      initialWeights: initial,
      detailed: (index: number) => detailed.has(index)
    };
    const result = trainStep(network, optimizer, data, options, gradientTransform(config.gradientNorm));
    try {
      return await readBack([result.totals, result.before!], {
        kind: "init",
        step: 0,
        stepsPerEpoch: 1,
        totalSteps: 0,
        elapsedMs: 0,
        trainCount: batch.count,
        validationCount: null,
        testCount: null,
        layers: network.probes.map((probe, index) => ({
          name: probe.name,
          hasActivation: probe.activation !== null,
          trainable: probe.dense.weight.trainable,
          detail: detailed.has(index)
        })),
        stage: null
      });
    } finally {
      tf.dispose([result.totals, result.before, result.after].filter((t) => t !== null));
    }
  } finally {
    disposeBatch(data);
    model.dispose();
    optimizer.dispose();
  }
}
