import type * as tf from "@tensorflow/tfjs-core";
import type {Activation} from "./activations.js";
import type {Backward, Buffer, Layer, Mode, Param} from "./layer.js";

/**
 * h = f(z) after a Dense layer (for maxout, f maps its 2w pieces to w units). No params, no buffers, the same in
 * every mode. The forward pass keeps z and h for its backward pass, ∂L/∂z = ∂L/∂h ⊙ f′(z), because each
 * activation's derivative is cheapest from one or the other (sigmoid and tanh from h, GELU from z).
 * Probes read z from the Dense layer's output and h from this layer's output; nothing is stored on the layer.
 */
export class ActivationLayer implements Layer {
  readonly params: readonly Param[] = [];
  readonly buffers: readonly Buffer[] = [];

  constructor(
    readonly name: string,
    readonly fn: Activation
  ) {}

  forward(z: tf.Tensor2D, _mode?: Mode): {y: tf.Tensor2D; backward: Backward} {
    const h = this.fn.forward(z);
    const backward: Backward = (dh, needInputGradient) => ({
      dx: needInputGradient ? this.fn.backward(dh, z, h) : null,
      grads: []
    });
    return {y: h, backward};
  }

  dispose(): void {}
}
