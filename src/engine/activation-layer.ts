import * as tf from "@tensorflow/tfjs-core";
import type {Activation} from "./activations.js";
import type {Backward, Layer} from "./layer.js";

/** h = f(z) elementwise; backward: ∂L/∂z = ∂L/∂h ⊙ f′(z), with f′ written in terms of h. */
export class ActivationLayer implements Layer {
  readonly params = [];

  constructor(
    readonly name: string,
    readonly fn: Activation
  ) {}

  forward(z: tf.Tensor2D): {y: tf.Tensor2D; backward: Backward} {
    const h = this.fn.forward(z);
    const backward: Backward = (dh) => ({dx: tf.mul(dh, this.fn.derivative(h)) as tf.Tensor2D, grads: []});
    return {y: h, backward};
  }

  dispose(): void {}
}
