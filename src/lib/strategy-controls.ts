// Remedy-page controls taken from an engine registry: a list of the registry's kinds, and a slider per numeric
// option with the registry's label and bounds (narrowed where the registry's bound is open or too wide for a
// slider), so the page offers exactly what the engine accepts. Options that the chosen kind does not have stay
// in the URL but are hidden (hideUnusedControls), so the panel shows only what changes the run.
import type {NumberOption, Registry} from "../engine/options.js";
import type {ControlSpec, RemedyValues} from "./remedy-spec.js";

/** The list of a registry's kinds, each shown by its label. */
export function kindControl<K extends string>(
  registry: Registry<K>,
  {label, help, value}: {label: string; help: string; value: K}
): ControlSpec {
  return {
    label,
    help,
    param: {kind: "choice", values: Object.keys(registry)},
    value,
    input: "select",
    format: (kind) => registry[kind as K]?.label ?? kind
  };
}

/**
 * A slider over a registry option: its label, its scale, and its bounds narrowed to `range` (which must lie
 * inside them; an open lower bound such as a learning rate's 0 needs one, and so does a log scale).
 */
export function optionControl(
  option: NumberOption,
  {help, value, range, step}: {help: string; value: number; range?: [number, number]; step?: number}
): ControlSpec {
  const [min, max] = range ?? [option.min, option.max];
  const inside = min <= max && (option.minOpen ? min > option.min : min >= option.min) && max <= option.max;
  if (!inside || (option.scale === "log" && min <= 0))
    throw new Error(`${option.label}: range ${min}–${max} is outside the option's bounds`);
  if (value < min || value > max) throw new Error(`${option.label}: default ${value} outside ${min}–${max}`);
  return {
    label: option.label,
    help,
    param: {kind: "number", min, max},
    value,
    input: option.scale === "log" ? "log" : "range",
    ...(option.scale === "log" ? {} : {step: step ?? (max - min) / 100})
  };
}

/** The config of `kind` from the page's values: {kind, …its options}; C is the engine's config type. */
export function strategyFromValues<C extends {kind: string}>(
  registry: Registry<C["kind"]>,
  kind: C["kind"],
  values: RemedyValues
): C {
  const options = Object.keys(registry[kind].options);
  return Object.assign({kind}, ...options.map((name) => ({[name]: Number(values[name])}))) as C;
}

/**
 * Hides the panel rows (class control-<key>) of `optional` controls that none of `kinds` (the kinds training)
 * has an option for; the budget and the kind list are never in `optional`, so they always show.
 */
export function hideUnusedControls<K extends string>(
  element: ParentNode,
  registry: Registry<K>,
  kinds: K | readonly K[],
  optional: readonly string[]
): void {
  const list: readonly K[] = typeof kinds === "string" ? [kinds] : kinds;
  const used = new Set(list.flatMap((kind) => Object.keys(registry[kind].options)));
  for (const key of optional) {
    const row = element.querySelector<HTMLElement>(`.control-${key}`);
    if (row) row.hidden = !used.has(key);
  }
}
