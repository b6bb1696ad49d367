import * as tf from "@tensorflow/tfjs-core";
import {meanRows, sumRows} from "./reduce.js";
import {disposeLayer, type Backward, type Buffer, type Layer, type Mode, type Param} from "./layer.js";

export interface BatchNormOptions {
  /** Weight m of the newest batch in the running statistics (PyTorch default 0.1). */
  momentum: number;
  /** Added to the variance under the square root (PyTorch default 1e-5). */
  eps: number;
}

/**
 * PyTorch's nn.BatchNorm1d(n) on x: [B, n], per feature j, with γ = "gamma" (init 1), β = "beta" (init 0):
 *   train, probe: μ = mean_b x, σ² = mean_b (x − μ)² (the BIASED batch variance), x̂ = (x − μ)/√(σ² + ε),
 *                 y = γ x̂ + β;
 *   train only:   running_mean ← (1 − m)·running_mean + m·μ,
 *                 running_var  ← (1 − m)·running_var  + m·σ²·B/(B − 1)
 *                 (PyTorch normalises with the biased variance but tracks the UNBIASED one);
 *   eval:         y = γ (x − running_mean)/√(running_var + ε) + β, a fixed affine map.
 * Buffers start at running_mean = 0, running_var = 1, as in PyTorch.
 *
 * Backward with g = ∂L/∂y (batch statistics: μ and σ² depend on every row, hence the two correction terms):
 *   ∂β = Σ_b g,  ∂γ = Σ_b g ⊙ x̂,  ∂x = γ/√(σ² + ε) ⊙ (g − mean_b g − x̂ ⊙ mean_b (g ⊙ x̂));
 * in eval the statistics are constants: ∂x = g ⊙ γ/√(running_var + ε), and ∂γ, ∂β as above.
 * mean_b g and mean_b (g ⊙ x̂) are ∂β/B and ∂γ/B, so each reduction runs once. The layer runs on every hidden
 * layer of every step (7 × [512, 128] on wasm), so the op count is kept small: the sums over the batch are
 * matMuls (reduce.ts, far faster than axis-0 reductions on wasm), x̂ is computed once and reused by the
 * backward pass, and nothing is read back.
 */
export class BatchNorm implements Layer {
  readonly params: readonly Param[];
  readonly buffers: readonly Buffer[];

  constructor(
    readonly name: string,
    readonly width: number,
    readonly options: BatchNormOptions
  ) {
    // tf.variable shares the initial tensor's buffer; tidy frees the initial tensor itself.
    const [gamma, beta, mean, variance] = tf.tidy(() => [
      tf.variable(tf.ones([width])),
      tf.variable(tf.zeros([width])),
      tf.variable(tf.zeros([width]), false),
      tf.variable(tf.ones([width]), false)
    ]) as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
    this.params = [
      {name: "gamma", value: gamma, trainable: true},
      {name: "beta", value: beta, trainable: true}
    ];
    this.buffers = [
      {name: "runningMean", value: mean},
      {name: "runningVar", value: variance}
    ];
  }

  get runningMean(): tf.Variable {
    return this.buffers[0]!.value;
  }

  get runningVar(): tf.Variable {
    return this.buffers[1]!.value;
  }

  forward(x: tf.Tensor2D, mode: Mode): {y: tf.Tensor2D; backward: Backward} {
    if (mode === "eval") return this.forwardEval(x);
    const batch = x.shape[0];
    if (batch < 2) {
      // PyTorch raises the same: one example has no spread, and B/(B − 1) is undefined.
      throw new Error(`${this.name}: batch normalization needs more than 1 example per batch, got ${batch}`);
    }
    const [gamma, beta] = this.params as [Param, Param];
    const mean = meanRows(x);
    const centred = tf.sub(x, mean) as tf.Tensor2D;
    const variance = meanRows(tf.square(centred));
    const invStd = tf.rsqrt(tf.add(variance, this.options.eps));
    const xHat = tf.mul(centred, invStd) as tf.Tensor2D;
    const y = tf.add(tf.mul(xHat, gamma.value), beta.value) as tf.Tensor2D;
    // γ/√(σ² + ε), taken now so that the backward pass does not depend on later changes to γ.
    const scale = tf.mul(gamma.value, invStd);
    if (mode === "train") this.updateRunningStatistics(mean, variance, batch);

    const backward: Backward = (g, needInputGradient) => {
      const sumG = beta.trainable || needInputGradient ? sumRows(g) : null;
      const sumGXHat = gamma.trainable || needInputGradient ? sumRows(tf.mul(g, xHat)) : null;
      let dx: tf.Tensor2D | null = null;
      if (needInputGradient) {
        const centred = tf.sub(tf.sub(g, tf.mul(xHat, tf.div(sumGXHat!, batch))), tf.div(sumG!, batch));
        dx = tf.mul(centred, scale) as tf.Tensor2D;
      }
      return {dx, grads: [gamma.trainable ? sumGXHat : null, beta.trainable ? sumG : null]};
    };
    return {y, backward};
  }

  /** Running statistics in place of the batch's: y = x ⊙ s + (β − running_mean ⊙ s) with s = γ/√(running_var + ε). */
  private forwardEval(x: tf.Tensor2D): {y: tf.Tensor2D; backward: Backward} {
    const [gamma, beta] = this.params as [Param, Param];
    // A snapshot (shares the data): a later train step must not change what this backward pass uses.
    const runningMean = tf.clone(this.runningMean);
    const invStd = tf.rsqrt(tf.add(this.runningVar, this.options.eps));
    const scale = tf.mul(gamma.value, invStd);
    const y = tf.add(tf.mul(x, scale), tf.sub(beta.value, tf.mul(runningMean, scale))) as tf.Tensor2D;

    const backward: Backward = (g, needInputGradient) => {
      // x̂ is only needed for ∂γ, so eval (validation and test batches) does not pay for it in the forward pass.
      const gradGamma = gamma.trainable ? sumRows(tf.mul(g, tf.mul(tf.sub(x, runningMean), invStd))) : null;
      return {
        dx: needInputGradient ? (tf.mul(g, scale) as tf.Tensor2D) : null,
        grads: [gradGamma, beta.trainable ? sumRows(g) : null]
      };
    };
    return {y, backward};
  }

  /**
   * The exponential moving averages of PyTorch (momentum m weighs the new batch). Only the new values survive the
   * tidy: `assign` makes each variable hold its new tensor's data and frees the old one.
   */
  private updateRunningStatistics(mean: tf.Tensor, variance: tf.Tensor, batch: number): void {
    const m = this.options.momentum;
    tf.tidy(() => {
      this.runningMean.assign(tf.add(tf.mul(this.runningMean, 1 - m), tf.mul(mean, m)));
      this.runningVar.assign(
        tf.add(tf.mul(this.runningVar, 1 - m), tf.mul(variance, (m * batch) / (batch - 1)))
      );
    });
  }

  dispose(): void {
    disposeLayer(this);
  }
}
