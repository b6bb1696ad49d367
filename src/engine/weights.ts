// A network's trained weights as plain data (the playground's download), and back: read before a run frees its
// tensors, written into a fresh network to reproduce its outputs.
import * as tf from "@tensorflow/tfjs-core";
import type {Network} from "./network.js";
import type {LayerWeights, TrainedWeights, WeightTensor} from "./types.js";

export const WEIGHTS_LAYOUT =
  "layers in the order of the forward pass (input side first, the output layer last), named as in the run; " +
  "each tensor's values are row-major (C order) over its shape, float32 values. A dense layer computes y = x·W + b " +
  "with W of shape [fanIn, fanOut] (PyTorch's nn.Linear.weight is Wᵀ, [fanOut, fanIn]) and b of shape [fanOut]; " +
  "with maxout a hidden layer has 2 outputs per unit, unit u's pieces at columns 2u and 2u + 1. A normalization " +
  "layer has gamma and beta [width]; batch norm also runningMean and runningVar [width] (what evaluation uses). " +
  "Residual connections and activations have no weights: the run's config declares them.";

/** Reads every param and buffer of the network's layers (awaits the backend; the network stays as it is). */
export async function readWeights(network: Network): Promise<TrainedWeights> {
  const layers: LayerWeights[] = [];
  for (const layer of network.layers) {
    const tensors = [...layer.params, ...layer.buffers];
    if (tensors.length === 0) continue;
    layers.push({
      name: layer.name,
      tensors: await Promise.all(
        tensors.map(async ({name, value}) => ({
          name,
          shape: [...value.shape],
          values: Array.from(await value.data())
        }))
      )
    });
  }
  return {layout: WEIGHTS_LAYOUT, layers};
}

/**
 * Writes exported weights into a network of the same structure, matching layers and tensors by name; throws,
 * naming it, on a layer or tensor missing on either side or of another shape, before changing anything.
 */
export function loadWeights(network: Network, weights: TrainedWeights): void {
  const byName = new Map(weights.layers.map((layer) => [layer.name, layer]));
  const writes: [tf.Variable, WeightTensor][] = [];
  for (const layer of network.layers) {
    const targets = [...layer.params, ...layer.buffers];
    if (targets.length === 0) continue;
    const source = byName.get(layer.name);
    if (!source) throw new Error(`the weights have no layer "${layer.name}"`);
    byName.delete(layer.name);
    for (const {name, value} of targets) {
      const tensor = source.tensors.find((t) => t.name === name);
      const shape = tensor?.shape.join("×");
      if (!tensor || shape !== value.shape.join("×") || tensor.values.length !== value.size) {
        throw new Error(
          `${layer.name} ${name}: expected shape ${value.shape.join("×")}, got ${shape ?? "none"}`
        );
      }
      writes.push([value, tensor]);
    }
    if (source.tensors.length !== targets.length) {
      const extra = source.tensors.find((t) => !targets.some((target) => target.name === t.name));
      throw new Error(
        `${layer.name}: the weights hold ${extra?.name ?? "a tensor"}, which the network does not have`
      );
    }
  }
  if (byName.size > 0) throw new Error(`the network has no layer "${[...byName.keys()][0]}"`);
  for (const [variable, tensor] of writes) {
    tf.tidy(() => variable.assign(tf.tensor(tensor.values, tensor.shape)));
  }
}
