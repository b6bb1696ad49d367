// The theory page's phase diagram in plain numbers: over init scale (weights N(0, std²)) × depth, the mean-field
// prediction of log10(‖∂L/∂W₁‖ / ‖∂L/∂W_L‖), first over last hidden layer (mean-field.ts through initTheory, so
// the first layer's 784 inputs get their own σ_w²); the critical scales and depth scale ξ (mean-field-edge.ts);
// and the points the page measures. Computed at build time by src/data/phase-predictions.json.ts.
import type {Snapshot} from "../engine/types.js";
import {EXPLORER_DEPTH, explorerConfig} from "./explorer.js";
import {initTheory, SCALE_RANGE} from "./initialization.js";
import {chiCurve, criticalScales, depthScale} from "./mean-field-edge.js";

/** Log-spaced columns over the explorer's init scale range. */
export function logSpaced(count: number, {min, max} = SCALE_RANGE): number[] {
  return Array.from({length: count}, (_, i) => min * (max / min) ** (i / (count - 1)));
}

/** The diagram's columns (init std) and rows (hidden layers 1–50). */
export const PHASE_SCALES = logSpaced(40);
export const PHASE_DEPTHS = Array.from({length: EXPLORER_DEPTH.max}, (_, i) => i + 1);

/**
 * The points measured on the page (one forward and backward pass each): the study's three scales 0.05, 1 and 10
 * among seven, at the study's depth 7 among four, 28 passes (378 layers) in all, shallow ones first so the diagram
 * fills fast: about 2 s on wasm on an idle machine.
 */
export const MEASURED_SCALES = [0.02, 0.05, 0.15, 0.4, 1, 3, 10] as const;
export const MEASURED_DEPTHS = [2, 7, 15, 30] as const;
export const MEASURED_POINTS = MEASURED_DEPTHS.flatMap((depth) =>
  MEASURED_SCALES.map((scale) => ({scale, depth}))
);

/** Predicted log10(‖∂L/∂W₁‖/‖∂L/∂W_L‖) of a network of `depth` hidden layers; null without theory. */
export function predictedRatio(activation: string, scale: number, depth: number): number | null {
  const theory = initTheory(explorerConfig({activation, scale, depth}));
  return theory ? theory.layers[0]!.log10RelativeGradient : null;
}

/**
 * The predicted ratio at every depth of `depths` (rows) and scale of `scales` (columns). One prediction of the
 * deepest network per column serves every row: the forward recursion of a shallower network is a prefix of the
 * deeper one's, and with R_l layer l's log10 gradient relative to the deepest layer, depth d's ratio is
 * R_0 − R_{d−1}. Null for an activation without theory.
 */
export function predictedGrid(
  activation: string,
  scales: readonly number[] = PHASE_SCALES,
  depths: readonly number[] = PHASE_DEPTHS
): number[][] | null {
  const deepest = Math.max(...depths);
  const columns: number[][] = [];
  for (const scale of scales) {
    const theory = initTheory(explorerConfig({activation, scale, depth: deepest}));
    if (!theory) return null;
    const relative = theory.layers.map((l) => l.log10RelativeGradient);
    columns.push(depths.map((d) => relative[0]! - relative[d - 1]!));
  }
  return depths.map((_, row) => columns.map((column) => column[row]!));
}

/** Measured log10(‖∂L/∂W₁‖/‖∂L/∂W_L‖) over the snapshot's hidden layers (±∞ when one of them is 0 or ∞). */
export function measuredRatio(snapshot: Pick<Snapshot, "layers">): number {
  const hidden = snapshot.layers.filter((layer) => layer.activation !== null);
  if (!hidden.length) return NaN;
  return Math.log10(hidden[0]!.gradNorm) - Math.log10(hidden.at(-1)!.gradNorm);
}

/** One activation's diagram, as the data loader writes it (JSON: non-finite numbers become null). */
export interface PhasePrediction {
  /** log10 ratio per depth (rows, PHASE_DEPTHS) and scale (columns, PHASE_SCALES); null without theory. */
  grid: (number | null)[][] | null;
  /** Init stds where χ₁ = 1 inside the scale range (none for some activations). */
  critical: number[];
  /** ξ at each of PHASE_SCALES (null where χ₁ = 1 exactly or without theory). */
  depthScale: (number | null)[] | null;
  /** The predicted ratio at each of MEASURED_POINTS. */
  points: (number | null)[] | null;
}

export interface PhasePredictions {
  scales: number[];
  depths: number[];
  points: {scale: number; depth: number}[];
  activations: Record<string, PhasePrediction>;
}

const rounded = (x: number, digits: number) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

export function phasePrediction(activation: string): PhasePrediction {
  const grid = predictedGrid(activation);
  const chis = chiCurve(activation, PHASE_SCALES);
  return {
    grid: grid && grid.map((row) => row.map((x) => rounded(x, 2))),
    critical: criticalScales(activation, PHASE_SCALES).map((x) => Number(x.toPrecision(5))),
    depthScale: chis && chis.map((chi) => rounded(depthScale(chi), 3)),
    points:
      grid && MEASURED_POINTS.map(({scale, depth}) => rounded(predictedRatio(activation, scale, depth)!, 3))
  };
}

/** Every activation's diagram: what src/data/phase-predictions.json.ts writes. */
export function phasePredictions(activations: readonly string[]): PhasePredictions {
  return {
    scales: PHASE_SCALES.map((x) => Number(x.toPrecision(5))),
    depths: PHASE_DEPTHS,
    points: MEASURED_POINTS,
    activations: Object.fromEntries(activations.map((a) => [a, phasePrediction(a)]))
  };
}
