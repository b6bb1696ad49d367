// One card per run of a comparison: its name, its own progress and status, its gradient profile drawn over the
// first run's (the reader's) and its accuracy. Components only: the same charts the rest of the page uses.
// Type-only: a module in src/lib reaches the components at run time through the page (Framework resolves
// them through the src/components symlink, which the type checker would read as a second copy).
import type {gradientProfile, trainingCurves} from "../../components/index.js";
import {describeProgress} from "./progress.js";
import type {GroupView} from "./run-group.js";

type GroupRun = GroupView["runs"][number];

export interface RunCardCharts {
  gradientProfile: typeof gradientProfile;
  trainingCurves: typeof trainingCurves;
}

/** The card of `entry`; `reference` (the reader's run) is drawn hollow in its gradient profile, if given. */
export function runCard(
  entry: GroupRun,
  reference: GroupRun | null,
  width: number,
  charts: RunCardCharts
): HTMLElement {
  const {label, view} = entry;
  const card = document.createElement("div");
  card.className = "run-card";
  const title = card.appendChild(document.createElement("h2"));
  title.textContent = label;
  const progress = card.appendChild(document.createElement("progress"));
  progress.setAttribute("aria-label", `Training progress: ${label}`);
  progress.max = view.run?.totalSteps || 1;
  progress.value = view.run?.step ?? 0;
  const status = card.appendChild(document.createElement("p"));
  status.className = "run-status";
  status.textContent = describeProgress(view);
  const latest = view.run?.snapshots.at(-1) ?? null;
  const compare = reference?.view.run?.snapshots.at(-1) ?? null;
  const labels = [label, reference?.label ?? ""] as const;
  card.append(
    charts.gradientProfile(latest, {width, compare, labels}),
    charts.trainingCurves(view.run?.snapshots ?? [], {width, metric: "accuracy"})
  );
  return card;
}
