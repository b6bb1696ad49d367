// The playground's strategy families: each TrainConfig field that holds a strategy (activation, init,
// normalization, optimizer, gradient normalization) with its engine registry and the short prefix its settings
// use. A family's settings are its kind (`opt=adam`) and one number per option of that kind (`opt-beta1=0.8`);
// everything comes from the registries, so a strategy or option added to the engine appears here by itself.
import {ACTIVATIONS} from "../engine/activations.js";
import {GRADIENT_NORMS} from "../engine/gradient-norm.js";
import {INIT_SCHEMES} from "../engine/init.js";
import {NORMALIZATIONS} from "../engine/normalization.js";
import {OPTIMIZERS} from "../engine/optimizers.js";
import {BASELINE_CONFIG} from "../engine/config.js";
import {kindsOf, type NumberOption, type Registry} from "../engine/options.js";
import type {TrainConfig} from "../engine/types.js";

export interface Family {
  /** The settings' (and URL's) prefix: `act`, `act-slope`. */
  key: string;
  /** The TrainConfig field the family's config goes to. */
  field: "activation" | "init" | "normalization" | "optimizer" | "gradientNorm";
  label: string;
  help: string;
  registry: Registry<string>;
}

export const FAMILIES: readonly Family[] = [
  {
    key: "act",
    field: "activation",
    label: "Activation",
    help: "After each hidden layer (and its normalization).",
    registry: ACTIVATIONS
  },
  {
    key: "init",
    field: "init",
    label: "Weight init",
    help: "How each dense layer's weights (and biases) start.",
    registry: INIT_SCHEMES
  },
  {
    key: "norm",
    field: "normalization",
    label: "Normalization",
    help: "Between each hidden dense layer and its activation.",
    registry: NORMALIZATIONS
  },
  {
    key: "opt",
    field: "optimizer",
    label: "Optimizer",
    help: "The update rule, with PyTorch's defaults for each of its options.",
    registry: OPTIMIZERS
  },
  {
    key: "gnorm",
    field: "gradientNorm",
    label: "Gradient normalization",
    help: "Rewriting the gradient on its way back.",
    registry: GRADIENT_NORMS
  }
];

/** The setting of one option of a family: `opt-learningRate`. */
export const optionKey = (family: Family, option: string) => `${family.key}-${option}`;

/** Every option any kind of the family has, once each, with the first kind's spec (kinds share bounds). */
export function familyOptions(family: Family): [string, NumberOption][] {
  const seen = new Map<string, NumberOption>();
  for (const kind of kindsOf(family.registry))
    for (const [name, option] of Object.entries(family.registry[kind]!.options))
      if (!seen.has(name)) seen.set(name, option);
  return [...seen];
}

/** The option of `kind` behind a setting, or undefined when that kind has no such option. */
export const kindOption = (family: Family, kind: string, option: string): NumberOption | undefined =>
  family.registry[kind]?.options[option];

export type StrategyField = Family["field"];
export type FamilyConfig = TrainConfig[StrategyField];

/**
 * The value an option of `kind` starts at: the study's baseline's where the baseline uses that kind (SGD at 0.01),
 * else the registry's default (PyTorch's).
 */
export function optionDefault(family: Family, kind: string, option: string): number | undefined {
  const baseline = BASELINE_CONFIG[family.field] as Record<string, number | string>;
  if (baseline.kind === kind && typeof baseline[option] === "number") return baseline[option];
  return kindOption(family, kind, option)?.default;
}

/**
 * A run's name from its config, what differs between playground runs most often: "Sigmoid, PyTorch default,
 * SGD η 0.01", plus the normalization, skips, gradient normalization and stages where there are any.
 */
export function configLabel(config: TrainConfig): string {
  const label = (family: Family) => {
    const strategy = config[family.field] as Record<string, number | string>;
    // The init's scale and the learning rate tell runs apart; other options rarely do.
    const first = ["init", "opt"].includes(family.key)
      ? Object.keys(family.registry[strategy.kind as string]!.options)[0]
      : undefined;
    return `${family.registry[strategy.kind as string]!.label}${first ? ` ${strategy[first]}` : ""}`;
  };
  const parts = FAMILIES.filter((f) => (config[f.field] as {kind: string}).kind !== "none").map(label);
  if (config.depth !== 7 || config.width !== 128) parts.unshift(`${config.depth}×${config.width}`);
  if (config.skips.length) parts.push(`skips ${config.skips.map((s) => `${s.from}→${s.to}`).join(" ")}`);
  if (config.layerwise)
    parts.push(
      `${config.layerwise.stages.length} stages${config.layerwise.stages.every((s) => s.newHead) ? "" : ", head kept"}`
    );
  return parts.join(", ");
}
