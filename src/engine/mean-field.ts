// Mean-field theory of signal propagation in wide random networks (Poole et al. 2016; Schoenholz et al. 2017):
// what initialisation predicts for every layer before any training, in plain numbers (no tensors), so pages can
// draw it next to the measured profile.
//
// A hidden layer computes z_l = W_l h_{l−1} + b_l, h_l = φ(z_l) with W ~ N(0, σ_w²/N) and b ~ N(0, σ_b²), N the
// fan-in. For large N the pre-activations are Gaussian with a variance q_l that follows the length map
//   q_l = σ_w² E_z[φ(√q_{l−1} z)²] + σ_b²,   z ~ N(0, 1),
// and a gradient travelling back through layer l is multiplied, in mean square, by
//   χ(q_l) = σ_w² E_z[φ′(√q_l z)²].
// At the fixed point q* of the length map this factor is χ₁: χ₁ < 1 is the ordered phase (gradients vanish
// as χ₁^L), χ₁ > 1 the chaotic phase (they explode), χ₁ = 1 the critical line; ξ = 1/|ln χ₁| is the depth over
// which a gradient changes by a factor e.
//
// This project's init schemes map onto it: N(0, std²) weights give σ_w² = std²·N; PyTorch's U(±1/√N) gives
// σ_w² = 1/3 and σ_b² = 1/(3N).

import type {ScalarActivation} from "./activation-scalars.js";

/** An activation as plain functions of the pre-activation (activation-scalars.ts; the registry's `scalar`). */
export type {ScalarActivation};

/**
 * Nodes and weights of E_z[g(z)] for z ~ N(0, 1): the midpoint rule on [−10, 10], accurate to ~1e-12 for smooth g.
 * Midpoints keep z = 0 off the grid and the grid symmetric, so a step at 0 (ReLU′) integrates exactly to ½.
 */
const GRID = (() => {
  const n = 4000;
  const step = 20 / n;
  const nodes = Float64Array.from({length: n}, (_, i) => -10 + (i + 0.5) * step);
  const weights = nodes.map((z) => (step * Math.exp(-0.5 * z * z)) / Math.sqrt(2 * Math.PI));
  return {nodes, weights};
})();

/** E_z[g(√q z)] for z ~ N(0, 1). */
export function gaussianMean(g: (x: number) => number, q: number): number {
  const scale = Math.sqrt(Math.max(q, 0));
  let sum = 0;
  for (let i = 0; i < GRID.nodes.length; i++) sum += GRID.weights[i]! * g(scale * GRID.nodes[i]!);
  return sum;
}

export interface Initialisation {
  /** σ_w²: N times the variance of a weight. */
  sigmaW2: number;
  /** σ_b²: the variance of a bias. */
  sigmaB2: number;
}

/** The next layer's pre-activation variance: q ↦ σ_w² E[φ(√q z)²] + σ_b². */
export function lengthMap(phi: ScalarActivation, init: Initialisation, q: number): number {
  return init.sigmaW2 * gaussianMean((x) => phi.f(x) ** 2, q) + init.sigmaB2;
}

/** The mean-square factor a gradient gains going back through a layer whose pre-activations have variance q. */
export function gradientFactor(phi: ScalarActivation, init: Initialisation, q: number): number {
  return init.sigmaW2 * gaussianMean((x) => phi.df(x) ** 2, q);
}

/** The fixed point q* of the length map, iterated from q0 (converges for the activations here). */
export function fixedPoint(phi: ScalarActivation, init: Initialisation, q0 = 1, iterations = 500): number {
  let q = q0;
  for (let i = 0; i < iterations; i++) {
    const next = lengthMap(phi, init, q);
    if (!Number.isFinite(next)) return next;
    if (Math.abs(next - q) <= 1e-12 * Math.max(1, q)) return next;
    q = next;
  }
  return q;
}

export interface MeanFieldSummary {
  qStar: number;
  /** χ₁ = σ_w² E[φ′(√q* z)²]. */
  chi1: number;
  /** ξ = 1/|ln χ₁|: layers over which a gradient shrinks (ordered) or grows (chaotic) by e; Infinity at χ₁ = 1. */
  depthScale: number;
  phase: "ordered" | "critical" | "chaotic";
}

export function meanField(phi: ScalarActivation, init: Initialisation): MeanFieldSummary {
  const qStar = fixedPoint(phi, init);
  const chi1 = gradientFactor(phi, init, qStar);
  const depthScale = Math.abs(Math.log(chi1)) < 1e-9 ? Infinity : 1 / Math.abs(Math.log(chi1));
  const phase = Math.abs(chi1 - 1) < 1e-6 ? "critical" : chi1 < 1 ? "ordered" : "chaotic";
  return {qStar, chi1, depthScale, phase};
}

export interface LayerPrediction {
  /** Pre-activation variance of the layer. */
  q: number;
  /** The mean-square factor χ(q_l) = σ_w² E[φ′(√q_l z)²] a gradient gains going back through this layer. */
  chi: number;
  /** log10 of the predicted ‖∂L/∂W_l‖ (Frobenius) relative to the last hidden layer's. */
  log10RelativeGradient: number;
}

/** What the first layer sees: the mean square of an input entry and how many there are. */
export interface InputStatistics {
  /** E[x²] over pixels and images (FashionMNIST scaled to [0, 1]: about 0.17). */
  meanSquare: number;
  size: number;
}

/**
 * Per hidden layer (input side first) of a network of `depth` hidden layers of `width` units.
 * Forward: q_1 = σ_w,1² E[x²] + σ_b,1², q_{l+1} = σ_w² E[φ(√q_l z)²] + σ_b², where `first` (σ_w,1², σ_b,1²) is
 * the first layer's, whose fan-in is the input's size: for N(0, std²) weights σ_w,1² = 784·std² against
 * 128·std² in the hidden layers; by default `init`, which is right for schemes scaled by the fan-in.
 * Backward: with δ_l = ∂L/∂z_l, δ_l = φ′(z_l) ⊙ W_{l+1}ᵀ δ_{l+1}, so E[δ_l²] = χ(q_l) E[δ_{l+1}²].
 * ∂L/∂W_l = δ_l h_{l−1}ᵀ, so ‖∂L/∂W_l‖² ≈ width · fanIn_l · E[δ_l²] · E[h_{l−1}²], and relative to the last hidden
 * layer L: ½ log10 Π_{k=l}^{L−1} χ(q_k) + ½ log10 (fanIn_l E[h_{l−1}²] / (fanIn_L E[h_{L−1}²])).
 */
export function predictLayers(
  phi: ScalarActivation,
  init: Initialisation,
  depth: number,
  width: number,
  input: InputStatistics,
  first: Initialisation = init
): LayerPrediction[] {
  const q: number[] = [];
  // Mean square of each layer's input, times its fan-in: the h_{l−1} factor of ‖∂L/∂W_l‖².
  const inputEnergy: number[] = [input.meanSquare * input.size];
  for (let l = 0; l < depth; l++) {
    q.push(
      l === 0
        ? first.sigmaW2 * input.meanSquare + first.sigmaB2
        : init.sigmaW2 * (inputEnergy[l]! / width) + init.sigmaB2
    );
    inputEnergy.push(width * gaussianMean((x) => phi.f(x) ** 2, q[l]!));
  }
  const chi = q.map((ql) => gradientFactor(phi, init, ql));
  const out: LayerPrediction[] = new Array(depth);
  let log10Chain = 0;
  for (let l = depth - 1; l >= 0; l--) {
    if (l < depth - 1) log10Chain += Math.log10(chi[l]!);
    const inputs = Math.log10(inputEnergy[l]! / inputEnergy[depth - 1]!);
    out[l] = {q: q[l]!, chi: chi[l]!, log10RelativeGradient: 0.5 * (log10Chain + inputs)};
  }
  return out;
}

/** σ_w² and σ_b² of this project's init schemes that have them, for a layer of fan-in `fanIn`. */
export function initialisationOf(
  init: {kind: "pytorch-default"} | {kind: "normal"; std: number},
  fanIn: number
): Initialisation {
  switch (init.kind) {
    case "pytorch-default":
      // U(±1/√N) has variance 1/(3N): σ_w² = N · 1/(3N) = 1/3, and the bias the same 1/(3N).
      return {sigmaW2: 1 / 3, sigmaB2: 1 / (3 * fanIn)};
    case "normal":
      return {sigmaW2: init.std ** 2 * fanIn, sigmaB2: 0};
  }
}
