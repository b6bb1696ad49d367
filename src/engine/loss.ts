import * as tf from "@tensorflow/tfjs-core";

/**
 * Mean softmax cross-entropy over a batch of B rows, on logits z and one-hot targets t:
 *   L = −(1/B) Σ_i Σ_k t_ik log softmax(z_i)_k,  with log softmax(z) = z − logΣexp(z) (stable form);
 *   ∂L/∂z = (softmax(z) − t) / B.
 * Also counts correct predictions (argmax z_i = argmax t_i) and sums the per-row losses, so callers can
 * accumulate exact means across batches of different sizes.
 */
export function softmaxCrossEntropy(
  logits: tf.Tensor2D,
  targets: tf.Tensor2D
): {loss: tf.Scalar; lossSum: tf.Scalar; correct: tf.Scalar; dLogits: tf.Tensor2D} {
  const batch = logits.shape[0];
  const logProbabilities = tf.logSoftmax(logits);
  const lossSum = tf.neg(tf.sum(tf.mul(targets, logProbabilities))) as tf.Scalar;
  const hits = tf.equal(tf.argMax(logits, 1), tf.argMax(targets, 1));
  return {
    loss: tf.div(lossSum, batch),
    lossSum,
    correct: tf.sum(tf.cast(hits, "float32")),
    dLogits: tf.div(tf.sub(tf.exp(logProbabilities), targets), batch)
  };
}
