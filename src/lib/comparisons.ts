// The comparisons the problem page offers: the reader's run and, beside it, runs that differ in one respect
// (or, for the study's network, in whatever the reader changed), on the same seeds, data and run length.
import {BASELINE_CONFIG} from "../engine/config.js";
import type {TrainConfig} from "../engine/types.js";
import {configFromControls, initConfig, type CompareChoice, type ControlValues} from "./controls.js";
import type {RunGroup} from "./run-group.js";
import {sideBySide, type RunSpec} from "./run-specs.js";

export const COMPARISON_LABELS: Record<CompareChoice, string> = {
  none: "Nothing (one run)",
  study: "The study's network",
  relu: "The other activation",
  "init-scales": "Three init scales"
};

/** The study's remedies and failures: N(0, 0.05²) (the remedies' init), N(0, 1²) and N(0, 10²). */
const INIT_SCALES = [0.05, 1, 10] as const;

const normalLabel = (std: number) => `N(0, ${std}²) init`;

function variants(values: ControlValues): {label: string; change: Partial<TrainConfig>}[] {
  switch (values.compare) {
    case "none":
      return [];
    case "study": {
      const {depth, width, activation, init, optimizer} = BASELINE_CONFIG;
      return [{label: "The study's network", change: {depth, width, activation, init, optimizer}}];
    }
    case "relu":
      return values.activation === "relu"
        ? [{label: "Sigmoid", change: {activation: {kind: "sigmoid"}}}]
        : [{label: "ReLU", change: {activation: {kind: "relu"}}}];
    case "init-scales":
      return INIT_SCALES.filter((std) => std !== values.init).map((std) => ({
        label: normalLabel(std),
        change: {init: initConfig(std)}
      }));
  }
}

/** The runs to start for the reader's settings: theirs first, then the chosen comparison's. */
export function comparisonRuns(values: ControlValues): RunSpec[] {
  return sideBySide(configFromControls(values), variants(values), "Your settings");
}

export interface SettingsFollower<V = ControlValues> {
  /** Starts the runs for `values` (the Train button, the automatic first run). */
  start(values: V): void;
  /** A setting changed: while the runs train, they restart with it; otherwise it waits for Train. */
  changed(values: V): void;
}

/** Starts and restarts `group` with `runsFor(values)`: the problem page's comparisons, or a remedy page's. */
export function followSettings<V = ControlValues>(
  group: Pick<RunGroup, "start" | "view">,
  runsFor: (values: V) => RunSpec[] = comparisonRuns as unknown as (values: V) => RunSpec[]
): SettingsFollower<V> {
  let started: string | null = null;
  const start = (values: V) => {
    started = JSON.stringify(values);
    group.start(runsFor(values));
  };
  return {
    start,
    changed(values) {
      if (group.view.status === "running" && JSON.stringify(values) !== started) start(values);
    }
  };
}
