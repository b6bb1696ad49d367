// One playground configuration as flat settings (what its controls and its URL parameters hold) and the
// TrainConfig they stand for, both ways. Settings: depth, width, each strategy family's kind and options
// (playground-families.ts), skip connections (none, the study's, or residual blocks of k layers), the layer-wise
// schedule (none, the study's with a new head each stage, or keeping the head), batch, epochs, training images,
// validation share, the init and data seeds and the snapshot interval (0: about 60 snapshots per run).
// settingsFromConfig(c) is exact: configFromSettings(settingsFromConfig(c)) deep-equals c, or it throws.
import {BASELINE_CONFIG, LIMITS} from "../engine/config.js";
import {kindsOf} from "../engine/options.js";
import {presetByName, residualSkips, studyStages} from "../engine/presets.js";
import type {LayerwiseConfig, SkipConnection, TrainConfig} from "../engine/types.js";
import {CONTROL_PARAMS, withBudget} from "./controls.js";
import {FAMILIES, familyOptions, optionDefault, optionKey, type Family} from "./playground-families.js";
import {listControl, type ControlSpec, type RemedyValues} from "./remedy-spec.js";

export type Settings = RemedyValues;

export const SKIP_CHOICES = ["none", "study", "residual"] as const;
export const LAYERWISE_CHOICES = ["none", "new-head", "keep-head"] as const;
/** The study's experiment 7: h1 + h3 and h4 + h7. */
export const STUDY_SKIPS: readonly SkipConnection[] = presetByName("skip").config.skips;

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
      `${family.label}: ${name}.`,
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

/** Four blocks of layers as even as possible, the longer first: depth 7 → 2, 2, 2, 1 (the study's). */
export const fourBlocks = (depth: number) =>
  Array.from({length: 4}, (_, i) => Math.floor(depth / 4) + (i < depth % 4 ? 1 : 0));

function strategy(family: Family, settings: Settings): Record<string, number | string> {
  const kind = String(settings[family.key]);
  const options = Object.keys(family.registry[kind]?.options ?? {});
  return Object.assign(
    {kind},
    ...options.map((name) => ({
      [name]: Number(settings[optionKey(family, name)] ?? optionDefault(family, kind, name))
    }))
  );
}

/** The defaults of the settings that are not a strategy's option (those depend on the kind: optionDefault). */
const DEFAULTS: Settings = Object.fromEntries(
  Object.entries({
    ...STRUCTURE_CONTROLS,
    ...Object.fromEntries(FAMILIES.map((f) => [f.key, CONFIG_CONTROLS[f.key]!]))
  }).map(([k, c]) => [k, c.value])
);

export function configFromSettings(partial: Settings): TrainConfig {
  const s = {...DEFAULTS, ...partial};
  const depth = Number(s.depth);
  const skips =
    s.skip === "study"
      ? [...STUDY_SKIPS]
      : s.skip === "residual"
        ? residualSkips(depth, Number(s["skip-k"]))
        : [];
  const layerwise: LayerwiseConfig | null =
    s.lw === "none"
      ? null
      : {
          blockSizes: fourBlocks(depth),
          headInit: {kind: "pytorch-default"},
          stages: studyStages(1, s.lw === "keep-head")
        };
  const config = withBudget(
    {
      ...BASELINE_CONFIG,
      ...Object.fromEntries(FAMILIES.map((f) => [f.field, strategy(f, s)])),
      depth,
      width: Number(s.width),
      skips,
      layerwise,
      batchSize: Number(s.batch),
      validationFraction: Number(s.val),
      seeds: {init: Number(s.seed), data: Number(s.dseed)}
    },
    Number(s.train),
    Number(s.epochs)
  );
  return Number(s.every) > 0 ? {...config, snapshotEvery: Number(s.every)} : config;
}

/** Deep equality of plain data, whatever the order of object keys. */
export function same(a: unknown, b: unknown): boolean {
  const sorted = (_: string, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
      : v;
  return JSON.stringify(a, sorted) === JSON.stringify(b, sorted);
}

/** The settings of `config`; throws if the playground cannot express it (skips in another pattern, …). */
export function settingsFromConfig(config: TrainConfig): Settings {
  const s: Settings = {
    depth: config.depth,
    width: config.width,
    batch: config.batchSize,
    epochs: config.epochs,
    train: config.trainSize,
    val: config.validationFraction,
    seed: config.seeds.init,
    dseed: config.seeds.data,
    skip: config.skips.length === 0 ? "none" : same(config.skips, STUDY_SKIPS) ? "study" : "residual",
    "skip-k": DEFAULTS["skip-k"]!,
    lw: !config.layerwise
      ? "none"
      : config.layerwise.stages.every((stage) => stage.newHead)
        ? "new-head"
        : "keep-head"
  };
  for (const family of FAMILIES)
    for (const [name, value] of Object.entries(config[family.field]))
      s[name === "kind" ? family.key : optionKey(family, name)] = value;
  if (s.skip === "residual") {
    const k = Array.from({length: config.depth}, (_, i) => i + 1).find((k) =>
      same(residualSkips(config.depth, k), config.skips)
    );
    if (k) s["skip-k"] = k;
  }
  const every = withBudget(config, config.trainSize, config.epochs).snapshotEvery;
  s.every = config.snapshotEvery === every ? 0 : config.snapshotEvery;
  const back = configFromSettings(s);
  const differ = (Object.keys(config) as (keyof TrainConfig)[]).filter(
    (key) => !same(back[key], config[key])
  );
  if (differ.length) throw new Error(`the playground cannot express this config's ${differ.join(", ")}`);
  return s;
}

/** Every setting at its default: the study's baseline on the live budget. */
export const DEFAULT_SETTINGS: Readonly<Settings> = settingsFromConfig(configFromSettings({}));
