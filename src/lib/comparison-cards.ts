// One card per run of a remedy comparison (the reference replay or the live runs): its heatmap, its gradient
// profile drawn over the other run's, its weight change and its accuracy, every chart on the components' fixed
// scales so that two cards side by side read alike. Components reach this module through the page (see
// run-cards.ts for why), as do Framework's resize and the one-render-per-task queue.
import type {gradientHeatmap, gradientProfile, trainingCurves, weightChange} from "../../components/index.js";
import type {Snapshot} from "../engine/types.js";
import {describeProgress} from "./progress.js";
import type {SessionView} from "./run-group.js";

export interface ComparisonEntry {
  label: string;
  /** The name in chart legends, where the label is too long to fit beside another ("Baseline"). */
  short?: string;
  snapshots: readonly Snapshot[];
  /** A live run's view (progress and status); absent for a replay. */
  view?: SessionView;
}

export interface ComparisonCharts {
  gradientHeatmap: typeof gradientHeatmap;
  gradientProfile: typeof gradientProfile;
  weightChange: typeof weightChange;
  trainingCurves: typeof trainingCurves;
}

/** Live entries from a RunGroup's view: each run's label, snapshots and view. */
export function liveEntries(
  runs: readonly {label: string; view: SessionView}[],
  shortNames: readonly (string | undefined)[] = []
): ComparisonEntry[] {
  return runs.map(({label, view}, i) => ({
    label,
    short: shortNames[i],
    view,
    snapshots: view.run?.snapshots ?? []
  }));
}

const sci = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x.toExponential(1) : "–");
const pct = (x: number | undefined) =>
  x !== undefined && Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "–";

/**
 * "Step 216: ‖∂L/∂W‖ 1.2e-6 at layer 1, 3.4e-1 at layer 7; accuracy 10.2% (train), 10.0% (validation)": the
 * numbers a reader compares between two cards, the first and last hidden layers' gradient and the accuracy.
 */
export function summaryLine(snapshot: Snapshot | null | undefined): string {
  if (!snapshot) return "No snapshot yet.";
  const hidden = snapshot.layers.filter((l) => l.activation !== null);
  const grads = hidden.length
    ? `‖∂L/∂W‖ ${sci(hidden[0]!.gradNorm)} at layer 1, ${sci(hidden.at(-1)!.gradNorm)} at layer ${hidden.length}`
    : "no hidden layers";
  const accuracy = [
    `${pct(snapshot.train.accuracy)} (train)`,
    snapshot.validation && `${pct(snapshot.validation.accuracy)} (validation)`,
    snapshot.test && `${pct(snapshot.test.accuracy)} (test)`
  ].filter(Boolean);
  return `Step ${snapshot.step}: ${grads}; accuracy ${accuracy.join(", ")}.`;
}

function heading(doc: Document, text: string): HTMLElement {
  const h = doc.createElement("h3");
  h.textContent = text;
  return h;
}

/**
 * The card of `entry`; `other` (the run beside it) is drawn hollow in its gradient profile. The baseline keeps
 * the second series colour in every card, drawn filled in its own and hollow in the others.
 */
export function comparisonCard(
  entry: ComparisonEntry,
  other: ComparisonEntry | null,
  width: number,
  charts: ComparisonCharts,
  doc: Document = document,
  isBaseline = false
): HTMLElement {
  const card = doc.createElement("div");
  card.className = "run-card";
  const title = card.appendChild(doc.createElement("h2"));
  title.textContent = entry.label;
  if (entry.view) {
    const progress = card.appendChild(doc.createElement("progress"));
    progress.setAttribute("aria-label", `Training progress: ${entry.label}`);
    progress.max = entry.view.run?.totalSteps || 1;
    progress.value = entry.view.run?.step ?? 0;
    const status = card.appendChild(doc.createElement("p"));
    status.className = "run-status";
    status.textContent = describeProgress(entry.view);
  }
  const latest = entry.snapshots.at(-1) ?? null;
  const compare = other?.snapshots.at(-1) ?? null;
  const summary = card.appendChild(doc.createElement("p"));
  summary.className = "run-summary";
  summary.textContent = summaryLine(latest);
  card.append(
    heading(doc, "Gradient norm per layer over training"),
    charts.gradientHeatmap(entry.snapshots, {width}),
    heading(
      doc,
      other
        ? `Gradient norm per layer, last step (filled), ${other.short ?? other.label} hollow`
        : "Gradient norm per layer, last step"
    ),
    charts.gradientProfile(latest, {
      width,
      compare,
      labels: [entry.short ?? entry.label, other?.short ?? other?.label ?? ""],
      colors: isBaseline ? [1, 0] : [0, 1]
    }),
    heading(doc, "Relative weight change ‖W − W₀‖ / ‖W₀‖"),
    charts.weightChange(entry.snapshots, {width}),
    heading(doc, "Accuracy"),
    charts.trainingCurves(entry.snapshots, {width, metric: "accuracy"})
  );
  return card;
}

export interface GridTools {
  charts: ComparisonCharts;
  /** Framework's resize: calls render with the width of the card, again when it changes. */
  resize: (render: (width: number) => unknown) => Node;
  /** Defers each card's render to a task of its own (in-turn.ts). */
  inTurn: <T>(render: () => T) => Promise<T>;
}

/**
 * The cards side by side. Every card is drawn over entry `against` (the baseline: the last entry by default);
 * the baseline's over the other run when there are two.
 */
export function comparisonGrid(
  entries: readonly ComparisonEntry[],
  tools: GridTools,
  against = entries.length - 1,
  doc: Document = document
): HTMLElement {
  const grid = doc.createElement("div");
  // Three runs get three columns where there is room (Framework's grid: from 720 px of content width).
  grid.className = `grid grid-cols-${Math.min(3, Math.max(2, entries.length))} side-by-side`;
  entries.forEach((entry, i) => {
    // Of three or more runs, the baseline's card draws the baseline alone: which other would it pick?
    const other = i !== against ? entries[against] : entries.length === 2 ? entries[0] : undefined;
    const cell = grid.appendChild(doc.createElement("div"));
    cell.className = "card";
    cell.append(
      tools.resize((width) =>
        tools.inTurn(() => comparisonCard(entry, other ?? null, width, tools.charts, doc, i === against))
      )
    );
  });
  return grid;
}
