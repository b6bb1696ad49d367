// The command line of `npm run experiment -- --grid`: the trainability map's grid (src/lib/trainability.ts)
// trained cell by cell in Node with the page's cellConfig. Kept apart from args.ts, which only routes the flags.
import {NAMED_GRID, namedGrid} from "../../src/lib/trainability.js";

export interface GridArgs {
  /** "default", "larger" or "SxD": the grid's settings and its file name. */
  name: string;
  /** Steps per cell; null keeps the grid's own. */
  steps: number | null;
}

export const GRID_USAGE = `  --grid             train the theory page's trainability grid instead of presets, one cell after another,
                     rewriting <out>/<grid>.json after each cell (default --out for grids: data/grids)
  --grid-size G      default (7 scales × 5 depths), larger (13 × 9) or SxD (S ${NAMED_GRID.scales.min}–${NAMED_GRID.scales.max} scales from 0.01 to 10,
                     D ${NAMED_GRID.depths.min}–${NAMED_GRID.depths.max} depths from 2 to 32); default: default
  --grid-steps N     SGD steps per cell, ${NAMED_GRID.steps.min}–${NAMED_GRID.steps.max}; default the grid's (300). --seed and --backend apply;
                     --skip-existing resumes from the cells already in the file`;

/**
 * Applies one --grid* flag (its value read by `value()`; any of them asks for the grid); throws an Error whose
 * message is the usage problem.
 */
export function parseGridFlag(
  grid: GridArgs | null,
  flag: string,
  value: () => string | undefined
): GridArgs {
  const current = grid ?? {name: "default", steps: null};
  switch (flag) {
    case "--grid":
      return current;
    case "--grid-size": {
      const name = value();
      if (!name || !namedGrid(name))
        throw new Error(`--grid-size must be default, larger or SxD (e.g. 3x2), got ${name ?? "nothing"}`);
      return {...current, name};
    }
    case "--grid-steps": {
      const raw = value();
      const steps = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
      const {min, max} = NAMED_GRID.steps;
      if (!Number.isInteger(steps) || steps < min || steps > max)
        throw new Error(`--grid-steps must be a whole number from ${min} to ${max}, got ${raw ?? "nothing"}`);
      return {...current, steps};
    }
    default:
      throw new Error(`unknown option ${flag} (see --help)`);
  }
}
