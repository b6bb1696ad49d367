// `npm run experiment -- --grid`: the trainability map's grid trained in Node, one cell after another with the
// page's cellConfig, the grid's JSON rewritten atomically after every cell, so an interrupted grid keeps what
// it finished and `--skip-existing` resumes from there.
import {existsSync, mkdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {TrainingData} from "../../src/engine/loop.js";
import {startTraining} from "../../src/engine/run.js";
import {cellResult, validateGrid} from "../../src/lib/trainability-record.js";
import {
  cellConfig,
  cellCost,
  gridCells,
  gridKey,
  namedGrid,
  type GridCell,
  type GridRecord,
  type GridSettings
} from "../../src/lib/trainability.js";
import type {ExperimentArgs} from "./args.js";
import {formatDuration} from "./progress.js";
import {writeAtomically} from "./run-one.js";

/** Where grids go when --out is left at its default (the presets' data/runs). */
export const GRID_FOLDER = "data/grids";

export function gridPlan(args: ExperimentArgs): {settings: GridSettings; file: string} {
  const grid = args.grid!;
  let settings = namedGrid(grid.name)!;
  if (grid.steps !== null) settings = {...settings, steps: grid.steps};
  if (args.seed !== null) settings = {...settings, seed: args.seed};
  const out = args.out === "data/runs" ? GRID_FOLDER : args.out;
  const suffix = grid.steps === null ? "" : `_steps${grid.steps}`;
  return {
    settings,
    file: join(out, `${grid.name}${args.seed === null ? "" : `_s${args.seed}`}${suffix}.json`)
  };
}

/** The finished cells already in `file` (for --skip-existing); a file of another grid is an error. */
export function existingCells(file: string, settings: GridSettings): GridCell[] {
  if (!existsSync(file)) return [];
  const record = validateGrid(JSON.parse(readFileSync(file, "utf8")));
  if (gridKey(record.settings) !== gridKey(settings))
    throw new Error(
      `${file} holds another grid's cells (${gridKey(record.settings)}); move it or choose --out`
    );
  return record.cells.filter((c) => !c.failed);
}

/** Trains every cell not yet in the file. Resolves to how many cells failed (-1 when interrupted). */
export async function runGrid(
  args: ExperimentArgs,
  data: TrainingData,
  computedWith: string,
  log: (line: string) => void,
  cancelled: {signal: boolean; onCancel?: () => void}
): Promise<number> {
  const {settings, file} = gridPlan(args);
  if (existsSync(file) && !args.skipExisting)
    throw new Error(`${file} exists: --skip-existing resumes it, or delete it to start again`);
  mkdirSync(join(file, ".."), {recursive: true});
  const done = existingCells(file, settings);
  const key = (c: {scale: number; depth: number}) => `${c.scale}|${c.depth}`;
  const finished = new Set(done.map(key));
  const all = gridCells(settings);
  const todo = all.filter((c) => !finished.has(key(c)));
  log(
    `grid ${gridKey(settings)}: ${all.length} cells, ${done.length} already in ${file}, ${todo.length} to train`
  );
  const save = () => {
    const order = new Map(all.map((c, i) => [key(c), i]));
    const cells = [...done].sort((a, b) => order.get(key(a))! - order.get(key(b))!);
    writeAtomically(file, `${JSON.stringify({settings, computedWith, cells} satisfies GridRecord)}\n`);
  };
  let spent = {ms: 0, cost: 0};
  let failed = 0;
  for (const [i, cell] of todo.entries()) {
    if (cancelled.signal) return -1;
    const started = performance.now();
    const run = startTraining(cellConfig(settings, cell.scale, cell.depth), data);
    cancelled.onCancel = () => run.cancel();
    const state = await run.done;
    if (state.status === "cancelled") return -1;
    const result = cellResult(cell, state, performance.now() - started);
    done.push(result);
    save();
    if (result.failed) failed++;
    spent = {ms: spent.ms + result.wallMs, cost: spent.cost + cellCost(settings, cell.depth)};
    const leftCost = todo.slice(i + 1).reduce((n, c) => n + cellCost(settings, c.depth), 0);
    const outcome = result.failed
      ? "failed"
      : result.diverged
        ? "diverged (NaN loss)"
        : `test accuracy ${(result.accuracy! * 100).toFixed(1)}%`;
    log(
      `[grid] ${done.length}/${all.length} std ${cell.scale} depth ${cell.depth}: ${outcome} in ` +
        `${formatDuration(result.wallMs)}, about ${formatDuration((leftCost * spent.ms) / spent.cost)} left`
    );
  }
  return failed;
}
