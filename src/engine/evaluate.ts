import * as tf from "@tensorflow/tfjs-core";
import {chunks, makeBatch} from "./batches.js";
import {softmaxCrossEntropy} from "./loss.js";
import type {Network} from "./network.js";
import type {DatasetBuffers} from "./types.js";

/** Evaluation chunk: large enough to keep the backend busy, small enough to bound memory (~3 MB of input). */
const EVAL_CHUNK = 1000;

/**
 * [Σ loss, correct] of the model over the examples at `indices`, accumulated on the backend so the caller
 * reads it back together with whatever else the snapshot needs. Mean loss = Σ loss / n: exact whatever the
 * chunking (the study divided by the wrong batch count; see study.md).
 */
export function evaluateTotals(network: Network, data: DatasetBuffers, indices: Uint32Array): tf.Tensor1D {
  let totals: tf.Tensor1D = tf.zeros([2]);
  for (const part of chunks(indices, EVAL_CHUNK)) {
    const batch = makeBatch(data, part);
    const next = tf.tidy(() => {
      const {lossSum, correct} = softmaxCrossEntropy(network.forward(batch.x, "eval").logits, batch.y);
      return tf.add(totals, tf.stack([lossSum, correct])) as tf.Tensor1D;
    });
    tf.dispose([totals, batch.x, batch.y]);
    totals = next;
  }
  return totals;
}
