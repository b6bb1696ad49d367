// What mean-field theory predicts over the trainability map: the critical init scale, where χ₁ = 1, and the
// depths k·ξ, ξ = 1/|ln χ₁|, over which a gradient shrinks or grows by e^k. Schoenholz et al. (2017) found
// networks train up to about 6ξ layers; deeper ones do not, however long they train.
import {createActivation} from "../engine/activations.js";
import {meanField} from "../engine/mean-field.js";
import type {ActivationName} from "../engine/types.js";
import {hiddenInitialisation} from "./initialization.js";
import type {GridSettings} from "./trainability.js";

/** The multiples of ξ drawn over the map. */
export const XI_MULTIPLES = [1, 6] as const;

/**
 * χ₁ of a hidden layer (width inputs, width outputs) with N(0, std²) weights. The first hidden layer's 784
 * inputs change only where the signal starts (q₁ = 784·std²·E[x²]), not the fixed point q* it settles to, so
 * χ₁ and ξ are the hidden layers'.
 */
export function chi1(activation: ActivationName, width: number, std: number): number | null {
  const phi = createActivation({kind: activation} as never);
  if (!phi.scalar) return null;
  return meanField(phi.scalar, hiddenInitialisation({kind: "normal", std}, width, phi.gain)).chi1;
}

/**
 * The std in [lo, hi] where χ₁ = 1, by bisection on log std (χ₁ grows with std for the activations here), or
 * null when χ₁ − 1 has the same sign at both ends (no critical line inside the range).
 */
export function criticalScale(
  activation: ActivationName,
  width: number,
  lo: number,
  hi: number
): number | null {
  const f = (std: number) => Math.log(chi1(activation, width, std) ?? NaN);
  let [a, b] = [Math.log(lo), Math.log(hi)];
  let [fa, fb] = [f(lo), f(hi)];
  if (!Number.isFinite(fa) || !Number.isFinite(fb) || Math.sign(fa) === Math.sign(fb)) return null;
  for (let i = 0; i < 40; i++) {
    const m = (a + b) / 2;
    const fm = f(Math.exp(m));
    if (Math.sign(fm) === Math.sign(fa)) [a, fa] = [m, fm];
    else [b, fb] = [m, fm];
  }
  return Math.exp((a + b) / 2);
}

export interface TheoryOverlay {
  /** The critical std, or null when the grid's scales do not straddle it. */
  critical: number | null;
  /** Per multiple k of ξ: points (std, k·ξ(std)) over the grid's scale range, a smooth curve. */
  xiLines: {multiple: number; points: {scale: number; depth: number}[]}[];
}

const overlays = new Map<string, TheoryOverlay>();

/**
 * The overlay of a grid: critical line and k·ξ curves over its scale span (`points` per curve). Each point
 * solves the length map's fixed point (~5 ms), so overlays are kept per activation, width and span.
 */
export function theoryOverlay(settings: GridSettings, points = 48): TheoryOverlay {
  const key = [settings.activation, settings.width, settings.scales[0], settings.scales.at(-1), points].join(
    "|"
  );
  const known = overlays.get(key);
  if (known) return known;
  const overlay = computeOverlay(settings, points);
  overlays.set(key, overlay);
  return overlay;
}

function computeOverlay(settings: GridSettings, points: number): TheoryOverlay {
  const lo = settings.scales[0]!;
  const hi = settings.scales.at(-1)!;
  const span = lo === hi ? {lo: lo / 3, hi: hi * 3} : {lo, hi};
  const stds = Array.from({length: points}, (_, i) => span.lo * (span.hi / span.lo) ** (i / (points - 1)));
  const xi = stds.map((std) => {
    const chi = chi1(settings.activation, settings.width, std);
    return chi === null ? NaN : 1 / Math.abs(Math.log(chi));
  });
  return {
    critical: criticalScale(settings.activation, settings.width, span.lo, span.hi),
    xiLines: XI_MULTIPLES.map((multiple) => ({
      multiple,
      points: stds
        .map((scale, i) => ({scale, depth: multiple * xi[i]!}))
        .filter((p) => Number.isFinite(p.depth))
    }))
  };
}
