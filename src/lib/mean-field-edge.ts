// Where the edge of chaos lies for N(0, std²) weights: the stable fixed point q* of the mean-field length map
// (mean-field.ts), the gradient factor χ₁ there, and the init scales where χ₁ = 1, solved numerically for any
// activation of the engine's registry. Plain numbers, no tensors; tested against the analytic ReLU (σ_w² = 2) and
// tanh (σ_w² = 1) edges and against mean-field.ts's iterated fixed point away from the edge.
import {createActivation} from "../engine/activations.js";
import {BASELINE_CONFIG} from "../engine/config.js";
import {gradientFactor, lengthMap, type Initialisation, type ScalarActivation} from "../engine/mean-field.js";
import {INPUT_SIZE} from "../engine/model.js";
import {explorerConfig} from "./explorer.js";
import {FASHION_MEAN_SQUARE, hiddenInitialisation} from "./initialization.js";

/** The study's hidden width: the explorer's networks have 128 units a layer. */
export const PHASE_WIDTH = BASELINE_CONFIG.width;

/** The activation's scalar form at its default options; null where mean-field theory has none (maxout). */
export function scalarOf(activation: string): ScalarActivation | null {
  return createActivation(explorerConfig({depth: 1, scale: 1, activation}).activation).scalar;
}

/** The grid of q searched for the fixed point: half-decade steps; beyond it q* counts as 0 or ∞. */
const Q_GRID = Array.from({length: 49}, (_, i) => 10 ** (-12 + i / 2));

/** The point in [lo, hi] (lo, hi > 0) where `below` turns false, to `tolerance` relative, halving in log space. */
function bisect(below: (x: number) => boolean, lo: number, hi: number, tolerance = 1e-9): number {
  while (hi / lo > 1 + tolerance) {
    const mid = Math.sqrt(lo * hi);
    if (below(mid)) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/**
 * The fixed point q* of the length map q ↦ σ_w² E[φ(√q z)²] + σ_b² that the layers approach from `start` (the
 * first hidden layer's q), found as a root of lengthMap(q) − q rather than by iterating the map, which converges
 * only like 1/n at the edge of chaos. q rises while the map's excess is positive and falls while it is negative,
 * so it stops at the nearest root in that direction: 0 when the map shrinks every q below the start (tanh and
 * ReLU in the ordered phase), ∞ when it grows every q above (ReLU-like activations past their critical σ_w²).
 */
export function stableFixedPoint(phi: ScalarActivation, init: Initialisation, start = 1): number {
  const excess = (q: number) => lengthMap(phi, init, q) - q;
  const rising = excess(start) > 0;
  const grid = Q_GRID.filter((q) => (rising ? q > start : q < start));
  if (!rising) grid.reverse();
  let previous = start;
  for (const q of grid) {
    if (excess(q) > 0 !== rising)
      return rising ? bisect((x) => excess(x) > 0, previous, q) : bisect((x) => excess(x) > 0, q, previous);
    previous = q;
  }
  return rising ? Infinity : 0;
}

/** q for the limits q* = 0 and q* = ∞: the gradient factor's limit there (ReLU′(0) itself is arbitrary). */
const TINY_Q = 1e-300;
const HUGE_Q = 1e200;

/**
 * χ₁ = σ_w² E[φ′(√q* z)²] at the fixed point q* the layers approach from `start`. At q* = 0 or ∞ the factor is
 * its limit, which is finite (ReLU: σ_w²/2 at both).
 */
export function fixedPointChi(phi: ScalarActivation, init: Initialisation, start = 1): number {
  const q = stableFixedPoint(phi, init, start);
  return gradientFactor(phi, init, q === 0 ? TINY_Q : Number.isFinite(q) ? q : HUGE_Q);
}

/** The first hidden layer's q under N(0, std²) weights: 784 inputs of mean square FASHION_MEAN_SQUARE. */
export const firstLayerQ = (std: number): number => INPUT_SIZE * std ** 2 * FASHION_MEAN_SQUARE;

/** χ₁ of the hidden layers at each init std (σ_w² = width·std²); null for an activation without theory. */
export function chiCurve(
  activation: string,
  scales: readonly number[],
  width = PHASE_WIDTH
): number[] | null {
  const phi = scalarOf(activation);
  if (!phi) return null;
  return scales.map((std) =>
    fixedPointChi(phi, hiddenInitialisation({kind: "normal", std}, width, 1), firstLayerQ(std))
  );
}

/**
 * The init stds in [scales[0], scales.at(-1)] where χ₁ crosses 1: each sign change of χ₁ − 1 between two
 * neighbouring scales, bisected in log std to 1e-6 relative. Empty when χ₁ stays on one side (or no theory).
 */
export function criticalScales(activation: string, scales: readonly number[], width = PHASE_WIDTH): number[] {
  const phi = scalarOf(activation);
  const chis = chiCurve(activation, scales, width);
  if (!phi || !chis) return [];
  const excess = (std: number) =>
    fixedPointChi(phi, hiddenInitialisation({kind: "normal", std}, width, 1), firstLayerQ(std)) - 1;
  const out: number[] = [];
  for (let i = 1; i < scales.length; i++) {
    const [a, b] = [chis[i - 1]! - 1, chis[i]! - 1];
    if (!(Number.isFinite(a) && Number.isFinite(b)) || Math.sign(a) === Math.sign(b) || a === 0) continue;
    out.push(bisect((std) => Math.sign(excess(std)) === Math.sign(a), scales[i - 1]!, scales[i]!, 1e-6));
  }
  return out;
}

/** ξ = 1/|ln χ₁|: the layers over which the fixed point's gradient changes by e in mean square. */
export const depthScale = (chi: number): number => 1 / Math.abs(Math.log(chi));
