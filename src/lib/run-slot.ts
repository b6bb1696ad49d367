// One host (a worker, or the page's thread) and the runs it trains for a page, one after another, each behind
// the engine's TrainingRun interface: a page cannot tell a run in a worker from one on its own thread.
import type {RunState, TrainingRun} from "../engine/index.js";
import type {Snapshot, TrainConfig, TrainedWeights} from "../engine/types.js";
import type {BackendReport} from "./backend-choice.js";
import type {HostConnection} from "./host-connection.js";
import type {LiveRunState} from "./run-group.js";
import {plannedSteps, type FromHost, type RunProgress, type ToHost} from "./run-protocol.js";

type ChooseRequest = Omit<Extract<ToHost, {type: "choose-backend"}>, "type">;
type DataMessage = Extract<FromHost, {type: "data"}>;

interface LiveRun {
  id: number;
  state: RunState;
  snapshots: Snapshot[];
  listeners: Set<(state: RunState) => void>;
  finish: (state: RunState) => void;
  ended: boolean;
  /** Paused by the page and not resumed since: a host's progress still saying "running" does not undo it. */
  pauseAsked: boolean;
}

let nextId = 0;

export class RunSlot {
  /** Tensors the host holds when no run trains (reported at the end of each run). */
  tensors = 0;
  private runs = new Map<number, LiveRun>();
  private backendWaiters: {resolve(r: BackendReport): void; reject(e: Error): void}[] = [];
  private failed: string | null = null;

  constructor(
    private connection: HostConnection,
    private onData: (message: DataMessage) => void,
    private onChange: () => void
  ) {}

  get kind(): HostConnection["kind"] {
    return this.connection.kind;
  }

  receive(message: FromHost): void {
    if (message.type === "backend" || message.type === "backend-failed") {
      const waiter = this.backendWaiters.shift();
      if (message.type === "backend") waiter?.resolve(message.report);
      else waiter?.reject(new Error(message.message));
    } else if (message.type === "data") this.onData(message);
    else if (message.type === "run" || message.type === "end") {
      const run = this.runs.get(message.id);
      if (!run) return;
      // A finished run's weights join its last state before listeners see it: they read the state they are given.
      const weights = message.type === "end" ? message.weights : undefined;
      this.update(run, message.progress, message.snapshots, weights);
      if (message.type === "end") {
        this.tensors = message.tensors;
        this.end(run);
      }
    }
  }

  /** The host died: its runs fail with `reason`, later ones fail at once. */
  fail(reason: string): void {
    this.failed = reason;
    this.tensors = 0;
    for (const waiter of this.backendWaiters.splice(0)) waiter.reject(new Error(reason));
    for (const run of this.runs.values()) {
      this.update(run, {...run.state, status: "failed", message: reason, remainingMs: null}, []);
      this.end(run);
    }
  }

  chooseBackend(request: ChooseRequest): Promise<BackendReport> {
    if (this.failed) return Promise.reject(new Error(this.failed));
    const report = new Promise<BackendReport>((resolve, reject) =>
      this.backendWaiters.push({resolve, reject})
    );
    this.connection.post({type: "choose-backend", ...request});
    return report;
  }

  /**
   * Cancels this slot's run, if any, and starts `config` on the backend named by `backend` once it is known.
   * With `captureWeights`, the state `done` resolves to carries the trained weights when the run finished.
   */
  run(config: TrainConfig, backend: Promise<string>, options: {captureWeights?: boolean} = {}): TrainingRun {
    const id = nextId++;
    const snapshots: Snapshot[] = [];
    const initial: LiveRunState = {
      preparing: "choosing the backend and loading the images",
      status: "running",
      message: null,
      snapshots,
      step: 0,
      totalSteps: plannedSteps(config),
      elapsedMs: 0,
      remainingMs: null
    };
    let finish!: (state: RunState) => void;
    const done = new Promise<RunState>((resolve) => (finish = resolve));
    const run: LiveRun = {
      id,
      state: initial,
      snapshots,
      listeners: new Set(),
      finish,
      ended: false,
      pauseAsked: false
    };
    for (const other of this.runs.values()) this.connection.post({type: "cancel", id: other.id});
    this.runs.set(id, run);
    if (this.failed) this.fail(this.failed);
    else
      backend.then(
        (name) =>
          !run.ended &&
          this.connection.post({
            type: "start",
            id,
            config,
            backend: name,
            ...(options.captureWeights && {captureWeights: true})
          }),
        (error: Error) => {
          this.update(run, {...run.state, status: "failed", message: error.message}, []);
          this.end(run);
        }
      );
    const post = (type: "pause" | "resume" | "cancel") => !run.ended && this.connection.post({type, id});
    return {
      get state() {
        return run.state;
      },
      subscribe(listener) {
        run.listeners.add(listener);
        listener(run.state);
        return () => run.listeners.delete(listener);
      },
      pause: () => {
        post("pause");
        run.pauseAsked = true;
        if (run.state.status === "running") this.update(run, {...run.state, status: "paused"}, []);
      },
      resume: () => {
        post("resume");
        run.pauseAsked = false;
        if (run.state.status === "paused") this.update(run, {...run.state, status: "running"}, []);
      },
      cancel: () => post("cancel"),
      done
    };
  }

  /** Ends the host; runs still going end as cancelled (their tensors go with a worker's memory). */
  terminate(): void {
    this.connection.terminate();
    this.tensors = 0;
    for (const run of this.runs.values()) {
      this.update(run, {...run.state, status: "cancelled", remainingMs: null}, []);
      this.end(run);
    }
  }

  private update(
    run: LiveRun,
    progress: RunProgress,
    snapshots: readonly Snapshot[],
    weights?: TrainedWeights
  ): void {
    if (run.ended) return;
    run.snapshots.push(...snapshots);
    // A pause shows at once and stays shown while the host's progress from before it still says running.
    const status = run.pauseAsked && progress.status === "running" ? "paused" : progress.status;
    // The host knows the step count once it trains; until then the page's plan stands.
    const totalSteps = progress.totalSteps || run.state.totalSteps;
    run.state = {...progress, status, totalSteps, snapshots: run.snapshots, ...(weights && {weights})};
    for (const listener of run.listeners) listener(run.state);
  }

  private end(run: LiveRun): void {
    if (run.ended) return;
    run.ended = true;
    this.runs.delete(run.id);
    run.finish(run.state);
    this.onChange();
  }
}
