import {createActivation, type Activation} from "./activations.js";
import {ActivationLayer} from "./activation-layer.js";
import {Dense} from "./dense.js";
import {createGradientNormLayer} from "./gradient-norm.js";
import {initDense} from "./init.js";
import type {Layer} from "./layer.js";
import {INPUT, Network, type ProbePoint, type WiringNode} from "./network.js";
import {createNormalization} from "./normalization.js";
import type {Random} from "./random.js";
import type {InitConfig, SkipConnection, TrainConfig} from "./types.js";

export const INPUT_SIZE = 784;
export const CLASS_COUNT = 10;

/** One hidden layer as the study builds it: Dense → [normalization] → activation → [gradient normalization]. */
export interface HiddenUnit {
  /** 1-based, from the input side. */
  index: number;
  dense: Dense;
  norm: Layer | null;
  activation: ActivationLayer;
  fn: Activation;
  gradientNorm: Layer | null;
}

export type ModelConfig = Pick<
  TrainConfig,
  "depth" | "width" | "activation" | "init" | "normalization" | "gradientNorm" | "skips"
>;

const unitLayers = (unit: HiddenUnit): Layer[] =>
  [unit.dense, unit.norm, unit.activation, unit.gradientNorm].filter(
    (layer): layer is Layer => layer !== null
  );

/**
 * The hidden units, initialised in order from the input side from one seeded stream (so the same seed gives
 * the same weights on every backend). Maxout's Dense layer has `pieces` outputs per unit.
 */
export function buildHiddenUnits(config: ModelConfig, random: Random): HiddenUnit[] {
  const fn = createActivation(config.activation);
  const units: HiddenUnit[] = [];
  let fanIn = INPUT_SIZE;
  for (let index = 1; index <= config.depth; index++) {
    const fanOut = config.width * fn.pieces;
    const init = initDense(fanIn, fanOut, config.init, random, fn.gain);
    units.push({
      index,
      dense: new Dense(`hidden ${index}`, fanIn, fanOut, init),
      norm: createNormalization(config.normalization, fanOut, `norm ${index}`),
      activation: new ActivationLayer(`${config.activation.kind} ${index}`, fn),
      fn,
      gradientNorm: createGradientNormLayer(config.gradientNorm, `gradient norm ${index}`)
    });
    fanIn = config.width;
  }
  return units;
}

/**
 * A classification head: Dense(fanIn → 10 logits). No nonlinearity follows it, so He init uses PyTorch's
 * "linear" gain 1 here (the gain belongs to the nonlinearity after a layer).
 */
export function buildHead(fanIn: number, init: InitConfig, random: Random): Dense {
  return new Dense("output", fanIn, CLASS_COUNT, initDense(fanIn, CLASS_COUNT, init, random, 1));
}

/**
 * The wiring of `units` then `head`. A skip {from, to} adds the value leaving unit `from` (its output, plus any
 * skip ending there) to the output of unit `to`; the sum feeds the next unit. For the study's experiment 7,
 * skips [{1, 3}, {4, 7}] give h1 = σ(L1 x); x = h1 + σ(L3 σ(L2 h1)); h4 = σ(L4 x); x = h4 + σ(L7 σ(L6 σ(L5 h4))).
 */
export function wireNetwork(
  units: readonly HiddenUnit[],
  head: Dense,
  skips: readonly SkipConnection[]
): Network {
  const wiring: WiringNode[] = [];
  const leaving = new Map<number, string>([[0, INPUT]]);
  let current = INPUT;
  for (const unit of units) {
    for (const layer of unitLayers(unit)) {
      const output = `${layer.name} out`;
      wiring.push({kind: "layer", layer, input: current, output});
      current = output;
    }
    for (const skip of skips.filter((s) => s.to === unit.index)) {
      const output = `skip ${skip.from}→${skip.to}`;
      wiring.push({kind: "add", inputs: [leaving.get(skip.from)!, current], output});
      current = output;
    }
    leaving.set(unit.index, current);
  }
  wiring.push({kind: "layer", layer: head, input: current, output: "logits"});
  const probes: ProbePoint[] = units.map((unit) => ({
    name: unit.dense.name,
    dense: unit.dense,
    activation: {layer: unit.activation, fn: unit.fn}
  }));
  probes.push({name: head.name, dense: head, activation: null});
  const rewriters = units.flatMap((unit) => (unit.gradientNorm ? [unit.gradientNorm] : []));
  return new Network(wiring, probes, "logits", rewriters);
}

/** Frees every param and buffer of the units. */
export function disposeUnits(units: readonly HiddenUnit[]): void {
  for (const unit of units) for (const layer of unitLayers(unit)) layer.dispose();
}
