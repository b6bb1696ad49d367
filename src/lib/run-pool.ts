// The hosts a page trains on: one module Web Worker per concurrent run (kept, with its images and backend,
// for the next run in the same place), or the page's own thread where module workers are missing or fail to
// start. Decides the backend once per page (forced, remembered or measured, see backend-choice.ts).
import type {TrainConfig} from "../engine/types.js";
import type {BackendReport, RememberedChoice} from "./backend-choice.js";
import type {FashionManifest, LoadProgress} from "./fashion-data.js";
import {connectPage, connectWorker, liveWorkerCount, type HostEvents} from "./host-connection.js";
import {RunSlot} from "./run-slot.js";

const REMEMBERED_KEY = "vanishing-gradients:backend";

export interface PoolOptions {
  manifest: FashionManifest;
  /** Manifest file name → absolute URL of the file. */
  urls: Record<string, string>;
  /** The raw ?backend= value, or null. */
  forcedBackend: string | null;
  /** False trains on the page's thread even where workers work (?worker=0). */
  useWorkers: boolean;
  /** Where the backend measurement is remembered (localStorage); null forgets it. */
  storage: Pick<Storage, "getItem" | "setItem"> | null;
}

/** What the page shows about where and how runs train. */
export interface PoolView {
  thread: "worker" | "page";
  /** Why runs train on the page's thread, or null. */
  threadNote: string | null;
  backend: BackendReport | null;
  backendError: string | null;
  data: {progress: LoadProgress | null; loaded: {train: number; test: number} | null};
  workers: number;
  tensors: number;
}

export class RunPool {
  private slots: (RunSlot | Promise<RunSlot>)[] = [];
  private backend: Promise<string> | null = null;
  private listeners = new Set<(view: PoolView) => void>();
  private state: Omit<PoolView, "workers" | "tensors">;

  constructor(private options: PoolOptions) {
    this.state = {
      thread: options.useWorkers ? "worker" : "page",
      threadNote: options.useWorkers ? null : "?worker=0 asks for the page's thread",
      backend: null,
      backendError: null,
      data: {progress: null, loaded: null}
    };
  }

  get view(): PoolView {
    const slots = this.slots.filter((s): s is RunSlot => s instanceof RunSlot);
    const pageTensors = Math.max(0, ...slots.filter((s) => s.kind === "page").map((s) => s.tensors));
    const workerTensors = slots.filter((s) => s.kind === "worker").reduce((n, s) => n + s.tensors, 0);
    return {...this.state, workers: liveWorkerCount(), tensors: workerTensors + pageTensors};
  }

  subscribe(listener: (view: PoolView) => void): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts `config` in place `index` (0-based), replacing the run there; the backend is decided first. With
   * `captureWeights` the finished run's final state carries its trained weights (RunSlot.run).
   */
  async run(index: number, config: TrainConfig, options: {captureWeights?: boolean} = {}) {
    const slot = await this.slot(index);
    return slot.run(config, (this.backend ??= this.decideBackend(slot, config)), options);
  }

  /** Ends the hosts from place `count` on (fewer runs side by side than before). */
  shrink(count: number): void {
    const ended = this.slots.splice(count).map((slot) => Promise.resolve(slot).then((s) => s.terminate()));
    this.changed();
    // Hosts end a moment later (one may still be starting): show the workers and tensors left once they have.
    if (ended.length) void Promise.all(ended).then(() => this.changed());
  }

  dispose(): void {
    this.shrink(0);
    this.listeners.clear();
  }

  private slot(index: number): Promise<RunSlot> {
    const existing = this.slots[index];
    if (existing) return Promise.resolve(existing);
    const created: Promise<RunSlot> = this.connect().then((slot) => {
      if (this.slots[index] === created) this.slots[index] = slot;
      return slot;
    });
    this.slots[index] = created;
    return created;
  }

  private async connect(): Promise<RunSlot> {
    let slot: RunSlot | null = null;
    let ready = false;
    const events: HostEvents = {
      message: (message) => {
        if (message.type === "ready") ready = true;
        slot?.receive(message);
      },
      failure: (reason) => {
        slot?.fail(`The training worker stopped: ${reason}`);
        if (!ready) this.state.threadNote = `the training worker could not start (${reason})`;
        this.slots = this.slots.filter((s) => s !== slot); // the next run in this place gets a new host
        this.changed();
      }
    };
    const worker = this.state.thread === "worker" && !this.state.threadNote ? connectWorker(events) : null;
    if (this.state.thread === "worker" && !worker && !this.state.threadNote)
      this.state.threadNote = "this browser cannot run module workers";
    if (!worker) this.state.thread = "page";
    const connection = worker ?? (await connectPage(events));
    slot = new RunSlot(
      connection,
      (data) => this.showData(data),
      () => this.changed()
    );
    connection.post({type: "init", manifest: this.options.manifest, urls: this.options.urls});
    this.changed();
    return slot;
  }

  private decideBackend(slot: RunSlot, config: TrainConfig): Promise<string> {
    const remembered = this.readRemembered();
    const choice = slot.chooseBackend({config, forced: this.options.forcedBackend, remembered});
    return choice.then(
      (report) => {
        if (report.remember) this.options.storage?.setItem(REMEMBERED_KEY, JSON.stringify(report.remember));
        this.state.backend = report;
        this.changed();
        return report.name;
      },
      (error: Error) => {
        this.backend = null; // the next run tries again
        this.state.backendError = error.message;
        this.changed();
        throw error;
      }
    );
  }

  private readRemembered(): RememberedChoice | null {
    try {
      const stored = JSON.parse(this.options.storage?.getItem(REMEMBERED_KEY) ?? "null");
      return typeof stored?.key === "string" && typeof stored?.report?.name === "string" ? stored : null;
    } catch {
      return null;
    }
  }

  private showData({progress, loaded}: {progress: LoadProgress | null; loaded: PoolView["data"]["loaded"]}) {
    // Images still loading for one worker hide the count of another's until it is done.
    this.state.data = {progress, loaded: loaded ?? (progress ? null : this.state.data.loaded)};
    this.changed();
  }

  private changed(): void {
    const view = this.view;
    for (const listener of this.listeners) listener(view);
  }
}
