// The trainability map as plain data: a grid of (init scale, depth), each cell one short training run of the
// study's network with N(0, scale²) weights, and the record of the accuracies they reached. The browser (in
// workers) and `npm run experiment -- --grid` (in Node) both train every cell from cellConfig, so a grid
// computed in either place means the same thing. Pure: no DOM, no tensors.
import {ACTIVATIONS} from "../engine/activations.js";
import {BASELINE_CONFIG} from "../engine/config.js";
import {withDefaults} from "../engine/options.js";
import type {ActivationConfig, ActivationName, TrainConfig} from "../engine/types.js";
import {EXPLORER_DEPTH} from "./explorer.js";
import {SCALE_RANGE} from "./initialization.js";

export interface GridSettings {
  activation: ActivationName;
  width: number;
  /** Init std of every weight matrix, ascending, within SCALE_RANGE. */
  scales: number[];
  /** Hidden layers, ascending, within EXPLORER_DEPTH. */
  depths: number[];
  /** SGD steps per cell: one epoch over steps × batchSize fresh images, so no image is seen twice. */
  steps: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

/** `count` values from `min` to `max` evenly spaced in log, rounded to 3 significant digits (one: their mean). */
export function logSpaced(min: number, max: number, count: number): number[] {
  if (count === 1) return [Number(Math.sqrt(min * max).toPrecision(3))];
  const step = Math.log(max / min) / (count - 1);
  return Array.from({length: count}, (_, i) => Number((min * Math.exp(i * step)).toPrecision(3)));
}

/** `count` distinct whole depths from `min` to `max`, about evenly spaced in log. */
export function depthsBetween(min: number, max: number, count: number): number[] {
  return [...new Set(logSpaced(min, max, count).map(Math.round))];
}

/** Half-decades from 0.01 to 10: the study's 0.05 falls between 0.0316 and 0.1, its 1 and 10 are on the grid. */
const SCALE_SPAN = {min: SCALE_RANGE.min, max: 10} as const;
/** From 2 hidden layers to 32 (the explorer's slider reaches 50: the deepest cells cost the most). */
const DEPTH_SPAN = {min: 2, max: 32} as const;

/**
 * The default grid: 7 scales × 5 depths, 300 steps each. SGD at learning rate 0.1 (batch 128) takes the
 * study's 7-layer sigmoid net at N(0, 1²) from 10% to ~50% test accuracy in 237 steps (measured in Node,
 * wasm); at 0.5 the same net overshoots (33%), at 0.05 it is slower. The grid took 16 min in headless chromium
 * (two wasm workers) on the project's 2-core test machine while other jobs shared it, 31 min of cell time in all.
 */
export const DEFAULT_GRID: GridSettings = {
  activation: "sigmoid",
  width: 128,
  scales: logSpaced(SCALE_SPAN.min, SCALE_SPAN.max, 7),
  depths: depthsBetween(DEPTH_SPAN.min, DEPTH_SPAN.max, 5),
  steps: 300,
  batchSize: 128,
  learningRate: 0.1,
  seed: 42
};

/** The "larger grid": quarter-decades (13 scales) × 9 depths from 1 to 48, same runs (~6× the default's time). */
export const LARGER_GRID: GridSettings = {
  ...DEFAULT_GRID,
  scales: logSpaced(SCALE_SPAN.min, SCALE_SPAN.max, 13),
  depths: depthsBetween(EXPLORER_DEPTH.min, 48, 9)
};

/** A grid of `scaleCount` × `depthCount` over the default's spans (the page's ?grid=SxD), `steps` per cell. */
export function gridOfSize(scaleCount: number, depthCount: number, steps = DEFAULT_GRID.steps): GridSettings {
  return {
    ...DEFAULT_GRID,
    scales: logSpaced(SCALE_SPAN.min, SCALE_SPAN.max, scaleCount),
    depths: depthsBetween(DEPTH_SPAN.min, DEPTH_SPAN.max, depthCount),
    steps
  };
}

/** Bounds of a grid named SxD (scales × depths), and of its steps (at most 60,000 images at batch 128). */
export const NAMED_GRID = {
  scales: {min: 1, max: 13},
  depths: {min: 1, max: 9},
  steps: {min: 1, max: 468}
} as const;

/** "default", "larger" or "SxD" (e.g. "3x2", within NAMED_GRID) → its settings; anything else → null. */
export function namedGrid(name: string): GridSettings | null {
  if (name === "default") return DEFAULT_GRID;
  if (name === "larger") return LARGER_GRID;
  const match = /^(\d+)x(\d+)$/.exec(name);
  const [s, d] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  const within = (n: number, b: {min: number; max: number}) => n >= b.min && n <= b.max;
  return within(s, NAMED_GRID.scales) && within(d, NAMED_GRID.depths) ? gridOfSize(s, d) : null;
}

/** The run of one cell: the study's network and data split, N(0, scale²) weights (biases 0), plain SGD. */
export function cellConfig(settings: GridSettings, scale: number, depth: number): TrainConfig {
  const activation = withDefaults<ActivationName, ActivationConfig>(ACTIVATIONS, settings.activation);
  return {
    ...BASELINE_CONFIG,
    depth,
    width: settings.width,
    activation,
    init: {kind: "normal", std: scale},
    optimizer: {kind: "sgd", learningRate: settings.learningRate},
    batchSize: settings.batchSize,
    epochs: 1,
    trainSize: settings.steps * settings.batchSize,
    // No validation split: the accuracy reported is on the 10,000 test images, evaluated once at the end.
    validationFraction: 0,
    seeds: {init: settings.seed, data: settings.seed},
    // The probes are not used here; one snapshot at the start and one at the end is all a cell needs.
    snapshotEvery: settings.steps
  };
}

export interface GridCell {
  scale: number;
  depth: number;
  /** Test accuracy (10,000 images) after the run; null when the run diverged or failed. */
  accuracy: number | null;
  /** Test loss after the run (NaN or ∞ when it diverged, null when it failed). */
  loss: number | null;
  diverged: boolean;
  /** The run failed (its worker died, …): no result, shown as such and tried again on resume. */
  failed?: boolean;
  steps: number;
  wallMs: number;
}

export interface GridRecord {
  settings: GridSettings;
  cells: GridCell[];
  /** Where it was computed ("wasm (Node)", "wasm (browser)"), when the record says. */
  computedWith?: string;
}

/** Cells in the order they run: shallow (fast) rows first, each row from the smallest scale. */
export function gridCells(settings: GridSettings): {scale: number; depth: number}[] {
  return settings.depths.flatMap((depth) => settings.scales.map((scale) => ({scale, depth})));
}

/** A stable string naming a grid's settings: the localStorage key, and the check that a record fits a grid. */
export function gridKey(settings: GridSettings): string {
  const s = settings;
  return [s.activation, s.width, s.scales.join(","), s.depths.join(","), s.steps, s.batchSize]
    .concat([s.learningRate, s.seed])
    .join("|");
}

/**
 * Relative cost of a cell's step: the multiply-adds of a forward pass per example (784·w + (depth − 1)·w² +
 * 10·w), to which the backward pass is proportional. Time left is estimated by this weighting.
 */
export function cellCost(settings: GridSettings, depth: number): number {
  const w = settings.width;
  return 784 * w + (depth - 1) * w * w + 10 * w;
}
