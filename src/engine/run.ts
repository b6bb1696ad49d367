import {validateConfig} from "./config.js";
import {RunControl} from "./control.js";
import {trainingLoop, type LoopOptions, type TrainingData} from "./loop.js";
import type {RunStatus, Snapshot, TrainConfig, TrainedWeights} from "./types.js";

/** Everything a page shows about a run, as plain data. */
export interface RunState {
  status: RunStatus;
  message: string | null;
  /** Every snapshot so far, oldest first. */
  snapshots: readonly Snapshot[];
  step: number;
  totalSteps: number;
  elapsedMs: number;
  /** Time left at the pace so far (training time only), or null before the first step. */
  remainingMs: number | null;
  /** The final weights, once a run started with `captureWeights` is done (absent otherwise). */
  weights?: TrainedWeights;
}

/**
 * The page-facing handle of one training run. Only plain data crosses it, so a Web Worker can implement the
 * same interface by posting snapshots and control messages.
 */
export interface TrainingRun {
  readonly state: RunState;
  /** Calls `listener` with the current state now and on every change; returns an unsubscribe function. */
  subscribe(listener: (state: RunState) => void): () => void;
  pause(): void;
  resume(): void;
  /** Stops at the next step boundary; `done` resolves once every tensor is freed. */
  cancel(): void;
  readonly done: Promise<RunState>;
}

/** Progress-only updates (no new snapshot) reach listeners at most this often. */
const PROGRESS_INTERVAL_MS = 200;

/**
 * Validates `config` (throws ConfigError naming the field) and starts training at once. With `captureWeights`,
 * the final state of a finished run carries its trained weights (read just before its tensors are freed).
 */
export function startTraining(
  config: TrainConfig,
  data: TrainingData,
  options: LoopOptions = {}
): TrainingRun {
  validateConfig(config, data.train.count);
  const control = new RunControl();
  const listeners = new Set<(state: RunState) => void>();
  const snapshots: Snapshot[] = [];
  let state: RunState = {
    status: "running",
    message: null,
    snapshots,
    step: 0,
    totalSteps: 0,
    elapsedMs: 0,
    remainingMs: null
  };
  let lastNotice = 0;
  const update = (change: Partial<RunState>, force = true) => {
    state = {...state, ...change};
    const now = performance.now();
    if (!force && now - lastNotice < PROGRESS_INTERVAL_MS) return;
    lastNotice = now;
    for (const listener of listeners) listener(state);
  };
  const progress = (step: number, totalSteps: number, elapsedMs: number, force: boolean) => {
    const remainingMs = step > 0 ? (elapsedMs / step) * (totalSteps - step) : null;
    update({step, totalSteps, elapsedMs, remainingMs}, force);
  };
  const done = trainingLoop(
    config,
    data,
    control,
    {
      snapshot(snapshot) {
        snapshots.push(snapshot);
        progress(snapshot.step, snapshot.totalSteps, snapshot.elapsedMs, true);
      },
      progress: (step, totalSteps, elapsedMs) => progress(step, totalSteps, elapsedMs, false)
    },
    options
  ).then(
    ({status, message, weights}) => (
      update({status, message, remainingMs: status === "done" ? 0 : null, ...(weights && {weights})}),
      state
    ),
    (error: unknown) => (
      update({status: "failed", message: error instanceof Error ? error.message : String(error)}),
      state
    )
  );
  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    pause() {
      control.pause();
      if (state.status === "running") update({status: "paused"});
    },
    resume() {
      control.resume();
      if (state.status === "paused") update({status: "running"});
    },
    cancel() {
      control.cancel();
    },
    done
  };
}
