// Filling a trainability grid: every cell queued → running → done (or failed), at most `concurrency` at once,
// cancellable (running cells → cancelled, their hosts stopped) and resumable (finished cells are kept, in
// memory and in storage under the grid's settings, so a reload resumes too). How a cell trains is passed in,
// so this runs the same against workers on a page and against stubs in the tests.
import {
  cellCost,
  gridCells,
  gridKey,
  type GridCell,
  type GridRecord,
  type GridSettings
} from "./trainability.js";
import {recordFor} from "./trainability-record.js";

export type CellStatus = "queued" | "running" | "done" | "failed" | "cancelled";

export interface CellState {
  scale: number;
  depth: number;
  status: CellStatus;
  result: GridCell | null;
}

export interface GridView {
  settings: GridSettings;
  cells: readonly CellState[];
  status: "idle" | "running" | "done" | "cancelled";
  /** Cells with a result (done or failed). */
  finished: number;
  total: number;
  /** From the finished cells' wall time per unit of cellCost, spread over the slots; null before any. */
  remainingMs: number | null;
}

/** Trains one cell in slot `slot` (0 … concurrency − 1); `cancel` stops it (its promise may then reject). */
export type CellTrainer = (
  cell: {scale: number; depth: number},
  slot: number
) => {done: Promise<GridCell>; cancel(): void};

export interface GridRunOptions {
  train: CellTrainer;
  concurrency: number;
  storage?: Pick<Storage, "getItem" | "setItem"> | null;
  /** Called once no cell runs any more (finished or cancelled): the page ends its workers here. */
  onIdle?: () => void;
}

export const storageKey = (settings: GridSettings) => `vanishing-gradients:trainability:${gridKey(settings)}`;

export class GridRun {
  private cells: CellState[];
  private status: GridView["status"] = "idle";
  private listeners = new Set<(view: GridView) => void>();
  private running = new Map<CellState, () => void>();
  /** Bumped by cancel: slots of an earlier start stop taking cells and their late results are dropped. */
  private generation = 0;

  constructor(
    readonly settings: GridSettings,
    private options: GridRunOptions
  ) {
    const stored = recordFor(settings, options.storage?.getItem(storageKey(settings)) ?? null);
    const kept = new Map(stored?.cells.filter((c) => !c.failed).map((c) => [`${c.scale}|${c.depth}`, c]));
    this.cells = gridCells(settings).map((cell) => {
      const result = kept.get(`${cell.scale}|${cell.depth}`) ?? null;
      return {...cell, status: result ? "done" : "queued", result};
    });
    if (this.cells.every((c) => c.status === "done")) this.status = "done";
  }

  get view(): GridView {
    const finished = this.cells.filter((c) => c.result);
    const timed = finished.filter((c) => c.result!.wallMs > 0);
    const costOf = (c: CellState) => cellCost(this.settings, c.depth);
    const msPerCost =
      timed.reduce((n, c) => n + c.result!.wallMs, 0) / timed.reduce((n, c) => n + costOf(c), 0);
    const left = this.cells.filter((c) => !c.result).reduce((n, c) => n + costOf(c), 0);
    return {
      settings: this.settings,
      cells: this.cells.map((c) => ({...c})),
      status: this.status,
      finished: finished.length,
      total: this.cells.length,
      remainingMs: timed.length ? (left * msPerCost) / this.options.concurrency : null
    };
  }

  /** The finished cells as a record (what storage keeps and the page can download). */
  get record(): GridRecord {
    return {settings: this.settings, cells: this.cells.flatMap((c) => (c.result ? [c.result] : []))};
  }

  subscribe(listener: (view: GridView) => void): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  /** Starts, or resumes after a cancel: every cell without a result is queued again, failed ones too. */
  start(): void {
    if (this.status === "running") return;
    for (const cell of this.cells) if (cell.status !== "done") cell.status = "queued";
    if (this.cells.every((c) => c.status === "done")) return void this.setStatus("done");
    this.setStatus("running");
    const generation = this.generation;
    const slots = Array.from({length: this.options.concurrency}, (_, slot) => this.fill(slot, generation));
    void Promise.all(slots).then(() => {
      if (generation !== this.generation) return;
      this.setStatus(this.cells.every((c) => c.status === "done" || c.status === "failed") ? "done" : "idle");
      this.options.onIdle?.();
    });
  }

  /** Stops every running cell (they become "cancelled"); queued cells wait for the next start. */
  cancel(): void {
    if (this.status !== "running") return;
    this.generation++;
    for (const [cell, cancel] of this.running) {
      cell.status = "cancelled";
      cancel();
    }
    this.running.clear();
    this.setStatus("cancelled");
    this.options.onIdle?.();
  }

  private async fill(slot: number, generation: number): Promise<void> {
    for (;;) {
      if (generation !== this.generation) return;
      const cell = this.cells.find((c) => c.status === "queued");
      if (!cell) return;
      cell.status = "running";
      const started = performance.now();
      let result: GridCell;
      try {
        const job = this.options.train({scale: cell.scale, depth: cell.depth}, slot);
        this.running.set(cell, () => job.cancel());
        this.changed();
        result = await job.done;
      } catch {
        const wallMs = Math.round(performance.now() - started);
        result = {
          scale: cell.scale,
          depth: cell.depth,
          accuracy: null,
          loss: null,
          diverged: false,
          steps: 0,
          wallMs
        };
        result.failed = true;
      }
      if (generation !== this.generation) return; // cancelled meanwhile: the cell is already marked
      this.running.delete(cell);
      cell.result = {...result, scale: cell.scale, depth: cell.depth};
      cell.status = result.failed ? "failed" : "done";
      this.save();
      this.changed();
    }
  }

  private save(): void {
    try {
      this.options.storage?.setItem(storageKey(this.settings), JSON.stringify(this.record));
    } catch {
      // Storage full or forbidden: the grid still resumes within this page, just not after a reload.
    }
  }

  private setStatus(status: GridView["status"]): void {
    this.status = status;
    this.changed();
  }

  private changed(): void {
    const view = this.view;
    for (const listener of this.listeners) listener(view);
  }
}
