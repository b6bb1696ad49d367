// One playground configuration as flat settings (what its controls and its URL parameters hold) and the
// TrainConfig they stand for, both ways. Settings: depth, width, each strategy family's kind and options
// (playground-families.ts), skip connections (none, the study's, or residual blocks of k layers), the layer-wise
// schedule (none, the study's with a new head each stage, or keeping the head), batch, epochs, training images,
// validation share, the init and data seeds and the snapshot interval (0: about 60 snapshots per run).
// settingsFromConfig(c) is exact: configFromSettings(settingsFromConfig(c)) deep-equals c, or it throws.
import {BASELINE_CONFIG} from "../engine/config.js";
import {presetByName, residualSkips, studyStages} from "../engine/presets.js";
import type {LayerwiseConfig, SkipConnection, TrainConfig} from "../engine/types.js";
import {withBudget} from "./controls.js";
import {CONFIG_CONTROLS, STRUCTURE_CONTROLS} from "./playground-controls.js";
import {FAMILIES, optionDefault, optionKey, type Family} from "./playground-families.js";
import type {RemedyValues} from "./remedy-spec.js";

export type Settings = RemedyValues;

/** The study's experiment 7: h1 + h3 and h4 + h7. */
export const STUDY_SKIPS: readonly SkipConnection[] = presetByName("skip").config.skips;

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
