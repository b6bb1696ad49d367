// The activations page's live comparison: the activation from the engine's registry (its one numeric option,
// where it has one, as a slider), on the study's remedy network (N(0, 0.05²) weights, SGD 0.01), against the
// baseline; and every activation's curve for the plot of φ and φ′.
import {activationCurve, type CurvePoint} from "../engine/activation-scalars.js";
import {ACTIVATIONS} from "../engine/activations.js";
import {kindsOf} from "../engine/options.js";
import {presetByName} from "../engine/presets.js";
import type {ActivationConfig, ActivationName} from "../engine/types.js";
import type {RemedySpec, RemedyValues} from "./remedy-spec.js";
import {hideUnusedControls, kindControl, optionControl, strategyFromValues} from "./strategy-controls.js";

export const ACTIVATION_KINDS: readonly ActivationName[] = kindsOf(ACTIVATIONS);

/** The study's experiment 4: ReLU on N(0, 0.05²) weights; the page changes only the activation. */
const RELU = presetByName("relu").config;

/** The options some activation has (leaky ReLU's slope, ELU's α): one slider each, shown for its activation. */
export const ACTIVATION_OPTIONS = ["slope", "alpha"] as const;

export function activationFromValues(values: RemedyValues): ActivationConfig {
  return strategyFromValues<ActivationConfig>(ACTIVATIONS, values.activation as ActivationName, values);
}

const two = (x: number) => String(Number(x.toPrecision(2)));

/** "ReLU", "Leaky ReLU, slope 0.01", "ELU, α 1". */
export function activationLabel(config: ActivationConfig): string {
  const {label, options} = ACTIVATIONS[config.kind] as {
    label: string;
    options: Record<string, {label: string}>;
  };
  const parts = Object.keys(options).map(
    (name) =>
      `${options[name]!.label.replace(/^Negative /, "").toLowerCase()} ${two(Number((config as Record<string, unknown>)[name]))}`
  );
  return [label, ...parts].join(", ");
}

/** Each activation at its registry defaults (PyTorch's), for the plot of every φ and φ′. */
export function everyActivationCurve(range = {from: -4, to: 4}): {label: string; points: CurvePoint[]}[] {
  return ACTIVATION_KINDS.map((kind) => {
    const options = ACTIVATIONS[kind].options as Record<string, {default: number}>;
    const config = {kind, ...Object.fromEntries(Object.entries(options).map(([k, o]) => [k, o.default]))};
    const label = kind === "maxout" ? "Maxout (drawn as |z|)" : activationLabel(config as ActivationConfig);
    return {label, points: activationCurve(config as ActivationConfig, range)};
  });
}

export const ACTIVATIONS_SPEC: RemedySpec = {
  remedyLabel: (values) => activationLabel(activationFromValues(values)),
  baselineLabel: "Baseline (sigmoid)",
  controls: {
    activation: kindControl(ACTIVATIONS, {
      label: "Activation",
      help: "φ in every hidden layer; the weights start at N(0, 0.05²) and SGD keeps η = 0.01, as in the study.",
      value: "relu"
    }),
    slope: optionControl(ACTIVATIONS["leaky-relu"].options.slope, {
      help: "Leaky ReLU's slope for z < 0: the gradient a switched-off unit still passes back.",
      value: ACTIVATIONS["leaky-relu"].options.slope.default,
      step: 0.01
    }),
    alpha: optionControl(ACTIVATIONS.elu.options.alpha, {
      help: "ELU's level for very negative z (−α): larger α, a longer slope below 0.",
      value: ACTIVATIONS.elu.options.alpha.default,
      range: [0.1, 10],
      step: 0.1
    })
  },
  remedy: (values) => ({init: RELU.init, activation: activationFromValues(values)}),
  // From the reference ReLU run: training accuracy stayed within a few points of chance for ~1,900 steps and
  // passed 30% by step ~2,200. 20,000 images (36 steps an epoch) for 70 epochs is 2,520 steps per run.
  budget: {trainSize: 20000, epochs: 70}
};

/** Shows the slider of the chosen activation's option only. */
export const showActivationOptions = (element: ParentNode, values: RemedyValues) =>
  hideUnusedControls(element, ACTIVATIONS, values.activation as ActivationName, ACTIVATION_OPTIONS);
