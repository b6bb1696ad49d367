// The trainability map's live side, as functions the page wires: which grid the URL asks for, how a cell trains
// on the page's RunPool, and the status line under the progress bar.
import type {TrainingRun} from "../engine/index.js";
import type {TrainabilityMapData} from "../../components/trainability-map.js";
import type {CellStatus, CellTrainer, GridView} from "./grid-run.js";
import {formatDuration} from "./progress.js";
import type {RunPool} from "./run-pool.js";
import {cellResult} from "./trainability-record.js";
import type {TheoryOverlay} from "./trainability-theory.js";
import {
  cellConfig,
  DEFAULT_GRID,
  gridCells,
  LARGER_GRID,
  NAMED_GRID,
  namedGrid,
  type GridCell,
  type GridRecord,
  type GridSettings
} from "./trainability.js";
import {parseParams} from "./url-params.js";

export const GRID_SIZES = {default: DEFAULT_GRID, larger: LARGER_GRID} as const;
export type GridSize = keyof typeof GRID_SIZES | "custom";

/**
 * `?grid=default|larger|SxD` (S scales from 0.01 to 10, D depths from 2 to 32, e.g. `?grid=2x2`) and
 * `?steps=N` (steps per cell). A bad value is ignored with a notice.
 */
export function gridFromUrl(search: string): {settings: GridSettings; size: GridSize; problems: string[]} {
  const {values, problems} = parseParams(search, {steps: {kind: "integer", ...NAMED_GRID.steps}});
  const raw = new URLSearchParams(search).get("grid");
  const named = raw === null ? null : namedGrid(raw);
  let settings = named ?? DEFAULT_GRID;
  const size: GridSize = !named ? "default" : raw === "default" || raw === "larger" ? raw : "custom";
  if (raw !== null && !named) {
    const {scales, depths} = NAMED_GRID;
    problems.push(
      `Ignored ?grid=${raw.slice(0, 40)}: it must be default, larger or SxD with S from ${scales.min} to ` +
        `${scales.max} scales and D from ${depths.min} to ${depths.max} depths (e.g. 3x2).`
    );
  }
  if (values.steps !== undefined && Number(values.steps) !== settings.steps) {
    // Other steps make another grid than the named one: the list must not call it "default".
    settings = {...settings, steps: Number(values.steps)};
    return {settings, size: "custom", problems};
  }
  return {settings, size, problems};
}

/** Trains each cell as one run of the pool, in the pool's place `slot`; a cancelled run rejects. */
export function poolTrainer(pool: Pick<RunPool, "run">, settings: GridSettings): CellTrainer {
  return (cell, slot) => {
    const started = performance.now();
    let run: TrainingRun | null = null;
    let cancelled = false;
    const done = pool.run(slot, cellConfig(settings, cell.scale, cell.depth)).then(async (live) => {
      run = live;
      if (cancelled) run.cancel();
      const state = await run.done;
      if (state.status === "cancelled") throw new Error("cancelled");
      return cellResult(cell, state, performance.now() - started);
    });
    return {
      done,
      cancel: () => {
        cancelled = true;
        run?.cancel();
      }
    };
  };
}

/** "12 of 35 cells · about 2 min left", "Finished: 35 of 35 cells (1 failed)", "Cancelled: … Resume continues". */
export function gridStatusLine(view: GridView): string {
  const failed = view.cells.filter((c) => c.status === "failed").length;
  const count = `${view.finished} of ${view.total} cells${failed ? ` (${failed} failed)` : ""}`;
  const wall = view.cells.reduce((n, c) => n + (c.result?.wallMs ?? 0), 0);
  switch (view.status) {
    case "done":
      return `Finished: ${count}, ${formatDuration(wall)} of training in all.`;
    case "cancelled":
      return `Cancelled: ${count} finished; Resume continues from there.`;
    case "running": {
      const left =
        view.remainingMs === null
          ? "time left known after the first cell"
          : `about ${formatDuration(view.remainingMs)} left`;
      return `Training: ${count} · ${left}.`;
    }
    case "idle":
      return view.finished
        ? `${count} kept from before; Resume trains the rest.`
        : `Not started: ${view.total} cells of ${view.settings.steps} steps each.`;
  }
}

/** What the map component draws: the grid's cells in their current state, and the theory over them. */
export function mapData(
  settings: GridSettings,
  cells: readonly {scale: number; depth: number; status: CellStatus; result: GridCell | null}[],
  overlay: TheoryOverlay
): TrainabilityMapData {
  return {
    scales: settings.scales,
    depths: settings.depths,
    steps: settings.steps,
    cells: cells.map((c) => ({
      scale: c.scale,
      depth: c.depth,
      status: c.status,
      accuracy: c.result?.accuracy ?? null,
      diverged: c.result?.diverged ?? false
    })),
    ...overlay
  };
}

/** A finished record (the Node grid) as cells in their state: every cell listed is done or failed. */
export function recordCells(record: GridRecord) {
  const byKey = new Map(record.cells.map((c) => [`${c.scale}|${c.depth}`, c]));
  return gridCells(record.settings).map((cell) => {
    const result = byKey.get(`${cell.scale}|${cell.depth}`) ?? null;
    const status: CellStatus = !result ? "queued" : result.failed ? "failed" : "done";
    return {...cell, status, result};
  });
}
