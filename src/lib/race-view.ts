// What the page shows of a race (race.ts), as plain text, table rows and chart series: kept apart from the DOM
// so that each sentence is tested.
import type {RaceEntry, RaceView} from "./race.js";
import {formatDuration} from "./progress.js";

const percent = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);

const STATUS: Record<RaceEntry["status"], string> = {
  waiting: "waiting",
  running: "training",
  paused: "paused",
  done: "finished",
  cancelled: "stopped",
  diverged: "diverged",
  failed: "failed"
};

const ENDED = new Set<RaceEntry["status"]>(["done", "cancelled", "diverged", "failed"]);

/** Entries done, counting each entry still training by its share of steps: 0 to the number of entries. */
export function raceProgress(view: RaceView | null): number {
  return (view?.entries ?? []).reduce(
    (sum, e) => sum + (ENDED.has(e.status) ? 1 : e.totalSteps ? e.step / e.totalSteps : 0),
    0
  );
}

/** One line under the race controls. */
export function describeRace(view: RaceView | null): string {
  if (!view || view.status === "idle") return "Pick two to four presets and press Start race.";
  const n = view.entries.length;
  if (view.status === "running" && view.current !== null) {
    const e = view.entries[view.current]!;
    const progress = e.totalSteps ? `: step ${e.step} of ${e.totalSteps}` : "";
    return `Training ${e.title} (${view.current + 1} of ${n})${progress}.`;
  }
  if (view.status === "running") {
    const ended = view.entries.filter((e) => ENDED.has(e.status)).length;
    // Workers first choose a backend and load their images: no entry has taken a step yet.
    const stepped = view.entries.some((e) => e.step > 0 || ENDED.has(e.status));
    const progress = stepped
      ? `: ${Math.round((100 * raceProgress(view)) / n)}% of all steps done`
      : ", waiting for their images and backend";
    return `Training ${n} presets side by side${ended ? ` (${ended} finished)` : ""}${progress}.`;
  }
  const finished = view.entries
    .filter((e) => e.testAccuracy !== null)
    .sort((a, b) => b.testAccuracy! - a.testAccuracy!);
  const ranking = finished.map((e) => `${e.title} ${percent(e.testAccuracy)}`).join(", ");
  const prefix = view.status === "cancelled" ? "Stopped" : "Finished";
  return finished.length ? `${prefix}. Test accuracy: ${ranking}.` : `${prefix} before any preset finished.`;
}

/** The results table's caption: what it holds, or how to fill it. */
export function raceCaption(view: RaceView | null): string {
  return view?.entries.length
    ? "Race results, in race order"
    : "Race results: none yet. Start a race to fill this table.";
}

/** Rows of the race's results table, in race order. */
export function raceRows(view: RaceView | null): Record<string, string>[] {
  return (view?.entries ?? []).map((e) => ({
    preset: e.title,
    status: e.message ? `${STATUS[e.status]}: ${e.message}` : STATUS[e.status],
    steps: e.totalSteps ? `${e.step} of ${e.totalSteps}` : "–",
    validation: percent(e.validationAccuracy),
    test: percent(e.testAccuracy),
    time: e.elapsedMs ? formatDuration(e.elapsedMs) : "–"
  }));
}

/** One training-accuracy curve per entry, for the race chart (accuracy-curves.ts). */
export function raceSeries(
  view: RaceView | null
): {key: string; label: string; points: {x: number; y: number}[]}[] {
  return (view?.entries ?? []).map((e) => ({key: e.preset, label: e.title, points: e.curve}));
}
