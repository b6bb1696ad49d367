// What mean-field theory predicts over the trainability map: the critical init scale, where χ₁ = 1, and the
// depths k·ξ, ξ = 1/|ln χ₁|, over which a gradient shrinks or grows by e^k. Schoenholz et al. (2017) found
// networks train up to about 6ξ layers; deeper ones do not, however long they train.
import {chiCurve, criticalScales, depthScale} from "./mean-field-edge.js";
import type {GridSettings} from "./trainability.js";

/** The multiples of ξ drawn over the map. */
export const XI_MULTIPLES = [1, 6] as const;

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
  // The phase diagram's solver (mean-field-edge.ts): χ₁ at the fixed point the layers approach from the first
  // hidden layer's q, and the scales where it crosses 1.
  const chis = chiCurve(settings.activation, stds, settings.width);
  const xi = stds.map((_, i) => (chis ? depthScale(chis[i]!) : NaN));
  return {
    critical: criticalScales(settings.activation, stds, settings.width)[0] ?? null,
    xiLines: XI_MULTIPLES.map((multiple) => ({
      multiple,
      points: stds
        .map((scale, i) => ({scale, depth: multiple * xi[i]!}))
        .filter((p) => Number.isFinite(p.depth))
    }))
  };
}
