// The initialization page's live comparison and its theory: the init scheme and its scale (from the engine's
// registry), the study's three scales as presets, and the mean-field prediction for whichever is chosen.
import {createActivation} from "../engine/activations.js";
import {INIT_SCHEMES} from "../engine/init.js";
import {initialisationOf, meanField, predictLayers, type Initialisation} from "../engine/mean-field.js";
import type {MeanFieldSummary, LayerPrediction} from "../engine/mean-field.js";
import {INPUT_SIZE} from "../engine/model.js";
import {kindsOf} from "../engine/options.js";
import type {InitConfig, InitKind, Snapshot, TrainConfig} from "../engine/types.js";
import type {RemedySpec, RemedyValues} from "./remedy-spec.js";

export const INIT_KINDS: readonly InitKind[] = kindsOf(INIT_SCHEMES);

/** The slider's range (the 0.01 to 20), inside every scheme's own bounds (above 0, at most 100). */
export const SCALE_RANGE = {min: 0.01, max: 20} as const;

/** The scheme's one numeric option (std, bound, gain or scale), or null for PyTorch's default, which has none. */
export function scaleOption(kind: InitKind): string | null {
  return Object.keys(INIT_SCHEMES[kind].options)[0] ?? null;
}

export function initFromValues(values: RemedyValues): InitConfig {
  const kind = values.scheme as InitKind;
  const option = scaleOption(kind);
  return (option ? {kind, [option]: Number(values.scale)} : {kind}) as InitConfig;
}

/** "N(0, 1²) init", "U(±0.1) init", "Orthogonal, gain 2", "PyTorch default init". */
export function initLabel(values: RemedyValues): string {
  const kind = values.scheme as InitKind;
  const option = scaleOption(kind);
  const s = Number(values.scale);
  if (kind === "normal") return `N(0, ${s}²) init`;
  if (kind === "uniform") return `U(±${s}) init`;
  if (!option) return `${INIT_SCHEMES[kind].label} init`;
  const options: Record<string, {label: string}> = INIT_SCHEMES[kind].options;
  return `${INIT_SCHEMES[kind].label}, ${options[option]!.label.toLowerCase()} ${s}`;
}

/** The study's experiments 2 and 3 and the remedies' N(0, 0.05²): the three scales the study tried. */
export const INIT_PRESETS = [
  {label: "Too small (0.05)", values: {scheme: "normal", scale: 0.05}},
  {label: "About right (1.0)", values: {scheme: "normal", scale: 1}},
  {label: "Too large (10.0)", values: {scheme: "normal", scale: 10}}
] as const;

export const INITIALIZATION_SPEC: RemedySpec = {
  remedyLabel: initLabel,
  baselineLabel: "Baseline",
  controls: {
    scheme: {
      label: "Scheme",
      help: "How the weights are drawn; the biases start at 0 except with PyTorch's default.",
      param: {kind: "choice", values: INIT_KINDS},
      value: "normal",
      input: "select",
      format: (kind) => INIT_SCHEMES[kind as InitKind].label
    },
    scale: {
      label: "Init scale",
      help: "The scheme's std, bound, gain or scale (log slider); PyTorch's default has none and ignores it.",
      param: {kind: "number", ...SCALE_RANGE},
      value: 1,
      input: "log"
    }
  },
  remedy: (values) => ({init: initFromValues(values)}),
  // From the reference run of N(0, 1²): training accuracy leaves chance within ~50 steps and passes 35% by
  // step 200 while the baseline stays at 10%. 20,000 images for 6 epochs is 216 steps per run.
  budget: {trainSize: 20000, epochs: 6},
  presets: INIT_PRESETS
};

/** FashionMNIST pixels scaled to [0, 1]: mean 0.286, std 0.353, so E[x²] ≈ 0.21 (what layer 1 receives). */
export const FASHION_MEAN_SQUARE = 0.21;

/**
 * σ_w² (fan-in n × weight variance) and σ_b² of a layer of n inputs and m outputs under `init`, for an
 * activation whose He gain is `gain`. Var W: normal std², uniform bound²/3, Xavier gain²·2/(n + m), He
 * (scale·gain)²/n, orthogonal gain²/max(n, m) (a matrix with orthonormal rows or columns of length max(n, m)).
 */
export function layerInitialisation(init: InitConfig, n: number, m: number, gain: number): Initialisation {
  switch (init.kind) {
    case "pytorch-default":
    case "normal":
      return initialisationOf(init, n);
    case "uniform":
      return {sigmaW2: (n * init.bound ** 2) / 3, sigmaB2: 0};
    case "xavier-normal":
    case "xavier-uniform":
      return {sigmaW2: (n * init.gain ** 2 * 2) / (n + m), sigmaB2: 0};
    case "he-normal":
    case "he-uniform":
      return {sigmaW2: (init.scale * gain) ** 2, sigmaB2: 0};
    case "orthogonal":
      return {sigmaW2: (n * init.gain ** 2) / Math.max(n, m), sigmaB2: 0};
  }
}

/** layerInitialisation of a hidden layer of `width` inputs and outputs. */
export const hiddenInitialisation = (init: InitConfig, width: number, gain: number): Initialisation =>
  layerInitialisation(init, width, width, gain);

export interface InitTheory {
  init: Initialisation;
  summary: MeanFieldSummary;
  layers: LayerPrediction[];
}

/** The mean-field picture of `config`'s hidden layers at initialisation (null for an activation without one). */
export function initTheory(config: TrainConfig): InitTheory | null {
  const activation = createActivation(config.activation);
  if (!activation.scalar) return null;
  const init = hiddenInitialisation(config.init, config.width, activation.gain);
  const summary = meanField(activation.scalar, init);
  const input = {meanSquare: FASHION_MEAN_SQUARE, size: INPUT_SIZE};
  const first = layerInitialisation(config.init, INPUT_SIZE, config.width, activation.gain);
  const layers = predictLayers(activation.scalar, init, config.depth, config.width, input, first);
  return {init, summary, layers};
}

/** Decades between the first and the last hidden layer's gradient norm: predicted, and measured in `snapshot`. */
export function theoryGap(theory: InitTheory, snapshot: Snapshot): {predicted: number; measured: number} {
  const hidden = snapshot.layers.filter((l) => l.activation !== null);
  return {
    predicted: theory.layers[0]!.log10RelativeGradient,
    measured: Math.log10(hidden[0]!.gradNorm / hidden.at(-1)!.gradNorm)
  };
}
