// The optimizers page's live comparison: the optimizer and its hyperparameters from the engine's registry, on
// the study's remedy network (sigmoid, N(0, 0.05²) weights), against the baseline (SGD, η = 0.01); one preset
// per optimizer with PyTorch's defaults (the SGD family at the study's η = 0.01).
import {kindsOf} from "../engine/options.js";
import {OPTIMIZERS} from "../engine/optimizers.js";
import {presetByName} from "../engine/presets.js";
import type {OptimizerConfig, OptimizerKind} from "../engine/types.js";
import type {RemedyPreset, RemedySpec, RemedyValues} from "./remedy-spec.js";
import {hideUnusedControls, kindControl, optionControl, strategyFromValues} from "./strategy-controls.js";

export const OPTIMIZER_KINDS: readonly OptimizerKind[] = kindsOf(OPTIMIZERS);

/** The study's experiment 5: Adam (η = 0.001) on N(0, 0.05²) weights; the page changes only the optimizer. */
const ADAM = presetByName("adam").config;
const BASELINE_LR = presetByName("baseline").config.optimizer.learningRate;

/** Every option some optimizer has, in the order the sliders show. */
export const OPTIMIZER_OPTIONS = [
  "learningRate",
  "momentum",
  "alpha",
  "beta1",
  "beta2",
  "eps",
  "weightDecay"
] as const;
type OptionName = (typeof OPTIMIZER_OPTIONS)[number];

/** The first registry spec of each option: options of the same name share their label and bounds. */
const optionSpec = (name: OptionName) => {
  const kind = OPTIMIZER_KINDS.find((k) => name in OPTIMIZERS[k].options)!;
  return (OPTIMIZERS[kind].options as Record<string, (typeof OPTIMIZERS)["adam"]["options"]["eps"]>)[name]!;
};
/** The optimizers that have `name`, for its help line. */
const usedBy = (name: OptionName) =>
  OPTIMIZER_KINDS.filter((k) => name in OPTIMIZERS[k].options)
    .map((k) => OPTIMIZERS[k].label)
    .join(", ");

export function optimizerFromValues(values: RemedyValues): OptimizerConfig {
  return strategyFromValues<OptimizerConfig>(OPTIMIZERS, values.optimizer as OptimizerKind, values);
}

/** "Adam, η 0.001", "Momentum, η 0.01". */
export function optimizerLabel(config: OptimizerConfig): string {
  return `${OPTIMIZERS[config.kind].label}, η ${Number(config.learningRate.toPrecision(3))}`;
}

/** Each optimizer with PyTorch's defaults, except that the SGD family keeps the study's η = 0.01. */
export const OPTIMIZER_PRESETS: readonly RemedyPreset[] = OPTIMIZER_KINDS.map((kind) => {
  const options = OPTIMIZERS[kind].options as Record<string, {default: number}>;
  const values: RemedyValues = {optimizer: kind};
  for (const [name, option] of Object.entries(options)) values[name] = option.default;
  if (kind === "sgd" || kind === "momentum" || kind === "nesterov") values.learningRate = BASELINE_LR;
  return {label: optimizerLabel(optimizerFromValues(values)), values};
});

const adamDefault = (name: OptionName): number =>
  (ADAM.optimizer as unknown as Record<string, number>)[name] ?? optionSpec(name).default;

const HELP: Record<OptionName, string> = {
  learningRate: "The step size η (log slider).",
  momentum: "How much of the previous step each step keeps.",
  alpha: "How slowly RMSprop's running mean of g² forgets.",
  beta1: "How slowly Adam's running mean of g forgets.",
  beta2: "How slowly Adam's running mean of g² forgets: the per-weight scale each step is divided by.",
  eps: "Added to the divisor √v so a weight with no gradient is not divided by 0 (log slider).",
  weightDecay: "AdamW's pull of every weight towards 0, per step η·λ."
};
/** Slider ranges where the registry's bound is open or too wide: η above 0, ε on a log scale. */
const RANGES: Partial<Record<OptionName, [number, number]>> = {learningRate: [1e-4, 1], eps: [1e-10, 1e-2]};
const STEPS: Partial<Record<OptionName, number>> = {
  momentum: 0.001,
  alpha: 0.0001,
  beta1: 0.001,
  beta2: 0.0001
};

export const OPTIMIZERS_SPEC: RemedySpec = {
  remedyLabel: (values) => optimizerLabel(optimizerFromValues(values)),
  baselineLabel: `Baseline (SGD, η ${BASELINE_LR})`,
  controls: {
    optimizer: kindControl(OPTIMIZERS, {
      label: "Optimizer",
      help: "The update rule; the network is the study's sigmoid one on N(0, 0.05²) weights.",
      value: ADAM.optimizer.kind
    }),
    ...Object.fromEntries(
      OPTIMIZER_OPTIONS.map((name) => [
        name,
        optionControl(optionSpec(name), {
          help: `${HELP[name]} (${usedBy(name)})`,
          value: adamDefault(name),
          range: RANGES[name],
          step: STEPS[name]
        })
      ])
    )
  },
  remedy: (values) => ({init: ADAM.init, optimizer: optimizerFromValues(values)}),
  // From the reference Adam run: training accuracy sat at ~20% from step ~70 to step ~500 and passed 50% by step
  // ~740. 20,000 images (36 steps an epoch) for 25 epochs is 900 steps per run.
  budget: {trainSize: 20000, epochs: 25},
  presets: OPTIMIZER_PRESETS
};

/** Shows the sliders of the chosen optimizer's options only. */
export const showOptimizerOptions = (element: ParentNode, values: RemedyValues) =>
  hideUnusedControls(element, OPTIMIZERS, values.optimizer as OptimizerKind, OPTIMIZER_OPTIONS);
