import type * as tf from "@tensorflow/tfjs-core";
import {blockNormalize} from "./gradient-norm.js";
import type {Param} from "./layer.js";
import type {GradientTransform} from "./step.js";
import type {GradientNormConfig} from "./types.js";

/**
 * The transform a gradient-normalization config applies between backpropagation and the optimizer:
 *   none, study: none (the study's variant lives in the backward pass itself, as identity layers);
 *   block:       each layer's gradient block g_l = (∂W, ∂b) becomes g_l / (‖g_l‖ + eps) (Yu et al. 2017).
 */
export function gradientTransform(config: GradientNormConfig): GradientTransform | null {
  switch (config.kind) {
    case "none":
    case "study":
      return null;
    case "block":
      return (network, grads) => {
        const out = new Map<Param, tf.Tensor>();
        for (const layer of network.layers) {
          const params = layer.params.filter((param) => grads.has(param));
          if (params.length === 0) continue;
          const normalized = blockNormalize(
            params.map((param) => grads.get(param)!),
            config.eps
          );
          params.forEach((param, i) => out.set(param, normalized[i]!));
        }
        return out;
      };
    default: {
      const never: never = config;
      throw new Error(`unknown gradient normalization ${String((never as {kind: unknown}).kind)}`);
    }
  }
}
