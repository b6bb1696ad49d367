import * as tf from "@tensorflow/tfjs-core";
import {sumRows} from "./reduce.js";
import {disposeLayer, type Backward, type Layer, type Mode, type Param} from "./layer.js";

/**
 * PyTorch's nn.LayerNorm(n) on x: [B, n], per example b over its n features, with learnable γ = "gamma"
 * (init 1) and β = "beta" (init 0) per feature:
 *   μ_b = mean_j x_bj,  σ²_b = mean_j (x_bj − μ_b)² (biased),  x̂ = (x − μ)/√(σ² + ε),  y = γ x̂ + β.
 * The statistics belong to each example, not to the batch, so every mode computes the same thing and there are
 * no running statistics (mode is ignored).
 *
 * Backward with g = ∂L/∂y and ĝ = g ⊙ γ (the gradient with respect to x̂), means over the features of a row:
 *   ∂β = Σ_b g,  ∂γ = Σ_b g ⊙ x̂,  ∂x = (ĝ − mean_j ĝ − x̂ ⊙ mean_j (ĝ ⊙ x̂)) / √(σ² + ε).
 */
export class LayerNorm implements Layer {
  readonly params: readonly Param[];
  readonly buffers = [];

  constructor(
    readonly name: string,
    readonly width: number,
    readonly eps: number
  ) {
    // tf.variable shares the initial tensor's buffer; tidy frees the initial tensor itself.
    const [gamma, beta] = tf.tidy(() => [tf.variable(tf.ones([width])), tf.variable(tf.zeros([width]))]) as [
      tf.Variable,
      tf.Variable
    ];
    this.params = [
      {name: "gamma", value: gamma, trainable: true},
      {name: "beta", value: beta, trainable: true}
    ];
  }

  forward(x: tf.Tensor2D, _mode?: Mode): {y: tf.Tensor2D; backward: Backward} {
    const [gamma, beta] = this.params as [Param, Param];
    const {mean, variance} = tf.moments(x, 1, true);
    const invStd = tf.rsqrt(tf.add(variance, this.eps)); // [B, 1]
    const xHat = tf.mul(tf.sub(x, mean), invStd) as tf.Tensor2D;
    const y = tf.add(tf.mul(xHat, gamma.value), beta.value) as tf.Tensor2D;
    // γ as it is now, so that the backward pass does not depend on later changes to the variable.
    const gammaNow = tf.clone(gamma.value);

    const backward: Backward = (g, needInputGradient) => {
      let dx: tf.Tensor2D | null = null;
      if (needInputGradient) {
        const gHat = tf.mul(g, gammaNow);
        const meanGHat = tf.mean(gHat, 1, true);
        const meanGHatXHat = tf.mean(tf.mul(gHat, xHat), 1, true);
        dx = tf.mul(tf.sub(tf.sub(gHat, meanGHat), tf.mul(xHat, meanGHatXHat)), invStd) as tf.Tensor2D;
      }
      return {
        dx,
        grads: [
          gamma.trainable ? sumRows(tf.mul(g, xHat) as tf.Tensor2D) : null,
          beta.trainable ? sumRows(g) : null
        ]
      };
    };
    return {y, backward};
  }

  dispose(): void {
    disposeLayer(this);
  }
}
