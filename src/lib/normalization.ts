// The normalization page's live comparison: the normalization layer from the engine's registry (BatchNorm,
// the study's per-batch standardization, LayerNorm, or none) and its options, between each hidden Dense layer
// and its sigmoid on the study's remedy network (N(0, 0.05²) weights, SGD 0.01), against the baseline. By
// default the other two layers train beside it, so all three and the baseline run at once.
import {NORMALIZATIONS} from "../engine/normalization.js";
import {kindsOf} from "../engine/options.js";
import {presetByName} from "../engine/presets.js";
import type {NormalizationConfig, NormalizationKind, TrainConfig} from "../engine/types.js";
import {listControl, type RemedyPreset, type RemedySpec, type RemedyValues} from "./remedy-spec.js";
import {MAX_RUNS, type RunSpec} from "./run-specs.js";
import {hideUnusedControls, kindControl, optionControl, strategyFromValues} from "./strategy-controls.js";

export const NORMALIZATION_KINDS: readonly NormalizationKind[] = kindsOf(NORMALIZATIONS);

/** The study's experiment 6: BatchNorm before each sigmoid, on N(0, 0.05²) weights. */
const BATCHNORM = presetByName("batchnorm").config;
const DEFAULT = BATCHNORM.normalization as NormalizationConfig & {kind: "batchnorm"};

export const NORMALIZATION_OPTIONS = ["momentum", "eps"] as const;

export function normalizationFromValues(values: RemedyValues): NormalizationConfig {
  return strategyFromValues<NormalizationConfig>(
    NORMALIZATIONS,
    values.normalization as NormalizationKind,
    values
  );
}

/** "Batch norm", "Layer norm", "No normalization". */
export function normalizationLabel(config: NormalizationConfig): string {
  return config.kind === "none" ? "No normalization" : NORMALIZATIONS[config.kind].label;
}

/** The three layers the page compares. */
export const COMPARED_LAYERS = ["batchnorm", "standardize", "layernorm"] as const;

/** Whether the other compared layers train beside the chosen one. */
export const COMPARE_MODES = ["all", "one"] as const;
const COMPARE_TEXT: Record<(typeof COMPARE_MODES)[number], string> = {
  all: "All three layers, and the baseline",
  one: "The chosen layer, and the baseline"
};

/**
 * With ?compare=all, the compared layers other than the chosen one, each on the remedy's config with only its
 * normalization swapped (same options, seeds, data and budget). The baseline comes after them, so when the
 * chosen layer is "none" the last compared layer (LayerNorm) is left out to stay within MAX_RUNS.
 */
export function otherLayers(values: RemedyValues, remedy: TrainConfig): RunSpec[] {
  if (values.compare !== "all") return [];
  return COMPARED_LAYERS.filter((kind) => kind !== values.normalization)
    .slice(0, MAX_RUNS - 2)
    .map((kind) => {
      const normalization = normalizationFromValues({...values, normalization: kind});
      return {label: normalizationLabel(normalization), config: {...remedy, normalization}};
    });
}

/** The three layers, each at PyTorch's defaults. */
export const NORMALIZATION_PRESETS: readonly RemedyPreset[] = COMPARED_LAYERS.map((kind) => ({
  label: NORMALIZATIONS[kind].label,
  values: {normalization: kind, momentum: DEFAULT.momentum, eps: NORMALIZATIONS[kind].options.eps.default}
}));

export const NORMALIZATION_SPEC: RemedySpec = {
  remedyLabel: (values) => normalizationLabel(normalizationFromValues(values)),
  baselineLabel: "Baseline (no normalization)",
  controls: {
    normalization: kindControl(NORMALIZATIONS, {
      label: "Normalization",
      help: "The layer between each hidden Dense layer and its sigmoid; the weights start at N(0, 0.05²).",
      value: DEFAULT.kind
    }),
    momentum: optionControl(NORMALIZATIONS.batchnorm.options.momentum, {
      help: "BatchNorm's weight of each new batch in the running mean and variance used in evaluation.",
      value: DEFAULT.momentum,
      step: 0.01
    }),
    eps: optionControl(NORMALIZATIONS.batchnorm.options.eps, {
      help: "Added to the variance (or the std) so a unit that is constant over the batch is not divided by 0.",
      value: DEFAULT.eps,
      range: [1e-8, 0.1]
    }),
    compare: listControl(COMPARE_MODES, COMPARE_TEXT, {
      label: "Compare",
      help: "Train the other two layers beside the chosen one (four runs at once, slower), or only the chosen one.",
      value: "all"
    })
  },
  remedy: (values) => ({init: BATCHNORM.init, normalization: normalizationFromValues(values)}),
  variants: otherLayers,
  // From the reference BatchNorm run: training accuracy passed 50% by step 40 and 65% by step 80. 20,000 images
  // (36 steps an epoch) for 4 epochs is 144 steps per run.
  budget: {trainSize: 20000, epochs: 4},
  presets: NORMALIZATION_PRESETS
};

/**
 * Shows the sliders of the options of the layers training only: LayerNorm and standardization have no
 * momentum, so it hides when one of them trains alone (?compare=one).
 */
export const showNormalizationOptions = (element: ParentNode, values: RemedyValues) =>
  hideUnusedControls(
    element,
    NORMALIZATIONS,
    [values.normalization as NormalizationKind, ...(values.compare === "all" ? COMPARED_LAYERS : [])],
    NORMALIZATION_OPTIONS
  );
