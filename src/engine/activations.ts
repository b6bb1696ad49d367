import * as tf from "@tensorflow/tfjs-core";
import type {ActivationName} from "./types.js";

/**
 * An elementwise activation h = f(z) whose derivative is written in terms of its output h, so the backward
 * pass needs only the saved output:
 *   sigmoid  f′ = h(1 − h)  ≤ 1/4, the factor that shrinks the gradient at every sigmoid layer;
 *   tanh     f′ = 1 − h²    ≤ 1;
 *   relu     f′ = [h > 0]   (the subgradient 0 is taken at z = 0, as PyTorch does).
 */
export interface Activation {
  name: ActivationName;
  forward(z: tf.Tensor2D): tf.Tensor2D;
  derivative(h: tf.Tensor2D): tf.Tensor2D;
  /** Share of saturated outputs: where f′ ≈ 0 and the gradient stops. */
  saturation(h: tf.Tensor2D): tf.Scalar;
}

function shareWhere(mask: tf.Tensor): tf.Scalar {
  return tf.mean(tf.cast(mask, "float32"));
}

const sigmoid: Activation = {
  name: "sigmoid",
  forward: (z) => tf.sigmoid(z),
  derivative: (h) => tf.mul(h, tf.sub(1, h)),
  // Within 0.01 of 0 or 1: f′ < 0.0099, a 25× smaller factor than at the centre.
  saturation: (h) => shareWhere(tf.greater(tf.abs(tf.sub(h, 0.5)), 0.49))
};

const tanh: Activation = {
  name: "tanh",
  forward: (z) => tf.tanh(z),
  derivative: (h) => tf.sub(1, tf.square(h)),
  saturation: (h) => shareWhere(tf.greater(tf.abs(h), 0.97))
};

const relu: Activation = {
  name: "relu",
  forward: (z) => tf.relu(z),
  derivative: (h) => tf.step(h, 0),
  // A dead unit outputs 0 for every example of the batch, so no gradient reaches its weights.
  saturation: (h) => shareWhere(tf.lessEqual(tf.max(h, 0), 0))
};

const byName: Record<ActivationName, Activation> = {sigmoid, tanh, relu};

export function activation(name: ActivationName): Activation {
  return byName[name];
}
