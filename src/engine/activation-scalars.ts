// Every activation of the registry as a plain function of one number, f(z) and f′(z): no tensors, so pages,
// components and the mean-field theory can use them without TensorFlow.js. The engine's tensor passes
// (activations.ts) take their scalar forms from here, and a test checks the two agree.
import type {ActivationConfig} from "./types.js";

/** SELU's fixed constants (Klambauer et al. 2017), as in PyTorch and tfjs. */
export const SELU_LAMBDA = 1.0507009873554805;
export const SELU_ALPHA = 1.6732632423543772;

/** An activation as plain functions of the pre-activation. */
export interface ScalarActivation {
  f(z: number): number;
  df(z: number): number;
}

/** c₀ … c₉ of erfc below. */
const ERFC_COEFFICIENTS = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
  -0.82215223, 0.17087277
];

/**
 * erf(x) = 1 − erfc(x), erfc(|x|) = t·exp(−x² + Σ cₖtᵏ) with t = 1/(1 + |x|/2): Numerical Recipes' Chebyshev
 * fit, fractional error < 1.2e-7 everywhere, so Φ keeps its relative accuracy in the far lower tail.
 */
export function erf(x: number): number {
  const a = Math.abs(x);
  const t = 1 / (1 + 0.5 * a);
  const poly = ERFC_COEFFICIENTS.reduceRight((sum, c) => c + t * sum, 0);
  const erfc = t * Math.exp(-a * a + poly);
  return x >= 0 ? 1 - erfc : erfc - 1;
}

export const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** Φ(z) = ½·erfc(−z/√2), written so the lower tail keeps its relative accuracy. */
const normalCdf = (z: number) =>
  z >= 0 ? 0.5 * (1 + erf(z * Math.SQRT1_2)) : 0.5 * (1 - erf(-z * Math.SQRT1_2));
const normalPdf = (z: number) => INV_SQRT_2PI * Math.exp(-0.5 * z * z);
const sigmoidOf = (z: number) => 1 / (1 + Math.exp(-z));

/** scale·z for z > 0, scale·alpha·(eᶻ − 1) otherwise: ELU (scale 1) and SELU. */
function exponentialLinear(scale: number, alpha: number): ScalarActivation {
  const negative = scale * alpha;
  return {
    f: (z) => (z > 0 ? scale * z : negative * Math.expm1(z)),
    df: (z) => (z > 0 ? scale : negative * Math.exp(z))
  };
}

/**
 * The scalar form of an activation. Maxout is a max over k = 2 affine pieces, not a function of one number;
 * its scalar form here is the unit along the direction where its pieces are z and −z (one shape two pieces
 * can learn): f(z) = max(z, −z) = |z|, f′ = ±1 (+1 at the tie, which goes to the first piece, as in the
 * engine). What matters for gradients holds in every direction: |f′| = 1, the winning piece passes the
 * gradient on unscaled. (The engine's Activation.scalar stays null for maxout: mean-field theory needs the
 * unit's real statistics, which this one slice does not give.)
 */
export function scalarActivation(config: ActivationConfig): ScalarActivation {
  switch (config.kind) {
    case "sigmoid":
      return {f: sigmoidOf, df: (z) => sigmoidOf(z) * (1 - sigmoidOf(z))};
    case "tanh":
      return {f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2};
    case "relu":
      // Subgradient 0 at z = 0, as PyTorch.
      return {f: (z) => Math.max(z, 0), df: (z) => (z > 0 ? 1 : 0)};
    case "leaky-relu": {
      const {slope} = config;
      return {f: (z) => (z > 0 ? z : slope * z), df: (z) => (z > 0 ? 1 : slope)};
    }
    case "elu":
      return exponentialLinear(1, config.alpha);
    case "selu":
      return exponentialLinear(SELU_LAMBDA, SELU_ALPHA);
    case "gelu":
      return {f: (z) => z * normalCdf(z), df: (z) => normalCdf(z) + z * normalPdf(z)};
    case "softplus":
      return {f: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))), df: sigmoidOf};
    case "maxout":
      return {f: Math.abs, df: (z) => (z >= 0 ? 1 : -1)};
    default: {
      const unknown: never = config;
      throw new Error(`unknown activation "${String((unknown as {kind: unknown}).kind)}"`);
    }
  }
}

export interface CurvePoint {
  z: number;
  f: number;
  df: number;
}

/** f and f′ at `points` evenly spaced z from `from` to `to` (both included), for plotting. */
export function activationCurve(
  config: ActivationConfig,
  {from = -5, to = 5, points = 201}: {from?: number; to?: number; points?: number} = {}
): CurvePoint[] {
  const {f, df} = scalarActivation(config);
  const n = Math.max(2, Math.round(points));
  return Array.from({length: n}, (_, i) => {
    const z = from + ((to - from) * i) / (n - 1);
    return {z, f: f(z), df: df(z)};
  });
}
