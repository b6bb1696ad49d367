// One histogram of weights per layer on the run's fixed bins, with the initial distribution as an
// outline: when gradients vanish, the layers near the input keep their initial shape.
import * as d3 from "d3";
import type {Bins, Snapshot} from "../src/engine/types.js";
import {barsPath} from "./bars-path.js";
import {depthColor, finite, frame, noData, sci, chartWidth} from "./common.js";
import type {SwatchItem} from "./legends.js";
import {drawSwatchRows, LEGEND_ROW, swatchRows} from "./run-styles.js";

export interface WeightDistributionsOptions {
  width: number;
  /** The reference drawn as an outline, normally the run's "init" snapshot. */
  initial?: Snapshot | null;
  /** Panels per row; by default as many ~150px panels as fit. */
  columns?: number;
  /** Height of one panel in px. */
  panelHeight?: number;
}

/**
 * Counts as shares of the layer's weights: the first layer holds 784·n weights and the output layer
 * 10·n, so raw counts would flatten every layer but the first on a shared axis.
 */
function shares(histogram: readonly number[] | undefined): number[] {
  const counts = (histogram ?? []).map((c) => (finite(c) && c > 0 ? c : 0));
  const total = d3.sum(counts);
  return counts.map((c) => (total > 0 ? c / total : 0));
}

/** Standard deviation estimated from bin centres: √(Σ pₖ (mₖ − μ)²). */
function spread(p: readonly number[], bins: Bins): number {
  const w = (bins.max - bins.min) / p.length;
  const m = p.map((_, k) => bins.min + (k + 0.5) * w);
  const mean = d3.sum(p, (pk, k) => pk * m[k]!);
  return d3.sum(p) > 0 ? Math.sqrt(d3.sum(p, (pk, k) => pk * (m[k]! - mean) ** 2)) : NaN;
}

export function weightDistributions(
  snapshot: Snapshot | null | undefined,
  {width: requestedWidth, initial, columns, panelHeight = 100}: WeightDistributionsOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const layers = snapshot?.layers ?? [];
  const n = layers.length;
  const cols = Math.max(1, Math.min(n || 1, Math.floor(columns ?? width / 150)));
  const items: SwatchItem[] = snapshot
    ? [{label: `bars: weights at step ${snapshot.step}`, color: depthColor(n - 1, n)}]
    : [];
  if (snapshot && initial)
    items.push({label: `outline: initial (step ${initial.step})`, color: "currentColor"});
  // The legend wraps where the chart is narrow (a phone), above the panels; without data it keeps its one row.
  const legend = swatchRows(items, width - 8);
  const top = 8 + LEGEND_ROW * Math.max(1, legend.length);
  const h = top + Math.max(1, Math.ceil(n / cols)) * panelHeight;
  if (!snapshot || !n) {
    return noData(frame(width, h, "Weight distributions per layer: no data yet."), width, h);
  }
  const bins = snapshot.bins.weight;
  const now = layers.map((l) => shares(l.weightHistogram));
  const before = layers.map((_, i) => shares(initial?.layers[i]?.weightHistogram));
  const sigma = now.map((p) => spread(p, bins));
  const sigma0 = before.map((p) => spread(p, bins));
  const describe = (i: number, name: string) =>
    `${name} ${sci(sigma[i]!)}` + (initial ? ` (initially ${sci(sigma0[i]!)})` : "");
  const label =
    `Weight distributions of ${n} layers at step ${snapshot.step} on [${bins.min}, ${bins.max}]; ` +
    `standard deviation ${describe(0, "layer 1")}` +
    (n > 1 ? `, ${describe(n - 1, "output layer")}` : "") +
    ".";
  const svg = frame(width, h, label);

  // Each panel has its own y scale (shared by its bars and outline): the first layer's weights crowd
  // into one or two bins at initialisation, and a shared scale would flatten every other panel.
  const pw = width / cols;
  const inner = {left: 12, right: 12, top: 22, bottom: 20};
  layers.forEach((layer, i) => {
    const g = svg
      .append("g")
      .attr("class", "panel")
      .attr("transform", `translate(${(i % cols) * pw},${top + Math.floor(i / cols) * panelHeight})`);
    const p = now[i]!;
    const w = (bins.max - bins.min) / Math.max(1, p.length);
    const x = d3.scaleLinear([bins.min, bins.max], [inner.left, pw - inner.right]);
    const peak = Math.max(d3.max(p) ?? 0, d3.max(before[i]!) ?? 0) || 1;
    const y = d3.scaleLinear([0, peak], [panelHeight - inner.bottom, inner.top]);
    g.append("text")
      .attr("x", inner.left)
      .attr("y", 12)
      .text(`${layer.name}  σ ${sci(sigma[i]!)}`);
    g.append("path")
      .attr("class", "bars")
      .attr("shape-rendering", "crispEdges")
      .attr(
        "d",
        barsPath(
          p.map((s, k) => ({x0: x(bins.min + k * w), x1: x(bins.min + (k + 1) * w), top: y(s)})),
          y(0)
        )
      )
      .attr("fill", depthColor(i, n));
    const reference = before[i]!;
    if (reference.length) {
      // A step outline: each bin's share held flat across the bin, closing at the last edge.
      const edges = reference.map((s, k) => [
        x(bins.min + (k * (bins.max - bins.min)) / reference.length),
        y(s)
      ]);
      edges.push([x(bins.max), y(reference.at(-1)!)]);
      g.append("path")
        .attr("class", "initial")
        .attr("d", d3.line().curve(d3.curveStepAfter)(edges as [number, number][]))
        .attr("fill", "none")
        .attr("stroke", "currentColor")
        .attr("stroke-width", 1);
    }
    const ticks = [bins.min, 0, bins.max].filter(
      (t, k, a) => t >= bins.min && t <= bins.max && a.indexOf(t) === k
    );
    g.append("g")
      .attr("transform", `translate(0,${panelHeight - inner.bottom})`)
      .call(d3.axisBottom(x).tickValues(ticks).tickFormat(d3.format("~g")).tickSize(3).tickSizeOuter(0));
  });

  drawSwatchRows(svg, 8, 8, legend);
  return svg.node()!;
}
