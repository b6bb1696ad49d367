import * as tf from "@tensorflow/tfjs-core";
import type {Backward, Layer, Mode} from "./layer.js";
import {meanRows, sumRows} from "./reduce.js";

/**
 * The study's demo normalization layer, on x: [B, n], per feature over the batch:
 *   y = (x − mean_b x) / (std_b x + ε),  std UNBIASED (torch.std's default: Σ (x − μ)² / (B − 1)), ε = 1e-5.
 * Unlike BatchNorm it has no γ, β and no running statistics, and ε is added to the std, not to the variance.
 * Every mode, eval included, normalises with the statistics of the batch it is given, exactly as the study's
 * layer does (its eval has nothing else to use), so the output of an example depends on its batch.
 *
 * Backward with g = ∂L/∂y, c = x − μ, s = √(Σ_b c² / (B − 1)), d = s + ε (sums and means over the batch):
 *   ∂x = (g − mean_b g)/d − c ⊙ Σ_b (g ⊙ c) / (d² (B − 1) s).
 * (From y = c/d: ∂L/∂c = g/d − c·Σ(g⊙c)/(d²(B − 1)s) via ∂s/∂c = c/((B − 1)s); the mean's dependence on x removes
 * the batch mean of that, and mean_b c = 0.) A feature that is constant over the batch has s = 0 and c = 0,
 * making the second term 0/0; it is taken as 0, as PyTorch's std backward does (it masks std = 0 to zero).
 */
export class Standardize implements Layer {
  readonly params = [];
  readonly buffers = [];

  constructor(
    readonly name: string,
    readonly eps: number
  ) {}

  forward(x: tf.Tensor2D, _mode?: Mode): {y: tf.Tensor2D; backward: Backward} {
    const batch = x.shape[0];
    if (batch < 2) {
      // torch.std of one value is NaN; a clear error beats a run that silently turns into NaN.
      throw new Error(`${this.name}: standardizing over the batch needs more than 1 example, got ${batch}`);
    }
    const c = tf.sub(x, meanRows(x)) as tf.Tensor2D;
    const s = tf.sqrt(tf.div(sumRows(tf.square(c)), batch - 1));
    const d = tf.add(s, this.eps);
    const y = tf.div(c, d) as tf.Tensor2D;

    const backward: Backward = (g, needInputGradient) => {
      if (!needInputGradient) return {dx: null, grads: []};
      const k = tf.divNoNan(sumRows(tf.mul(g, c) as tf.Tensor2D), tf.mul(tf.square(d), tf.mul(s, batch - 1)));
      const dx = tf.sub(tf.div(tf.sub(g, meanRows(g)), d), tf.mul(c, k)) as tf.Tensor2D;
      return {dx, grads: []};
    };
    return {y, backward};
  }

  dispose(): void {}
}
