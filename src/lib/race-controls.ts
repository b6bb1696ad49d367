// The race's buttons, progress bar, status line and screen-reader announcements, created once per page: a
// button re-created on every progress update would lose clicks and the keyboard focus. Images are loaded on
// the first start only (by the page for a race in turn, by each worker for one side by side), so a reader who
// never races downloads nothing.
import type {TrainingData} from "../engine/index.js";
import {picksProblem, Race, type RaceOptions, type RaceView} from "./race.js";
import {describeRace, raceProgress} from "./race-view.js";

export interface RaceControlsOptions extends RaceOptions {
  /**
   * For a race in turn (no `side`): the training data, fetched when the first race starts and kept for the next
   * (again after a failure).
   */
  prepare?: () => Promise<TrainingData>;
}

export interface RaceControls {
  element: HTMLElement;
  /** The presets the reader picked; Start is enabled only for a valid pick while nothing runs. */
  setPicks(names: readonly string[]): void;
  /** Every view of the current race (null before the first), now and on each change. */
  subscribe(listener: (view: RaceView | null) => void): () => void;
  /** Stops a running race, e.g. when the page is left. */
  stop(): void;
}

const VISUALLY_HIDDEN =
  "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0";

/** Sentences worth interrupting a screen reader for: a race starting, each entry ending, the race ending. */
export function raceAnnouncement(previous: RaceView | null, view: RaceView): string | null {
  if (view.status === "running" && previous?.status !== "running")
    return `Race started: ${view.entries.map((e) => e.title).join(", ")}.`;
  if (view.status !== "running") return previous?.status === "running" ? describeRace(view) : null;
  const ended = view.entries.find(
    (e, i) => e.status !== previous?.entries[i]?.status && ["done", "diverged", "failed"].includes(e.status)
  );
  if (!ended) return null;
  const result =
    ended.testAccuracy === null ? ended.status : `test accuracy ${(ended.testAccuracy * 100).toFixed(1)}%`;
  return `${ended.title}: ${result}.`;
}

export function createRaceControls(
  {prepare, ...raceOptions}: RaceControlsOptions,
  doc = document
): RaceControls {
  const element = doc.createElement("div");
  element.className = "race-controls";
  const buttons = element.appendChild(doc.createElement("div"));
  buttons.className = "buttons";
  const button = (name: string, label: string) => {
    const b = buttons.appendChild(doc.createElement("button"));
    b.type = "button";
    b.className = name;
    b.textContent = label;
    return b;
  };
  const startButton = button("race-start", "Start race");
  const stopButton = button("race-stop", "Stop");
  const progress = element.appendChild(doc.createElement("progress"));
  progress.setAttribute("aria-label", "Race progress");
  const status = element.appendChild(doc.createElement("p"));
  status.className = "race-status";
  const announcer = element.appendChild(doc.createElement("p"));
  announcer.className = "race-announcer";
  announcer.setAttribute("role", "status");
  announcer.style.cssText = VISUALLY_HIDDEN;

  let picks: readonly string[] = [];
  let race: Race | null = null;
  let view: RaceView | null = null;
  let phase: "idle" | "loading" | "racing" = "idle";
  let failure: string | null = null;
  let loading: Promise<TrainingData> | null = null;
  const listeners = new Set<(view: RaceView | null) => void>();

  const render = () => {
    const problem = picksProblem(picks);
    startButton.disabled = phase !== "idle" || problem !== null;
    stopButton.disabled = phase === "idle";
    // Busy while images load or a race trains: the browser tests wait for the page to settle on this.
    progress.setAttribute("aria-busy", String(phase !== "idle"));
    progress.max = Math.max(1, view?.entries.length ?? 1);
    progress.value = raceProgress(view);
    if (failure) status.textContent = failure;
    else if (phase === "loading") status.textContent = "Loading images…";
    else if (phase === "idle" && problem && !view) status.textContent = problem;
    else status.textContent = describeRace(view);
  };
  const show = (next: RaceView) => {
    const text = raceAnnouncement(view, next);
    view = next;
    if (text) announcer.textContent = text;
    render();
    for (const listener of listeners) listener(view);
  };

  startButton.addEventListener("click", async () => {
    if (phase !== "idle" || picksProblem(picks)) return;
    failure = null;
    phase = "loading";
    // Start is disabled while the race runs: a keyboard user who pressed it goes on to Stop, not to the page top.
    const pressed = doc.activeElement === startButton;
    render();
    if (pressed) stopButton.focus();
    try {
      if (prepare) loading ??= prepare();
      const data = await loading?.catch((error: unknown) => {
        loading = null;
        throw error;
      });
      race = new Race(picks, raceOptions);
      phase = "racing";
      race.subscribe(show);
      await race.run(data);
    } catch (error) {
      failure = `The race could not run: ${error instanceof Error ? error.message : String(error)}`;
    }
    race = null;
    phase = "idle";
    const stopFocused = doc.activeElement === stopButton;
    render();
    // Stop is disabled now: its focus moves to Start, enabled again, instead of falling to the top of the page.
    if (stopFocused) startButton.focus();
  });
  stopButton.addEventListener("click", () => race?.cancel());
  render();
  return {
    element,
    setPicks(names) {
      picks = [...names];
      render();
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(view);
      return () => listeners.delete(listener);
    },
    stop: () => race?.cancel()
  };
}
