// The site's map: the study's seven remedies in its order (its experiments 2 to 9), each with the page that
// explains it and one line of outcome, this site's reference runs (100 epochs) beside the study's reported test
// accuracy. The sidebar (observablehq.config.ts) lists the pages in the same order, so each page's
// previous/next links lead through the remedies as the study does.
import type {ExperimentSummary} from "./study-types.js";

export interface RemedyPage {
  path: string;
  title: string;
  /** What the remedy changes in the baseline, in a few words. */
  change: string;
  /** The reference runs the outcome quotes, in order, with a short name each. */
  runs: readonly {preset: string; name: string}[];
}

export const REMEDY_PAGES: readonly RemedyPage[] = [
  {
    path: "/initialization",
    title: "Initialization scale",
    change: "larger initial weights",
    runs: [
      {preset: "init-std-1", name: "N(0, 1²)"},
      {preset: "init-std-10", name: "N(0, 10²)"}
    ]
  },
  {
    path: "/activations",
    title: "Activations",
    change: "ReLU in place of the sigmoid",
    runs: [{preset: "relu", name: "ReLU"}]
  },
  {
    path: "/optimizers",
    title: "Optimizers",
    change: "Adam in place of plain SGD",
    runs: [{preset: "adam", name: "Adam"}]
  },
  {
    path: "/normalization",
    title: "Normalization",
    change: "BatchNorm before every sigmoid",
    runs: [{preset: "batchnorm", name: "BatchNorm"}]
  },
  {
    path: "/skip-connections",
    title: "Skip connections",
    change: "identity paths around the hidden layers",
    runs: [{preset: "skip", name: "Skips"}]
  },
  {
    path: "/layerwise",
    title: "Layer-wise training",
    change: "one block of layers trained at a time",
    runs: [
      {preset: "layerwise", name: "New head per stage"},
      {preset: "layerwise-keep-head", name: "head kept"}
    ]
  },
  {
    path: "/gradient-normalization",
    title: "Gradient normalization",
    change: "each layer's gradient rescaled",
    runs: [
      {preset: "gradnorm-study", name: "The study's"},
      {preset: "gradnorm-block", name: "block-normalized"}
    ]
  }
];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * One run's outcome: "N(0, 1²) 73.5% (study 73.6%)"; a run with several seeds gives its range ("10.0–52.4% over
 * 4 seeds"), a preset without a run at the study's protocol "not yet run".
 */
export function runOutcome(name: string, experiment: ExperimentSummary | undefined): string {
  const seeds = experiment?.status === "done" ? experiment.seeds : null;
  if (!seeds) return `${name}: not yet run`;
  const ours =
    seeds.count > 1
      ? `${(seeds.min * 100).toFixed(1)}–${pct(seeds.max)} over ${seeds.count} seeds`
      : pct(seeds.mean);
  const study = experiment?.study ? ` (study ${pct(experiment.study.reportedTestAccuracy)})` : "";
  return `${name} ${ours}${study}`;
}

/** The page's outcome line: its runs' test accuracies, against the baseline's 10%. */
export function remedyOutcome(page: RemedyPage, experiments: readonly ExperimentSummary[]): string {
  const byPreset = new Map(experiments.map((e) => [e.preset, e]));
  return page.runs.map(({preset, name}) => runOutcome(name, byPreset.get(preset))).join("; ");
}
