// The messages between a page and the host that trains its runs (a module Web Worker, or the page itself as a
// fallback). Only plain data crosses: configs in; snapshots, progress and reports out. Every run message
// carries the run's id, so that a message about a run the page has already replaced is simply ignored.
import type {RunState} from "../engine/index.js";
import type {Snapshot, TrainConfig, TrainedWeights} from "../engine/types.js";
import type {BackendReport, RememberedChoice} from "./backend-choice.js";
import type {FashionManifest, LoadProgress} from "./fashion-data.js";

export type ToHost =
  /** Once, first: where the images are. */
  | {type: "init"; manifest: FashionManifest; urls: Record<string, string>}
  /** Activates the backend for this device (measuring it if need be); answered by "backend". */
  | {type: "choose-backend"; config: TrainConfig; forced: string | null; remembered: RememberedChoice | null}
  /**
   * Cancels the host's current run and, once its tensors are freed, trains `config` on `backend`. With
   * `captureWeights` the "end" of a finished run carries its trained weights (read before they are freed).
   */
  | {type: "start"; id: number; config: TrainConfig; backend: string; captureWeights?: boolean}
  | {type: "pause" | "resume" | "cancel"; id: number}
  /** Cancels every run, current and queued (a host on the page cannot be terminated). */
  | {type: "stop"};

/**
 * RunState without its snapshots, which travel separately (only the new ones in each message), and without its
 * weights, which travel once, in "end".
 */
export type RunProgress = Omit<RunState, "snapshots" | "weights">;

export type FromHost =
  /** The host's script has loaded and it listens. */
  | {type: "ready"}
  | {type: "backend"; report: BackendReport}
  | {type: "backend-failed"; message: string}
  /** Images loading (progress) or loaded (counts); a failure to load fails the run that needed them. */
  | {type: "data"; progress: LoadProgress | null; loaded: {train: number; test: number} | null}
  | {type: "run"; id: number; progress: RunProgress; snapshots: Snapshot[]}
  /**
   * The run has ended and freed its tensors; `tensors` is what the host still holds (its baseline). `weights`:
   * the trained weights of a finished run started with captureWeights.
   */
  | {
      type: "end";
      id: number;
      progress: RunProgress;
      snapshots: Snapshot[];
      tensors: number;
      weights?: TrainedWeights;
    };

/** RunState minus snapshots and weights. */
export function progressOf(state: RunState): RunProgress {
  const {snapshots: _, weights: __, ...progress} = state;
  return progress;
}

/** A config's step count, known before the run starts (the engine reports the same once it trains). */
export function plannedSteps(config: TrainConfig): number {
  const fit = config.trainSize - Math.round(config.trainSize * config.validationFraction);
  return Math.ceil(fit / config.batchSize) * config.epochs;
}
