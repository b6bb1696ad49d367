// The layer-wise training page's live comparison: the study's staged schedule (blocks of 2, 2, 2, 1 hidden
// layers, six stages, N(0, 0.05²) weights, SGD 0.01) with a new head every stage, as the study's code does, or with
// the head kept in the two stages that only unfreeze; by default both train beside the baseline. The live budget's
// epochs are shared out over the six stages (withBudget), so every stage trains and reports its accuracy.
import {presetByName} from "../engine/presets.js";
import type {TrainConfig} from "../engine/types.js";
import {CONTROL_PARAMS, withBudget} from "./controls.js";
import {listControl, type RemedyPreset, type RemedySpec, type RemedyValues} from "./remedy-spec.js";
import type {RunSpec} from "./run-specs.js";

/** The two head variants, each one of the engine's presets. */
export const HEAD_VARIANTS = ["new", "keep"] as const;
export type HeadVariant = (typeof HEAD_VARIANTS)[number];
const PRESET_OF: Record<HeadVariant, string> = {new: "layerwise", keep: "layerwise-keep-head"};
const HEAD_TEXT: Record<HeadVariant, string> = {
  new: "A new head every stage (the study's)",
  keep: "Keep the head when a stage only unfreezes"
};
/** The run's name in cards, legends and the stage timeline. */
export const HEAD_LABEL: Record<HeadVariant, string> = {
  new: "Layer-wise, new head each stage",
  keep: "Layer-wise, head kept"
};
/** Short names for the timeline's rows and the profile legends, where a card title is too long. */
export const HEAD_SHORT: Record<HeadVariant, string> = {new: "New head", keep: "Head kept"};

/** Train the other head variant beside the chosen one, or not. */
export const COMPARE_MODES = ["both", "one"] as const;
const COMPARE_TEXT: Record<(typeof COMPARE_MODES)[number], string> = {
  both: "Both head variants, and the baseline",
  one: "The chosen head variant, and the baseline"
};

/**
 * The live runs' η. At the study's 0.01 the reference run's first stage needed about 1,000 steps to pass 30%
 * validation accuracy; at 0.3 the live first stage gets there in about 100.
 */
export const LIVE_LR = 0.3;
/** The study's η, for the preset that restores it. */
export const STUDY_LR = presetByName("layerwise").config.optimizer.learningRate;

const headOf = (values: RemedyValues): HeadVariant => (values.head === "keep" ? "keep" : "new");

/**
 * Head variant `head`'s staged config on `base`'s budget: the preset's init, blocks and stage table, the base's
 * images and total epochs shared out over the stages.
 */
export function stagedConfig(head: HeadVariant, base: TrainConfig): TrainConfig {
  const preset = presetByName(PRESET_OF[head]).config;
  return withBudget({...base, init: preset.init, layerwise: preset.layerwise}, base.trainSize, base.epochs);
}

/** With ?compare=both, the other head variant, on the same budget, seeds and data as the chosen one. */
export function otherHead(values: RemedyValues, remedy: TrainConfig): RunSpec[] {
  if (values.compare !== "both") return [];
  const other: HeadVariant = headOf(values) === "new" ? "keep" : "new";
  return [{label: HEAD_LABEL[other], config: stagedConfig(other, remedy)}];
}

/** A run's short name from its label ("Head kept"; "Baseline" for the baseline), for legends and the timeline. */
export function shortOf(label: string): string {
  const head = HEAD_VARIANTS.find((h) => HEAD_LABEL[h] === label);
  return head ? HEAD_SHORT[head] : label === LAYERWISE_SPEC.baselineLabel ? "Baseline" : label;
}

export const LAYERWISE_PRESETS: readonly RemedyPreset[] = [
  ...HEAD_VARIANTS.map((head) => ({label: HEAD_TEXT[head], values: {head}})),
  {label: `The study's η = ${STUDY_LR}`, values: {lr: STUDY_LR}}
];

export const LAYERWISE_SPEC: RemedySpec = {
  remedyLabel: (values) => HEAD_LABEL[headOf(values)],
  baselineLabel: "Baseline (all layers at once)",
  controls: {
    head: listControl(HEAD_VARIANTS, HEAD_TEXT, {
      label: "Head",
      help: "The output layer each stage trains with: a freshly initialised one every stage, as the study's code does, or the previous stage's kept when a stage only unfreezes.",
      value: "new"
    }),
    lr: {
      label: "Learning rate η",
      help: "SGD's step size, for every run, the baseline too. The study's 0.01 needs thousands of steps per stage; the live default is larger so each stage ends somewhere in minutes.",
      param: CONTROL_PARAMS.lr,
      value: LIVE_LR,
      input: "log"
    },
    compare: listControl(COMPARE_MODES, COMPARE_TEXT, {
      label: "Compare",
      help: "Train the other head variant beside the chosen one (three runs at once, slower), or only the chosen one.",
      value: "both"
    })
  },
  shared: (values) => ({optimizer: {kind: "sgd", learningRate: Number(values.lr)}}),
  remedy: (values, base) => stagedConfig(headOf(values), base),
  variants: otherHead,
  // 10,000 images (18 steps an epoch) for 36 epochs, 6 per stage: 648 steps per run. In a Node run of these
  // defaults the first stage reached 31% test accuracy; the later stages need more than 108 steps each.
  budget: {trainSize: 10000, epochs: 36},
  presets: LAYERWISE_PRESETS
};
