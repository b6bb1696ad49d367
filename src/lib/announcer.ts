// Tells screen-reader users what a training run is doing without making them look for it: a polite live
// region announces the moments that matter (started, paused, finished, diverged, …), not every progress tick,
// which would talk over the reader for the whole run.
import type {SessionView} from "./run-group.js";

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

const preparing = (view: SessionView | null) => Boolean(view?.run?.preparing);

/** Is `view` a different run from `previous` (a new start, even with the same settings)? */
function newRun(previous: SessionView | null, view: SessionView): boolean {
  // A run that was still preparing (no step yet) starts for the reader when it starts training.
  if (!previous?.run || preparing(previous) || !view.run) return view.run !== null;
  return previous.config !== view.config || view.run.step < previous.run.step;
}

/** The sentence to announce when the session goes from `previous` to `view`, or null if nothing changed. */
export function announcement(previous: SessionView | null, view: SessionView): string | null {
  if (view.status === "idle") {
    if (view.message && view.message !== previous?.message)
      return `Could not start training: ${view.message}`;
    return previous && previous.status !== "idle" ? "Training reset." : null;
  }
  const {step, totalSteps} = view.run;
  if (preparing(view) && view.status === "running") return null;
  if (view.status === "running") {
    if (newRun(previous, view))
      return `Training started: ${totalSteps} steps over ${view.config.epochs} epochs.`;
    return previous?.status === "paused" ? "Training resumed." : null;
  }
  if (previous?.status === view.status && !newRun(previous, view)) return null;
  switch (view.status) {
    case "paused":
      return `Training paused at step ${step} of ${totalSteps}.`;
    case "done": {
      const accuracy = view.run.snapshots.at(-1)?.test?.accuracy;
      const result = accuracy === undefined ? "" : `: test accuracy ${percent(accuracy)}`;
      return `Training finished after ${step} steps${result}.`;
    }
    case "diverged":
      return `Training diverged at step ${step}${view.message ? `: ${view.message}` : "."}`;
    case "failed":
      return `Training failed${view.message ? `: ${view.message}` : "."}`;
    case "cancelled":
      return `Training stopped at step ${step}.`;
  }
}

export interface Announcer {
  /** Visually hidden; must stay in the page for the whole session, as live regions only speak when changed. */
  element: HTMLElement;
  update(view: SessionView): void;
}

/** A polite status region, created once per page and fed every session view. */
export function createAnnouncer(doc: Document = document): Announcer {
  const element = doc.createElement("p");
  element.className = "announcer";
  element.setAttribute("role", "status");
  element.setAttribute("aria-live", "polite");
  element.setAttribute("aria-atomic", "true");
  // Visually hidden but read: display:none or visibility:hidden would silence it.
  element.style.cssText =
    "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0";
  let previous: SessionView | null = null;
  return {
    element,
    update(view) {
      const text = announcement(previous, view);
      previous = view;
      if (text !== null) element.textContent = text;
    }
  };
}
