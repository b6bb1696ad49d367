// Where the individual gradient entries of each layer lie, as a ridgeline of log10 |∂L/∂W| on the run's fixed
// bins. The norm (heatmap, profile) says how much gradient a layer gets; this says how it is spread: when
// gradients vanish the whole ridge slides left, layer by layer, rather than a few entries shrinking.
import * as d3 from "d3";
import type {Snapshot} from "../src/engine/types.js";
import {bottomAxis, layerAxis, layerBands, gridLines} from "./axes.js";
import {chartWidth, depthColor, finite, frame, labelWidth, noData, pow10} from "./common.js";

export interface GradientDistributionsOptions {
  width: number;
  height?: number;
}

/** Median of a histogram, as the centre of the bin where the cumulative share crosses ½; NaN when empty. */
export function histogramMedian(counts: readonly number[], min: number, max: number): number {
  const total = d3.sum(counts, (c) => (finite(c) && c > 0 ? c : 0));
  if (!(total > 0)) return NaN;
  const w = (max - min) / counts.length;
  let seen = 0;
  for (let k = 0; k < counts.length; k++) {
    seen += finite(counts[k]) && counts[k]! > 0 ? counts[k]! : 0;
    if (seen >= total / 2) return min + (k + 0.5) * w;
  }
  return max;
}

export function gradientDistributions(
  snapshot: Snapshot | null | undefined,
  {width: requestedWidth, height}: GradientDistributionsOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const layers = (snapshot?.layers ?? []).filter((l) => l.gradHistogram.length > 0);
  const n = layers.length;
  // The top ridge rises half a row above its band (see `ridge`), so the top margin leaves room for it.
  const margin = {top: 28, right: 16, bottom: 32, left: labelWidth(layers.map((l) => l.name))};
  const h = height ?? margin.top + margin.bottom + 26 * Math.max(n, 3);
  if (!snapshot || !n) {
    return noData(frame(width, h, "Distribution of gradient entries per layer: no data yet."), width, h);
  }
  const {min, max} = snapshot.bins.gradLog10;
  const medians = layers.map((l) => histogramMedian(l.gradHistogram, min, max));
  const label =
    `Distribution of log10 |gradient| per layer at step ${snapshot.step}: median entry ` +
    `10^${medians[n - 1]!.toFixed(1)} in the output layer, 10^${medians[0]!.toFixed(1)} in layer 1.`;
  const svg = frame(width, h, label);
  const x = d3.scaleLinear([min, max], [margin.left, width - margin.right]);
  const exponents = d3.range(Math.ceil(min), Math.floor(max) + 1);
  const y = layerBands(n, margin.top, h - margin.bottom, 0);
  // Each ridge is scaled to its own peak and may overlap the row above by half, as ridgelines do.
  const ridge = y.bandwidth() * 1.5;
  gridLines(
    svg,
    exponents.map((e) => x(e)),
    "vertical",
    margin.top,
    h - margin.bottom
  );
  const w = (max - min) / layers[0]!.gradHistogram.length;
  layers.forEach((layer, i) => {
    const counts = layer.gradHistogram.map((c) => (finite(c) && c > 0 ? c : 0));
    const peak = d3.max(counts) || 1;
    const base = y(i)! + y.bandwidth();
    const points = counts.map(
      (c, k) => [x(min + (k + 0.5) * w), base - (c / peak) * ridge] as [number, number]
    );
    svg
      .append("path")
      .attr("class", "ridge")
      .attr("data-layer", i)
      .attr(
        "d",
        d3
          .area<[number, number]>()
          .x((p) => p[0])
          .y0(base)
          .y1((p) => p[1])
          .curve(d3.curveMonotoneX)(points)
      )
      .attr("fill", depthColor(i, n))
      .attr("fill-opacity", 0.75)
      .attr("stroke", "currentColor")
      .attr("stroke-width", 0.5);
  });
  const axis = d3
    .axisBottom(x)
    .tickValues(exponents.filter((e) => e % 2 === 0))
    .tickFormat((e) => pow10(Number(e)));
  bottomAxis(svg, axis, h - margin.bottom, width - margin.right, "|∂L/∂W| per entry (log scale) →");
  layerAxis(
    svg,
    y,
    layers.map((l) => l.name),
    margin.left
  );
  return svg.node()!;
}
