import * as tf from "@tensorflow/tfjs-core";
import {activation} from "./activations.js";
import {ActivationLayer} from "./activation-layer.js";
import {Dense} from "./dense.js";
import {initDense} from "./init.js";
import type {Backward, Layer, Mode, Param} from "./layer.js";
import {seededRandom} from "./random.js";
import type {TrainConfig} from "./types.js";

export const INPUT_SIZE = 784;
export const CLASS_COUNT = 10;

/** What one forward call leaves for the step: logits, the probed activations, and the way back. */
export interface ForwardPass {
  logits: tf.Tensor2D;
  /** Outputs of each activation layer, from the input side. */
  hidden: tf.Tensor2D[];
  /** ∂L/∂logits → ∂L/∂p for every param of `model.params`, in that order. */
  backward(dLogits: tf.Tensor2D): tf.Tensor[];
}

/** A feed-forward stack of layers. Dense layers are the probed ones (their weights are what the study tracks). */
export class Sequential {
  readonly params: readonly Param[];
  readonly dense: readonly Dense[];
  readonly activations: readonly ActivationLayer[];

  constructor(readonly layers: readonly Layer[]) {
    this.params = layers.flatMap((layer) => layer.params);
    this.dense = layers.filter((layer): layer is Dense => layer instanceof Dense);
    this.activations = layers.filter((layer): layer is ActivationLayer => layer instanceof ActivationLayer);
  }

  forward(x: tf.Tensor2D, mode: Mode): ForwardPass {
    const backwards: Backward[] = [];
    const hidden: tf.Tensor2D[] = [];
    let y = x;
    for (const layer of this.layers) {
      const pass = layer.forward(y, mode);
      backwards.push(pass.backward);
      y = pass.y;
      if (layer instanceof ActivationLayer) hidden.push(y);
    }
    const backward = (dLogits: tf.Tensor2D): tf.Tensor[] => {
      const grads: tf.Tensor[][] = [];
      let dy: tf.Tensor2D | null = dLogits;
      for (let i = this.layers.length - 1; i >= 0 && dy; i--) {
        const step: ReturnType<Backward> = backwards[i]!(dy, i > 0);
        grads[i] = step.grads;
        dy = step.dx;
      }
      return grads.flat();
    };
    return {logits: y, hidden, backward};
  }

  dispose(): void {
    for (const layer of this.layers) layer.dispose();
  }
}

/** The study's MLP: 784 → depth × (Dense → activation) → Dense → 10 logits. */
export function buildMlp(
  config: Pick<TrainConfig, "depth" | "width" | "activation" | "init" | "seeds">
): Sequential {
  const random = seededRandom(config.seeds.init);
  const fn = activation(config.activation);
  const layers: Layer[] = [];
  let fanIn = INPUT_SIZE;
  for (let i = 1; i <= config.depth; i++) {
    layers.push(
      new Dense(`hidden ${i}`, fanIn, config.width, initDense(fanIn, config.width, config.init, random))
    );
    layers.push(new ActivationLayer(`${config.activation} ${i}`, fn));
    fanIn = config.width;
  }
  layers.push(new Dense("output", fanIn, CLASS_COUNT, initDense(fanIn, CLASS_COUNT, config.init, random)));
  return new Sequential(layers);
}
