import * as tf from "@tensorflow/tfjs-core";
import type {DenseInit} from "./init.js";
import type {Backward, Layer, Param} from "./layer.js";

/**
 * y = x W + b with x: [B, n], W: [n, m], b: [m].
 * Backward, with g = ∂L/∂y: ∂L/∂W = xᵀ g, ∂L/∂b = Σ_rows g, ∂L/∂x = g Wᵀ.
 * The transposes are explicit: matMul's transposeA/B paths are ~10× slower on wasm (stack-facts).
 */
export class Dense implements Layer {
  readonly params: readonly Param[];

  constructor(
    readonly name: string,
    readonly fanIn: number,
    readonly fanOut: number,
    init: DenseInit
  ) {
    // tf.variable shares the initial tensor's buffer; tidy frees the initial tensor itself.
    const [weights, bias] = tf.tidy(() => [
      tf.variable(tf.tensor2d(init.weights, [fanIn, fanOut])),
      tf.variable(tf.tensor1d(init.bias))
    ]) as [tf.Variable, tf.Variable];
    this.params = [
      {name: "W", value: weights, trainable: true},
      {name: "b", value: bias, trainable: true}
    ];
  }

  get weights(): tf.Variable {
    return this.params[0]!.value;
  }

  forward(x: tf.Tensor2D): {y: tf.Tensor2D; backward: Backward} {
    const weights = this.weights as tf.Tensor2D;
    const bias = this.params[1]!.value;
    const y = tf.add(tf.matMul(x, weights), bias) as tf.Tensor2D;
    const backward: Backward = (dy, needInputGradient) => ({
      dx: needInputGradient ? (tf.matMul(dy, tf.transpose(weights)) as tf.Tensor2D) : null,
      grads: [tf.matMul(tf.transpose(x), dy), tf.sum(dy, 0)]
    });
    return {y, backward};
  }

  dispose(): void {
    for (const p of this.params) p.value.dispose();
  }
}
