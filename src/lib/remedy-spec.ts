// A remedy page's live comparison, declared: the controls it offers (bounds shared by the sliders and the URL,
// defaults, one line of help each), how their values turn the study's baseline into the remedy, and the live
// budget. Everything here is plain data and pure functions, so the mapping from URL to configs is tested; the
// DOM side is remedy-panel.ts.
import {BASELINE_CONFIG} from "../engine/config.js";
import type {TrainConfig} from "../engine/types.js";
import {CONTROL_PARAMS, withBudget} from "./controls.js";
import {MAX_RUNS, sideBySide, type RunSpec} from "./run-specs.js";
import {parseParams, type ParamSpec} from "./url-params.js";

export type ControlValue = number | string;
export type RemedyValues = Record<string, ControlValue>;

export interface ControlSpec {
  label: string;
  /** One line under the control: what it does to the network. */
  help: string;
  /** Allowed values, for the URL and the input alike. */
  param: ParamSpec;
  value: ControlValue;
  /**
   * A slider moving linearly or logarithmically over `param`'s range, a list of `param`'s values, or a number box
   * (for a range no slider can span, such as ε from 1e-12 to 1).
   */
  input: "range" | "log" | "select" | "number";
  /** Slider step (linear sliders only). */
  step?: number;
  /** A list entry's text. */
  format?: (value: string) => string;
}

/** A list of `values`, each shown as its text, with one line of help: the head, the paths, what to compare. */
export function listControl<V extends string>(
  values: readonly V[],
  texts: Record<V, string>,
  {label, help, value}: {label: string; help: string; value: V}
): ControlSpec {
  return {label, help, value, param: {kind: "choice", values}, input: "select", format: (v) => texts[v as V]};
}

export interface RemedyPreset {
  label: string;
  values: RemedyValues;
}

export interface RemedySpec {
  /** The run's name in cards and legends, from the settings ("N(0, 1²) init"). */
  remedyLabel(values: RemedyValues): string;
  baselineLabel?: string;
  /** The remedy's controls, in the order the page shows them; the URL uses the keys. */
  controls: Record<string, ControlSpec>;
  /** The remedy's config: what the settings change in the baseline (`base`, already on the live budget). */
  remedy(values: RemedyValues, base: TrainConfig): Partial<TrainConfig>;
  /** The live defaults: training images (before the 90/10 split) and epochs. */
  budget: {trainSize: number; epochs: number};
  /** Buttons that set several controls at once ("too small", "about right"). */
  presets?: readonly RemedyPreset[];
  /**
   * More runs to train beside the remedy, between it and the baseline (the other normalization layers, other
   * seeds): each a full config derived from `remedy`, so the page decides what differs. At most MAX_RUNS in all.
   */
  variants?(values: RemedyValues, remedy: TrainConfig): RunSpec[];
  /**
   * What the settings change in every run, the baseline included (a learning rate both sides use), applied
   * before `remedy`: the comparison still differs in the remedy alone.
   */
  shared?(values: RemedyValues): Partial<TrainConfig>;
}

/** The budget controls every remedy page has, after its own: the same bounds as the problem page's. */
export function budgetControls(budget: RemedySpec["budget"]): Record<string, ControlSpec> {
  return {
    train: {
      label: "Training images",
      help: "Images the runs train on (a tenth held out for validation); fewer finish sooner.",
      param: CONTROL_PARAMS.train,
      value: budget.trainSize,
      input: "range",
      step: 1000
    },
    epochs: {
      label: "Epochs",
      help: "Passes over those images. Both runs see the same images in the same order.",
      param: CONTROL_PARAMS.epochs,
      value: budget.epochs,
      input: "range",
      step: 1
    }
  };
}

/** Every control of the page: the remedy's, then the budget's. */
export function allControls(spec: RemedySpec): Record<string, ControlSpec> {
  return {...spec.controls, ...budgetControls(spec.budget)};
}

export function defaultValues(spec: RemedySpec): RemedyValues {
  return Object.fromEntries(Object.entries(allControls(spec)).map(([key, c]) => [key, c.value]));
}

/** Three significant digits: what a log slider shows, so the URL and the config hold the number the reader sees. */
const significant = (x: number) => Number(x.toPrecision(3));

/**
 * Values as the inputs report them, made canonical: log-slider values rounded to three significant digits,
 * integers rounded, everything clamped into its range. The URL, the configs and the labels all use these.
 */
export function normalizeValues(spec: RemedySpec, raw: RemedyValues): RemedyValues {
  return normalizeControlValues(allControls(spec), raw);
}

/** normalizeValues for any set of controls (the explorer's). */
export function normalizeControlValues(
  controls: Record<string, ControlSpec>,
  raw: RemedyValues
): RemedyValues {
  const out: RemedyValues = {};
  for (const [key, control] of Object.entries(controls)) {
    const value = raw[key] ?? control.value;
    const {param} = control;
    if (param.kind === "choice") {
      out[key] = param.values.includes(String(value)) ? String(value) : control.value;
      continue;
    }
    const x = Number(value);
    if (!Number.isFinite(x)) out[key] = control.value;
    else {
      const rounded = param.kind === "integer" ? Math.round(x) : control.input === "log" ? significant(x) : x;
      out[key] = Math.min(param.max, Math.max(param.min, rounded));
    }
  }
  return out;
}

/** `controls`' values from a URL: defaults overridden by valid parameters, a line for each ignored one. */
export function controlValuesFromUrl(
  controls: Record<string, ControlSpec>,
  search: string,
  extra: Record<string, ParamSpec> = {}
): {values: RemedyValues; extra: Partial<Record<string, ControlValue>>; problems: string[]} {
  const params: Record<string, ParamSpec> = Object.fromEntries(
    Object.entries(controls).map(([key, c]) => [key, c.param])
  );
  const {values: parsed, problems} = parseParams(search, {...params, ...extra});
  const values: RemedyValues = {};
  const others: Partial<Record<string, ControlValue>> = {};
  for (const [key, value] of Object.entries(parsed))
    if (value !== undefined) (key in params ? values : others)[key] = value;
  return {values: normalizeControlValues(controls, values), extra: others, problems};
}

/** The page's settings from its URL: defaults overridden by valid parameters, a line for each ignored one. */
export function valuesFromUrl(
  spec: RemedySpec,
  search: string
): {values: RemedyValues; autostart: boolean; problems: string[]} {
  const autostart: ParamSpec = {kind: "choice", values: ["0", "1"]};
  const parsed = controlValuesFromUrl(allControls(spec), search, {autostart});
  return {values: parsed.values, autostart: parsed.extra.autostart !== "0", problems: parsed.problems};
}

/**
 * `search` with `controls`' values written in: a value at its default is left out (a short link), every other
 * parameter (?backend=, ?worker=) is kept. controlValuesFromUrl(controls, controlSearch(controls, v, s)).values
 * gives v back.
 */
export function controlSearch(
  controls: Record<string, ControlSpec>,
  values: RemedyValues,
  search = ""
): string {
  const query = new URLSearchParams(search);
  for (const [key, value] of Object.entries(normalizeControlValues(controls, values))) {
    if (value === controls[key]!.value) query.delete(key);
    else query.set(key, String(value));
  }
  query.delete("autostart");
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** controlSearch for a remedy page's controls. `valuesFromUrl(spec, searchFor(spec, v, s)).values` gives v back. */
export function searchFor(spec: RemedySpec, values: RemedyValues, search = ""): string {
  return controlSearch(allControls(spec), values, search);
}

/** The study's baseline on the live budget: what every remedy is compared with. */
export function baselineConfig(values: RemedyValues): TrainConfig {
  return withBudget(BASELINE_CONFIG, Number(values.train), Number(values.epochs));
}

/**
 * The runs to start: the remedy first, then the spec's variants, then the baseline last. The remedy and the
 * baseline share seeds, images, data order and budget (sideBySide keeps those of the first run whatever the
 * second's config says); a variant differs from the remedy only where the spec says.
 */
export function remedyRuns(spec: RemedySpec, values: RemedyValues): RunSpec[] {
  const base = {...baselineConfig(values), ...spec.shared?.(values)};
  const [remedy, baseline] = sideBySide(
    {...base, ...spec.remedy(values, base)},
    [{label: spec.baselineLabel ?? "Baseline", change: base}],
    spec.remedyLabel(values)
  ) as [RunSpec, RunSpec];
  const runs = [remedy, ...(spec.variants?.(values, remedy.config) ?? []), baseline];
  if (runs.length > MAX_RUNS)
    throw new Error(`${runs.length} runs asked for; a page trains at most ${MAX_RUNS}`);
  return runs;
}
