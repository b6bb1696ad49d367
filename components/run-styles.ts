// How the remedy charts tell up to three runs apart: hue and dash together, so a run stays identifiable in
// grey scale and under every common colour-vision deficiency. The first run is the one in focus (the remedy),
// the second the comparison (the baseline).
import type {Snapshot} from "../src/engine/types.js";
import {OKABE_ITO, SERIES, type Svg} from "./common.js";
import {swatches, type SwatchItem} from "./legends.js";

/** One run's snapshots under a legend name. */
export interface RunSeries {
  label: string;
  snapshots: readonly Snapshot[];
}

export interface RunStyle {
  color: string;
  /** stroke-dasharray, or null for a solid line. */
  dash: string | null;
}

/** Blue, vermillion and bluish green: the Okabe–Ito hues that keep ≥ 3:1 against both themes' backgrounds. */
const HUES = [SERIES[0], SERIES[1], OKABE_ITO.green] as const;
const DASHES = [null, "5 3", "1.5 2.5", "8 3 2 3", "10 4"] as const;

/**
 * Run (or curve) i's style: blue solid, vermillion dashed, green dotted for the first three; beyond, the hues
 * repeat with other dashes, every pair distinct up to 15 (enough for all nine activations at once).
 */
export function runStyle(index: number): RunStyle {
  const i = Math.max(0, Math.floor(index));
  return {color: HUES[i % 3]!, dash: DASHES[(i + Math.floor(i / 3)) % DASHES.length]!};
}

/** Legend entries for runs in order. */
export function runSwatches(labels: readonly string[]): SwatchItem[] {
  return labels.map((label, i) => ({label, color: runStyle(i).color, dash: runStyle(i).dash ?? undefined}));
}

/** Snapshots with a finite step, in step order (a run's list may arrive unordered or hold junk). */
export function byStep(snapshots: readonly Snapshot[]): Snapshot[] {
  return snapshots.filter((s) => Number.isFinite(s.step)).sort((a, b) => a.step - b.step);
}

/** The step axis of several runs: from 0 to the planned end, so it does not rescale while runs train. */
export function stepExtent(runs: readonly RunSeries[]): [number, number] {
  let end = 0;
  for (const run of runs) {
    for (const s of run.snapshots) {
      if (Number.isFinite(s.totalSteps)) end = Math.max(end, s.totalSteps);
      if (Number.isFinite(s.step)) end = Math.max(end, s.step);
    }
  }
  return [0, end || 1];
}

/** Swatch items split into rows that fit `width` px (the widths legends.ts lays them out at). */
export function swatchRows(items: readonly SwatchItem[], width: number): SwatchItem[][] {
  const rows: SwatchItem[][] = [];
  let used = Infinity;
  for (const item of items) {
    const size = 34 + 6 * item.label.length;
    if (used + size > width) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)!.push(item);
    used += size;
  }
  return rows;
}

/** Height of one legend row. */
export const LEGEND_ROW = 16;

/** Draws legend rows from (x, y) down, one LEGEND_ROW apart. */
export function drawSwatchRows(svg: Svg, x: number, y: number, rows: readonly SwatchItem[][]): void {
  rows.forEach((row, i) => swatches(svg, x, y + i * LEGEND_ROW, row));
}
