import * as tf from "@tensorflow/tfjs-core";
import type {Activation} from "./activations.js";
import type {Dense} from "./dense.js";
import type {Backward, Buffer, Layer, Mode, Param} from "./layer.js";

/** The name of the network's input value in its wiring. */
export const INPUT = "input";

/**
 * One step of the network's wiring, in evaluation order. Values are named, so a residual connection is just
 * an "add" node reading two earlier values: the wiring says where every skip sits, nothing is inferred.
 */
export type WiringNode =
  | {kind: "layer"; layer: Layer; input: string; output: string}
  | {kind: "add"; inputs: readonly [string, string]; output: string};

/**
 * A layer the probes measure, declared by the model builder: the Dense whose weights and weight gradient are
 * tracked, and the activation layer that follows it (its input z and output h give the activation statistics),
 * or null for the output layer.
 */
export interface ProbePoint {
  name: string;
  dense: Dense;
  activation: {layer: Layer; fn: Activation} | null;
}

/** What one forward call leaves for the step: logits, the probed activations, and the way back. */
export interface ForwardPass {
  logits: tf.Tensor2D;
  /** Input and output of every layer a probe point names as its activation. */
  traces: ReadonlyMap<Layer, {x: tf.Tensor2D; y: tf.Tensor2D}>;
  /**
   * ∂L/∂logits → ∂L/∂p for every trainable param (frozen params are absent: never computed). With `plain`, the
   * network's gradient rewriters are passed through as the identities they are in the forward pass, so the result
   * is the true gradient of the loss (a probe of what the rewriting changed; the pass can run twice).
   */
  backward(dLogits: tf.Tensor2D, options?: {plain?: boolean}): Map<Param, tf.Tensor>;
}

/** A network as declared wiring over layers it does not own (the model that built it frees them). */
export class Network {
  readonly layers: readonly Layer[];
  readonly params: readonly Param[];
  readonly buffers: readonly Buffer[];
  private readonly traced: ReadonlySet<Layer>;

  constructor(
    readonly wiring: readonly WiringNode[],
    readonly probes: readonly ProbePoint[],
    readonly output: string,
    /**
     * Layers that are identities forward and rewrite the gradient backward (the study's gradient normalization),
     * declared by the model builder.
     */
    readonly gradientRewriters: readonly Layer[] = []
  ) {
    this.layers = wiring.flatMap((node) => (node.kind === "layer" ? [node.layer] : []));
    this.params = this.layers.flatMap((layer) => layer.params);
    this.buffers = this.layers.flatMap((layer) => layer.buffers);
    this.traced = new Set(probes.flatMap((probe) => (probe.activation ? [probe.activation.layer] : [])));
  }

  /**
   * For each value, whether a trainable param lies on a path from the input to it: only then does the backward
   * pass need the gradient with respect to that value. So backpropagation stops below the lowest trainable
   * layer, and a stage with frozen lower blocks costs less than a full step.
   */
  private trainableBelow(): Map<string, boolean> {
    const below = new Map<string, boolean>([[INPUT, false]]);
    for (const node of this.wiring) {
      if (node.kind === "layer") {
        const own = node.layer.params.some((p) => p.trainable);
        below.set(node.output, own || below.get(node.input)!);
      } else {
        below.set(
          node.output,
          node.inputs.some((input) => below.get(input)!)
        );
      }
    }
    return below;
  }

  forward(x: tf.Tensor2D, mode: Mode): ForwardPass {
    const values = new Map<string, tf.Tensor2D>([[INPUT, x]]);
    const backwards: (Backward | null)[] = [];
    const traces = new Map<Layer, {x: tf.Tensor2D; y: tf.Tensor2D}>();
    for (const node of this.wiring) {
      if (node.kind === "layer") {
        const input = values.get(node.input)!;
        const pass = node.layer.forward(input, mode);
        values.set(node.output, pass.y);
        backwards.push(pass.backward);
        if (this.traced.has(node.layer)) traces.set(node.layer, {x: input, y: pass.y});
      } else {
        values.set(node.output, tf.add(values.get(node.inputs[0])!, values.get(node.inputs[1])!));
        backwards.push(null);
      }
    }
    const backward = (dLogits: tf.Tensor2D, options: {plain?: boolean} = {}) =>
      this.backward(backwards, dLogits, options.plain ? new Set(this.gradientRewriters) : new Set());
    return {logits: values.get(this.output)!, traces, backward};
  }

  private backward(
    backwards: readonly (Backward | null)[],
    dLogits: tf.Tensor2D,
    passThrough: ReadonlySet<Layer>
  ): Map<Param, tf.Tensor> {
    const below = this.trainableBelow();
    const dValues = new Map<string, tf.Tensor2D>([[this.output, dLogits]]);
    // A value read by two nodes (the input of a residual block) receives the sum of both gradients.
    const accumulate = (name: string, g: tf.Tensor2D) => {
      const existing = dValues.get(name);
      dValues.set(name, existing ? tf.add(existing, g) : g);
    };
    const grads = new Map<Param, tf.Tensor>();
    for (let i = this.wiring.length - 1; i >= 0; i--) {
      const node = this.wiring[i]!;
      const dy = dValues.get(node.output);
      if (!dy) continue;
      if (node.kind === "add") {
        for (const input of node.inputs) if (below.get(input)) accumulate(input, dy);
        continue;
      }
      const needInput = below.get(node.input)!;
      if (passThrough.has(node.layer)) {
        if (needInput) accumulate(node.input, dy);
        continue;
      }
      if (!needInput && !node.layer.params.some((p) => p.trainable)) continue;
      const {dx, grads: layerGrads} = backwards[i]!(dy, needInput);
      node.layer.params.forEach((param, p) => {
        const grad = layerGrads[p];
        if (param.trainable && grad) grads.set(param, grad);
      });
      if (dx) accumulate(node.input, dx);
    }
    return grads;
  }
}
