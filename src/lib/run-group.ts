// Runs side by side: one to four configs that share every setting but one (the remedy against the baseline,
// several init scales), started together on the same seeds and data order, each on its own host (a worker of
// its own), each with its own progress and status. Pause and reset apply to the set; starting again replaces it.
//
//   const group = new RunGroup(pool, {validate: (config) => validateConfig(config, trainImages)});
//   group.start(sideBySide(config, [{label: "ReLU", change: {activation: {kind: "relu"}}}], "Sigmoid")); // run-specs.ts
//   group.subscribe((view) => …); // view.runs[i].state: the RunState of run i
import {throttledChanges} from "./throttled-changes.js";
import type {RunState, TrainingRun} from "../engine/index.js";
import type {RunStatus, TrainConfig} from "../engine/types.js";
import {MAX_RUNS, type RunSpec} from "./run-specs.js";

/** How often a page's charts may redraw while runs train (see subscribeSnapshots). */
export const CHART_INTERVAL_MS = 1000;
/** How often a page's progress (step count, time left) may update while runs train (see subscribeProgress). */
export const PROGRESS_INTERVAL_MS = 250;

/** Where runs train: RunPool, or anything else that starts run `index` and can drop places it no longer needs. */
export interface RunStarter {
  run(
    index: number,
    config: TrainConfig,
    options?: {captureWeights?: boolean}
  ): Promise<TrainingRun> | TrainingRun;
  shrink(count: number): void;
}

/** A run's state as a page sees it: `preparing` says what it waits for before its first step, if anything. */
export type LiveRunState = RunState & {preparing?: string};

/** What a page shows about one run: nothing yet, or its latest state and the config it trains. */
export type SessionView =
  | {status: "idle"; message: string | null; run: null; config: null}
  | {status: RunStatus; message: string | null; run: LiveRunState; config: TrainConfig};

export interface GroupView {
  /** The set's status: running while any run trains, paused while any is paused, else the first run's. */
  status: SessionView["status"];
  /** The set as one SessionView (the first run, with the set's status), for buttons and announcements. */
  primary: SessionView;
  runs: {label: string; view: SessionView}[];
}

const IDLE: SessionView = {status: "idle", message: null, run: null, config: null};

export class RunGroup {
  private runs: {label: string; config: TrainConfig; run: Promise<TrainingRun>; view: SessionView}[] = [];
  private listeners = new Set<(view: GroupView) => void>();
  private generation = 0;
  private message: string | null = null;
  /** The `done` of runs cancelled by a restart or reset, until they have ended. */
  private ending: Promise<unknown>[] = [];

  constructor(
    private starter: RunStarter,
    private options: {
      validate?: (config: TrainConfig) => void;
      /** Which runs' last states carry their trained weights (a page that offers them for download). */
      captureWeights?: (config: TrainConfig) => boolean;
    } = {}
  ) {}

  get view(): GroupView {
    const runs = this.runs.map(({label, view}) => ({label, view}));
    const statuses = runs.map((r) => r.view.status);
    const first = runs[0]?.view ?? {...IDLE, message: this.message};
    const status = statuses.includes("running")
      ? "running"
      : statuses.includes("paused")
        ? "paused"
        : first.status;
    const primary = (first.run ? {...first, status} : first) as SessionView;
    return {status, primary, runs};
  }

  subscribe(listener: (view: GroupView) => void): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  /**
   * Like subscribe, but progress within a status (a new step, a new snapshot) is passed on at most once per
   * `minIntervalMs` (the latest view, a little later); a change of status or a replaced set passes at once. Each
   * update of the page is a frame of style, layout and paint over every chart on it, and a run makes 20 or more
   * steps a second: on two cores those frames compete with the workers that train.
   */
  subscribeProgress(listener: (view: GroupView) => void, minIntervalMs = PROGRESS_INTERVAL_MS): () => void {
    // A finished run's weights come after its last step, in a view of the same status and step.
    const progressOf = (view: GroupView) =>
      view.runs.map((r) => `${r.view.run?.step}${r.view.run?.weights ? "+weights" : ""}`).join();
    return this.throttled(listener, progressOf, minIntervalMs);
  }

  /**
   * Like subscribeProgress, but only when a run gains a snapshot, changes status or the set is replaced: what
   * charts need (a redraw of a dozen charts is long main-thread work, hence CHART_INTERVAL_MS).
   */
  subscribeSnapshots(listener: (view: GroupView) => void, minIntervalMs = 0): () => void {
    return this.throttled(
      listener,
      (view) => view.runs.map((r) => r.view.run?.snapshots.length).join(),
      minIntervalMs
    );
  }

  private throttled(
    listener: (view: GroupView) => void,
    progressOf: (view: GroupView) => string,
    minIntervalMs: number
  ): () => void {
    const statusesOf = (view: GroupView) => [this.generation, ...view.runs.map((r) => r.view.status)].join();
    return throttledChanges((notify) => this.subscribe(notify), listener, {
      statusOf: statusesOf,
      progressOf,
      minIntervalMs
    });
  }

  /** Replaces the set with `specs` (1 to MAX_RUNS); an invalid config leaves the group idle with its message. */
  start(specs: readonly RunSpec[]): void {
    this.stop();
    try {
      if (specs.length < 1 || specs.length > MAX_RUNS)
        throw new Error(`a group runs 1 to ${MAX_RUNS} configs`);
      for (const {config} of specs) this.options.validate?.(config);
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
      return this.changed();
    }
    this.message = null;
    const generation = ++this.generation;
    this.starter.shrink(specs.length);
    this.runs = specs.map(({label, config}, index) => ({
      label,
      config,
      run: Promise.resolve().then(() =>
        this.options.captureWeights?.(config)
          ? this.starter.run(index, config, {captureWeights: true})
          : this.starter.run(index, config)
      ),
      view: IDLE
    }));
    for (const entry of this.runs) {
      entry.run.then(
        (run) => {
          if (generation !== this.generation) return run.cancel();
          run.subscribe((state) => {
            if (generation !== this.generation) return;
            entry.view = {status: state.status, message: state.message, run: state, config: entry.config};
            this.changed();
          });
        },
        (error: unknown) => {
          if (generation !== this.generation) return;
          entry.view = {
            ...IDLE,
            message: `Could not start: ${error instanceof Error ? error.message : String(error)}`
          };
          this.changed();
        }
      );
    }
    this.changed();
  }

  /** Pauses every running run when any runs; otherwise resumes every paused one. */
  togglePause(): void {
    const pausing = this.view.status === "running";
    for (const {run} of this.runs)
      void run.then((r) => {
        if (pausing && r.state.status === "running") r.pause();
        else if (!pausing && r.state.status === "paused") r.resume();
      });
  }

  /** Cancels the set (each run frees its tensors at its next step) and shows nothing. */
  reset(): void {
    this.stop();
    this.message = null;
    this.changed();
  }

  /** Resolves once every run of the set has ended and freed its tensors. */
  async settled(): Promise<void> {
    await Promise.all([...this.ending, ...this.runs.map((r) => r.run.then((run) => run.done))]);
  }

  private stop(): void {
    this.generation++;
    // A run still being set up is cancelled as soon as it exists (see start).
    this.ending = this.runs.map(({run}) => run.then((r) => (r.cancel(), r.done)).catch(() => {}));
    this.runs = [];
  }

  private changed(): void {
    const view = this.view;
    for (const listener of this.listeners) listener(view);
  }
}
