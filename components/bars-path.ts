// Histogram bars as one SVG path: a closed rectangle per bin. A chart of a dozen panels of 100 bins is then a
// dozen elements instead of 1,200 rects to create, style and lay out on every redraw, and looks the same.

export interface Bar {
  /** Left and right edge of the bin, in px. */
  x0: number;
  x1: number;
  /** The bar's top, in px (y grows downwards; top = base draws nothing). */
  top: number;
}

/** "M x₀,base V top H x₁′ V base Z" for each bar, x₁′ = x₀ + max(0, x₁ − x₀ − gap): bins `gap` px apart. */
export function barsPath(bars: Iterable<Bar>, base: number, gap = 0.3): string {
  let d = "";
  for (const {x0, x1, top} of bars) d += `M${x0},${base}V${top}H${x0 + Math.max(0, x1 - x0 - gap)}V${base}Z`;
  return d;
}
