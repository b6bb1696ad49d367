import * as tf from "@tensorflow/tfjs-core";
import type {DenseInit} from "./init.js";
import {disposeLayer, type Backward, type Layer, type Param} from "./layer.js";
import {sumRows} from "./reduce.js";
import {transposeOf} from "./transpose.js";

/**
 * y = x W + b with x: [B, n], W: [n, m], b: [m].
 * Backward, with g = ∂L/∂y: ∂L/∂W = xᵀ g, ∂L/∂b = Σ_rows g, ∂L/∂x = g Wᵀ.
 * The transposes are explicit: matMul's transposeA/B paths are ~10× slower on wasm (stack-facts). A frozen
 * weight or bias gets no gradient computed, and ∂L/∂x only when something below still trains.
 */
export class Dense implements Layer {
  readonly params: readonly Param[];
  readonly buffers = [];

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

  get weight(): Param {
    return this.params[0]!;
  }

  get bias(): Param {
    return this.params[1]!;
  }

  forward(x: tf.Tensor2D): {y: tf.Tensor2D; backward: Backward} {
    const weights = this.weight.value as tf.Tensor2D;
    const y = tf.fused.matMul({a: x, b: weights, bias: this.bias.value}) as tf.Tensor2D;
    const backward: Backward = (dy, needInputGradient) => ({
      dx: needInputGradient ? (tf.matMul(dy, tf.transpose(weights)) as tf.Tensor2D) : null,
      grads: [
        this.weight.trainable ? tf.matMul(transposeOf(x), dy) : null,
        this.bias.trainable ? sumRows(dy) : null
      ]
    });
    return {y, backward};
  }

  dispose(): void {
    disposeLayer(this);
  }
}
