// The controls of one playground configuration, keyed by setting (playground-settings.ts): their bounds (the
// engine's LIMITS and registries, shared by the inputs and the URL), one line of help and the default each.
import {BASELINE_CONFIG, LIMITS} from "../engine/config.js";
import {kindsOf} from "../engine/options.js";
import {CONTROL_PARAMS} from "./controls.js";
import {FAMILIES, familyOptions, optionDefault, optionKey, type Family} from "./playground-families.js";
import {listControl, type ControlSpec} from "./remedy-spec.js";

export const SKIP_CHOICES = ["none", "study", "residual"] as const;
export const LAYERWISE_CHOICES = ["none", "new-head", "keep-head"] as const;
/** The live default: the study's baseline on 10,000 images for 3 epochs, a run of seconds to a minute. */
export const DEFAULT_BUDGET = {trainSize: 10000, epochs: 3};

const integer = (bounds: {min: number; max: number}) => ({kind: "integer" as const, ...bounds});
const box = (label: string, help: string, param: ControlSpec["param"], value: number): ControlSpec => ({
  label,
  help,
  param,
  value,
  input: "number"
});
const slider = (label: string, help: string, param: ControlSpec["param"], value: number, step = 1) => ({
  ...box(label, help, param, value),
  input: "range" as const,
  step
});
/** The settings that are not a strategy family's, with their bounds (LIMITS) and defaults (the baseline's). */
export const STRUCTURE_CONTROLS: Record<string, ControlSpec> = {
  depth: slider(
    "Hidden layers",
    "Dense layers between input and output.",
    integer(LIMITS.depth),
    BASELINE_CONFIG.depth
  ),
  width: slider(
    "Units per layer",
    "Width of every hidden layer.",
    integer(LIMITS.width),
    BASELINE_CONFIG.width
  ),
  skip: listControl(
    SKIP_CHOICES,
    {none: "None", study: "The study's (1→3, 4→7)", residual: "Residual blocks of k layers"},
    {
      label: "Skip connections",
      help: "Residual adds: none, the study's h1 + h3 and h4 + h7, or blocks of k layers.",
      value: "none"
    }
  ),
  "skip-k": slider(
    "Residual block length k",
    "Layers per residual block (with residual blocks).",
    integer({min: 1, max: LIMITS.depth.max - 1}),
    2
  ),
  lw: listControl(
    LAYERWISE_CHOICES,
    {
      none: "None: all layers together",
      "new-head": "The study's stages, a new head each stage",
      "keep-head": "The study's stages, head kept when only unfreezing"
    },
    {
      label: "Layer-wise training",
      help: "The study's six stages over four blocks of layers, or all layers together.",
      value: "none"
    }
  ),
  batch: box("Batch size", "Examples per step.", integer(LIMITS.batchSize), BASELINE_CONFIG.batchSize),
  epochs: box(
    "Epochs",
    "Passes over the images (in all, shared over the stages).",
    integer(LIMITS.epochs),
    DEFAULT_BUDGET.epochs
  ),
  train: slider(
    "Training images",
    "Images trained on, before the validation split.",
    CONTROL_PARAMS.train,
    DEFAULT_BUDGET.trainSize,
    1000
  ),
  val: box(
    "Validation share",
    "Share of those images held out.",
    {kind: "number", ...LIMITS.validationFraction},
    BASELINE_CONFIG.validationFraction
  ),
  seed: box("Init seed", "Seeds the initial weights.", integer(LIMITS.seed), BASELINE_CONFIG.seeds.init),
  dseed: box(
    "Data seed",
    "Seeds the split and the order of the batches: equal seeds, same batches.",
    integer(LIMITS.seed),
    BASELINE_CONFIG.seeds.data
  ),
  every: box(
    "Snapshot every (steps)",
    "How often the per-layer probes run; 0: about 60 snapshots per run.",
    integer({min: 0, max: LIMITS.snapshotEvery.max}),
    0
  )
};

/** A family's kind list and a number box per option of any of its kinds (shown for the kinds that have it). */
export function familyControls(family: Family): Record<string, ControlSpec> {
  const kind = (BASELINE_CONFIG[family.field] as {kind: string}).kind;
  const controls: Record<string, ControlSpec> = {
    [family.key]: {
      label: family.label,
      help: family.help,
      value: kind,
      param: {kind: "choice", values: kindsOf(family.registry)},
      input: "select",
      format: (k) => family.registry[k]?.label ?? k
    }
  };
  for (const [name, option] of familyOptions(family))
    controls[optionKey(family, name)] = box(
      option.label,
      `An option of the ${family.label.toLowerCase()}, from ${option.min}${option.minOpen ? " (excluded)" : ""} to ${option.max}.`,
      {kind: "number", min: option.min, max: option.max},
      optionDefault(family, kind, name) ?? option.default
    );
  return controls;
}

/** Every control of one configuration, keyed by setting. */
export const CONFIG_CONTROLS: Record<string, ControlSpec> = Object.assign(
  {},
  STRUCTURE_CONTROLS,
  ...FAMILIES.map(familyControls)
);
