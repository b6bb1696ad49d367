// Layers × training step, coloured by log10 ‖∂L/∂W‖: vanishing gradients show as a dark band growing
// from the input side (bottom) while the output layer (top) stays bright.
import * as d3 from "d3";
import type {Snapshot} from "../src/engine/types.js";
import {bottomAxis, layerAxis, layerBands} from "./axes.js";
import {
  FAINT,
  decades,
  describeGradient,
  frame,
  labelWidth,
  layersOf,
  rowOf,
  noData,
  positive,
  pow10,
  sci,
  chartWidth
} from "./common.js";
import {ramp} from "./legends.js";

/**
 * log10 ‖∂L/∂W‖ covered by the colours. Fixed rather than fitted to the data so that two runs' heatmaps
 * compare honestly: the same colour is the same gradient norm in every chart.
 */
export const GRAD_LOG10_DOMAIN: readonly [number, number] = [-8, 0];

/** Cells whose gradient norm has no logarithm (0, NaN, ±∞): a grey that is no viridis colour. */
export const NO_DATA_FILL = FAINT;

export interface GradientHeatmapOptions {
  width: number;
  height?: number;
  /** log10 range of the colour scale; values outside take the end colours. */
  domain?: readonly [number, number];
}

/** Viridis over log10 ‖∂L/∂W‖, clamped so exploding or vanishing values keep the end colours. */
export function gradientColor(domain: readonly [number, number] = GRAD_LOG10_DOMAIN) {
  return d3.scaleSequential(d3.interpolateViridis).domain(domain).clamp(true);
}

/** The fill of a cell whose layer has gradient norm `gradNorm`. */
export function gradientFill(
  gradNorm: number,
  domain: readonly [number, number] = GRAD_LOG10_DOMAIN
): string {
  return positive(gradNorm) ? gradientColor(domain)(Math.log10(gradNorm)) : NO_DATA_FILL;
}

export function gradientHeatmap(
  snapshots: readonly Snapshot[],
  {width: requestedWidth, height, domain = GRAD_LOG10_DOMAIN}: GradientHeatmapOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  // Sorted by step so each cell can reach to the next snapshot; the sort is stable, so a snapshot that
  // shares its step with an earlier one (an epoch end on a regular step) is drawn over it.
  const runs = snapshots.filter((s) => Number.isFinite(s.step)).sort((a, b) => a.step - b.step);
  const names = layersOf(runs).map((l) => l.name);
  const margin = {top: 52, right: 16, bottom: 32, left: labelWidth(names)};
  const h = height ?? margin.top + margin.bottom + 18 * Math.max(names.length, 3);
  const last = runs.at(-1);
  const label =
    last && names.length
      ? `Gradient norm per layer over ${runs.length} snapshots to step ${last.step}. ${describeGradient(last)}.`
      : "Gradient norm per layer over training steps: no data yet.";
  const svg = frame(width, h, label);
  if (!last || !names.length) return noData(svg, width, h);

  // Irregular spacing (epoch ends fall between regular snapshots) is kept honest by a linear step axis;
  // the last snapshot has no successor, so it gets the typical (median) spacing.
  const gaps = d3.pairs(runs, (a, b) => b.step - a.step).filter((g) => g > 0);
  const tail = d3.median(gaps) ?? 1;
  // End of each cell: the next larger step (snapshots sharing a step share an end), found in one pass.
  const ends: number[] = [];
  for (let i = runs.length - 1; i >= 0; i--) {
    const next = runs[i + 1];
    ends[i] = !next ? last.step + tail : next.step > runs[i]!.step ? next.step : ends[i + 1]!;
  }
  const x = d3.scaleLinear([runs[0]!.step, last.step + tail], [margin.left, width - margin.right]);
  const y = layerBands(names.length, margin.top, h - margin.bottom, 0.05);
  const color = gradientColor(domain);

  svg
    .append("g")
    .attr("class", "cells")
    .attr("shape-rendering", "crispEdges")
    .selectAll("g")
    .data(runs)
    .join("g")
    .each(function (s, i) {
      d3.select(this)
        .selectAll("rect")
        .data(s.layers)
        .join("rect")
        .attr("class", "cell")
        .attr("data-layer", (l, j) => rowOf(names, l.name, j))
        .attr("data-step", s.step)
        .attr("x", x(s.step))
        // Rows by layer name: a layer-wise run's snapshot has only its stage's layers, the head among them.
        .attr("y", (l, j) => y(rowOf(names, l.name, j)) ?? 0)
        .attr("width", Math.max(0, x(ends[i]!) - x(s.step)))
        .attr("height", y.bandwidth())
        .attr("fill", (l) => (positive(l.gradNorm) ? color(Math.log10(l.gradNorm)) : NO_DATA_FILL))
        .append("title")
        .text((l) => `${l.name}, step ${s.step}: ‖∂L/∂W‖ = ${sci(l.gradNorm)}`);
    });

  bottomAxis(
    svg,
    d3.axisBottom(x).ticks(Math.max(2, width / 90)),
    h - margin.bottom,
    width - margin.right,
    "step →"
  );
  layerAxis(svg, y, names, margin.left);
  ramp(svg, {
    left: margin.left,
    top: 8,
    width: Math.min(260, width - margin.left - margin.right - 70),
    title: "‖∂L/∂W‖ per layer (log scale)",
    color,
    domain,
    ticks: decades(10 ** domain[0], 10 ** domain[1]),
    format: pow10,
    noData: NO_DATA_FILL
  });
  return svg.node()!;
}
