// The comparison page's "race": two to four presets trained on a small budget, with a running view of every
// entry. With `side` (a RunPool: one Web Worker per place) the entries train at once, entry i in place i;
// without it they train one after another on this page through `start` (the engine's startTraining unless a
// caller supplies another), so that runs sharing one thread never compete for it.
import {presetByName, withEpochs} from "../engine/presets.js";
import {startTraining, type RunState, type TrainingData, type TrainingRun} from "../engine/index.js";
import type {RunStatus, TrainConfig} from "../engine/types.js";
import type {RunStarter} from "./run-group.js";

/** Small enough to finish in seconds per preset: 5,000 images (4,500 to fit), 2 epochs (per stage). */
export const RACE_BUDGET = {trainSize: 5000, epochs: 2} as const;
export const RACE_PICKS = {min: 2, max: 4} as const;
/** About three snapshots per epoch of 9 steps: enough points for a curve, few probes to slow the steps. */
const SNAPSHOT_EVERY = 3;

/** Why `names` cannot race, or null when they can. */
export function picksProblem(names: readonly string[]): string | null {
  const {min, max} = RACE_PICKS;
  if (names.length < min) return `Pick at least ${min} presets (${names.length} picked).`;
  if (names.length > max) return `Pick at most ${max} presets (${names.length} picked).`;
  return null;
}

/** A preset's config on `budget`: the same network and remedy, fewer images and epochs (per stage). */
export function raceConfig(
  name: string,
  budget: {trainSize: number; epochs: number} = RACE_BUDGET
): TrainConfig {
  const config = withEpochs(presetByName(name).config, budget.epochs);
  return {...config, trainSize: budget.trainSize, snapshotEvery: SNAPSHOT_EVERY};
}

export interface RaceEntry {
  preset: string;
  title: string;
  status: "waiting" | RunStatus;
  message: string | null;
  step: number;
  totalSteps: number;
  elapsedMs: number;
  /** Training accuracy of each snapshot window, by epoch: the curve that grows while the entry trains. */
  curve: {x: number; y: number}[];
  validationAccuracy: number | null;
  testAccuracy: number | null;
}

export interface RaceView {
  status: "idle" | "running" | "done" | "cancelled";
  entries: RaceEntry[];
  /** Index of the entry training now when entries train in turn, or null (also while they train side by side). */
  current: number | null;
  /** True when the entries train at once, one worker each. */
  sideBySide: boolean;
}

export type StartRun = (config: TrainConfig, data: TrainingData) => TrainingRun;

export interface RaceOptions {
  /** Where entries train side by side (entry i in place i); the page's thread, in turn, without it. */
  side?: RunStarter;
  /** How an entry starts on the page's thread (in turn). */
  start?: StartRun;
  budget?: {trainSize: number; epochs: number};
}

function entryFromState(entry: RaceEntry, state: RunState): RaceEntry {
  const epochEnds = state.snapshots.filter((s) => s.validation);
  return {
    ...entry,
    status: state.status,
    message: state.message,
    step: state.step,
    totalSteps: state.totalSteps,
    elapsedMs: state.elapsedMs,
    curve: state.snapshots.filter((s) => s.kind !== "init").map((s) => ({x: s.epoch, y: s.train.accuracy})),
    validationAccuracy: epochEnds.at(-1)?.validation?.accuracy ?? null,
    testAccuracy: state.snapshots.at(-1)?.test?.accuracy ?? null
  };
}

/** One race over fixed picks: `run()` trains them (at once or in order); `cancel()` stops every entry left. */
export class Race {
  private view: RaceView;
  private listeners = new Set<(view: RaceView) => void>();
  private training = new Set<TrainingRun>();
  private cancelled = false;

  constructor(
    names: readonly string[],
    private readonly options: RaceOptions = {}
  ) {
    const problem = picksProblem(names);
    if (problem) throw new RangeError(problem);
    const entries = names.map((name) => ({
      preset: name,
      title: presetByName(name).title,
      status: "waiting" as const,
      message: null,
      step: 0,
      totalSteps: 0,
      elapsedMs: 0,
      curve: [],
      validationAccuracy: null,
      testAccuracy: null
    }));
    this.view = {status: "idle", entries, current: null, sideBySide: options.side !== undefined};
  }

  subscribe(listener: (view: RaceView) => void): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  /**
   * Trains every entry, side by side or in turn on `data` (needed then); resolves with the final view. A failed
   * entry does not stop the rest.
   */
  async run(data?: TrainingData): Promise<RaceView> {
    const {side, budget} = this.options;
    const start = this.options.start ?? startTraining;
    this.show({status: "running"});
    const indices = this.view.entries.map((_, i) => i);
    if (side) {
      side.shrink(indices.length);
      await Promise.all(
        indices.map((i) => this.train(i, () => side.run(i, raceConfig(this.preset(i), budget))))
      );
    } else {
      if (!data) throw new Error("a race in turn needs its training data");
      for (const i of indices) {
        if (this.cancelled) break;
        this.show({current: i});
        await this.train(i, () => start(raceConfig(this.preset(i), budget), data));
      }
    }
    // Entries a cancel left untouched say so, rather than waiting for a turn that will not come.
    const entries = this.view.entries.map((e) =>
      e.status === "waiting" ? {...e, status: "cancelled" as const} : e
    );
    this.show({status: this.cancelled ? "cancelled" : "done", current: null, entries});
    return this.view;
  }

  private preset(i: number): string {
    return this.view.entries[i]!.preset;
  }

  /** Trains entry i to its end; a run that cannot start marks the entry failed. */
  private async train(i: number, begin: () => TrainingRun | Promise<TrainingRun>): Promise<void> {
    const entry = this.view.entries[i]!;
    let run: TrainingRun;
    try {
      run = await begin();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return this.update(i, {...entry, status: "failed", message});
    }
    // A cancel while a worker was still starting reaches the run as soon as it exists.
    if (this.cancelled) run.cancel();
    this.training.add(run);
    const unsubscribe = run.subscribe((state) => this.update(i, entryFromState(entry, state)));
    const final = await run.done;
    unsubscribe();
    this.training.delete(run);
    this.update(i, entryFromState(entry, final));
  }

  cancel(): void {
    this.cancelled = true;
    for (const run of this.training) run.cancel();
  }

  private update(i: number, entry: RaceEntry): void {
    this.show({entries: this.view.entries.map((e, j) => (j === i ? entry : e))});
  }

  private show(change: Partial<RaceView>): void {
    this.view = {...this.view, ...change};
    for (const listener of this.listeners) listener(this.view);
  }
}
