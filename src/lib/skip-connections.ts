// The skip-connections page's live comparison: which identity paths the study's remedy network (sigmoid,
// N(0, 0.05²) weights, SGD 0.01) gets, declared as the engine's `skips` list, against the baseline. The study's
// experiment 7 wired an irregular pattern (1→3, 4→7); a ResNet chains blocks of equal length; "none" keeps the
// small weights without any path, so the reader sees what the paths themselves do. Optionally a normalization
// layer before each sigmoid, as in a ResNet.
import {NORMALIZATIONS} from "../engine/normalization.js";
import {kindsOf} from "../engine/options.js";
import {presetByName, residualSkips} from "../engine/presets.js";
import type {NormalizationConfig, NormalizationKind, SkipConnection, TrainConfig} from "../engine/types.js";
import {listControl, type RemedySpec, type RemedyValues} from "./remedy-spec.js";

/** The study's experiment 7: residual adds h1 + h3 and h4 + h7 on N(0, 0.05²) weights. */
const SKIP = presetByName("skip").config;

/** How the identity paths are laid out: the study's, chained blocks of `span` layers, or none at all. */
export const SKIP_PATTERNS = ["study", "blocks", "none"] as const;
export type SkipPattern = (typeof SKIP_PATTERNS)[number];

/** "1→3, 4→7": a skips list as the reader sees it, also in the diagram's text alternative. */
export const describeSkips = (skips: readonly SkipConnection[]) =>
  skips.map(({from, to}) => `${from}→${to}`).join(", ");

const PATTERN_TEXT: Record<SkipPattern, string> = {
  study: `The study's (${describeSkips(SKIP.skips)})`,
  blocks: "Chained blocks (ResNet)",
  none: "None (same small weights)"
};

/** A block spans 1 to depth − 1 hidden layers: a longer one would not fit between layer 1 and the last. */
const SPAN = {min: 1, max: SKIP.depth - 1};

/** The declared skips of `pattern`; the engine wires exactly these and the diagram draws exactly these. */
export function skipsFromValues(values: RemedyValues): SkipConnection[] {
  const pattern = values.pattern as SkipPattern;
  switch (pattern) {
    case "study":
      return SKIP.skips.map((s) => ({...s}));
    case "blocks":
      return residualSkips(SKIP.depth, Number(values.span));
    case "none":
      return [];
    default:
      throw new Error(`unknown skip pattern ${String(pattern satisfies never)}`);
  }
}

/** The chosen normalization at the registry's defaults (PyTorch's). */
export function normalizationFromValues(values: RemedyValues): NormalizationConfig {
  const kind = values.normalization as NormalizationKind;
  const options = Object.entries(NORMALIZATIONS[kind].options).map(([name, o]) => [name, o.default]);
  return {kind, ...Object.fromEntries(options)} as NormalizationConfig;
}

/** "Skips 1→3, 4→7", "No skips", with ", batch norm" when a normalization layer is added. */
export function skipLabel(config: Pick<TrainConfig, "skips" | "normalization">): string {
  const paths = config.skips.length ? `Skips ${describeSkips(config.skips)}` : "No skips";
  const norm =
    config.normalization.kind === "none" ? "" : `, ${NORMALIZATIONS[config.normalization.kind].label}`;
  return `${paths}${norm.toLowerCase()}`;
}

export const SKIP_SPEC: RemedySpec = {
  remedyLabel: (values) =>
    skipLabel({skips: skipsFromValues(values), normalization: normalizationFromValues(values)}),
  baselineLabel: "Baseline (no skips)",
  controls: {
    pattern: listControl(SKIP_PATTERNS, PATTERN_TEXT, {
      label: "Identity paths",
      help: "Which layers' outputs are added to a later layer's: the study's pair, a ResNet's chain, or none.",
      value: "study"
    }),
    span: {
      label: "Block length",
      help: "Hidden layers each path of the chained blocks jumps over (2: 1→3, 3→5, 5→7).",
      param: {kind: "integer", ...SPAN},
      value: 2,
      input: "range",
      step: 1
    },
    normalization: {
      label: "Normalization",
      help: "A layer before each sigmoid, at PyTorch's defaults; a ResNet has both. The study had none.",
      param: {kind: "choice", values: kindsOf(NORMALIZATIONS)},
      value: SKIP.normalization.kind,
      input: "select",
      format: (kind) => NORMALIZATIONS[kind as NormalizationKind].label
    }
  },
  remedy: (values) => ({
    init: SKIP.init,
    skips: skipsFromValues(values),
    normalization: normalizationFromValues(values)
  }),
  // From the reference run (106 steps an epoch): training accuracy sat at 10–12% for ~300 steps, then crept up,
  // passing 20% at step ~950 and 40% at step ~2,000; validation accuracy swung between 10% and 35% until epoch 11
  // (step ~1,170) and stayed above 25% after it. 20,000 images (36 steps an epoch) for 40 epochs is 1,440 steps
  // per run: a live run of 900 steps climbed to 27% training accuracy but ended on a 10% swing of its validation.
  budget: {trainSize: 20000, epochs: 40}
};

/** Shows the block length only when the chained blocks use it. */
export function showSkipOptions(element: ParentNode, values: RemedyValues): void {
  const row = element.querySelector<HTMLElement>(".control-span");
  if (row) row.hidden = values.pattern !== "blocks";
}
