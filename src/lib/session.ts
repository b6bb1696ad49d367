import {startTraining, type RunState, type TrainingData, type TrainingRun} from "../engine/index.js";
import type {TrainConfig} from "../engine/types.js";

/** What a page shows: nothing yet, or the latest state of the current run and the config it runs. */
export type SessionView =
  | {status: "idle"; message: string | null; run: null; config: null}
  | {status: RunState["status"]; message: string | null; run: RunState; config: TrainConfig};

/**
 * The page's one training slot: starting a run cancels the previous one, so two runs never compete for the
 * backend, and every listener sees one stream of views across restarts (a reactive cell subscribes once).
 */
export class TrainingSession {
  private current: {run: TrainingRun; config: TrainConfig; unsubscribe: () => void} | null = null;
  private listeners = new Set<(view: SessionView) => void>();
  private view: SessionView = {status: "idle", message: null, run: null, config: null};

  subscribe(listener: (view: SessionView) => void): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  /** Starts `config`; an invalid config leaves the session idle with the validation message. */
  start(config: TrainConfig, data: TrainingData): TrainingRun | null {
    this.stop();
    let run: TrainingRun;
    try {
      run = startTraining(config, data);
    } catch (error) {
      this.show({
        status: "idle",
        message: error instanceof Error ? error.message : String(error),
        run: null,
        config: null
      });
      return null;
    }
    // Current before subscribing: subscribe() reports the first state synchronously.
    const current = {run, config, unsubscribe: () => {}};
    this.current = current;
    current.unsubscribe = run.subscribe((state) => {
      if (this.current === current)
        this.show({status: state.status, message: state.message, run: state, config});
    });
    return run;
  }

  /** Pauses a running run, resumes a paused one; does nothing otherwise. */
  togglePause(): void {
    const run = this.current?.run;
    if (run?.state.status === "running") run.pause();
    else if (run?.state.status === "paused") run.resume();
  }

  /** Cancels the current run (its tensors are freed at the next step boundary) and clears the view. */
  reset(): void {
    const finishing = this.current?.run.done;
    this.stop();
    const idle: SessionView = {status: "idle", message: null, run: null, config: null};
    this.show(idle);
    // Shown again once the cancelled run has freed its tensors, so memory readouts on the page are current.
    void finishing?.then(() => this.view === idle && this.show(idle));
  }

  /** Resolves once the current run (if any) has finished and freed its tensors. */
  async settled(): Promise<void> {
    await this.current?.run.done;
  }

  private stop(): void {
    if (!this.current) return;
    this.current.unsubscribe();
    this.current.run.cancel();
    this.current = null;
  }

  private show(view: SessionView): void {
    this.view = view;
    for (const listener of this.listeners) listener(view);
  }
}
