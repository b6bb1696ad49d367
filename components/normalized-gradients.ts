// Gradient normalization per layer: ‖∂L/∂W‖ before normalization (the true gradient, which vanishes towards the
// input) and after it (what the optimizer receives), one arrow per layer and run, on the gradient profile's fixed
// log axis. Block normalization lifts every layer to about 1; the study's variant, which also drops the 1/batch
// factor, lifts them to 10¹–10³, past the axis's end (drawn at the edge, its value in the text alternative).
// A run without normalization (the baseline) has one gradient: a square per layer.
import type {LayerProbe, Snapshot} from "../src/engine/types.js";
import {logLayerAxes} from "./axes.js";
import {chartWidth, frame, labelWidth, noData, positive, sci} from "./common.js";
import {GRAD_NORM_DOMAIN} from "./gradient-profile.js";
import {drawSwatchRows, LEGEND_ROW, runStyle, runSwatches, swatchRows} from "./run-styles.js";

export interface NormalizedGradientRun {
  label: string;
  snapshot: Snapshot | null | undefined;
}

export interface NormalizedGradientsOptions {
  width: number;
  height?: number;
}

/** A layer's norms: before and after normalization, or its one gradient (after = before) without it. */
export function layerNorms(layer: LayerProbe): {before: number; after: number; normalized: boolean} {
  const n = layer.normalizedGradient;
  return n ? {...n, normalized: true} : {before: layer.gradNorm, after: layer.gradNorm, normalized: false};
}

const ROW = 10;

function describeRun(label: string, snapshot: Snapshot): string {
  const layers = snapshot.layers;
  const last = layers.filter((l) => l.activation).length - 1;
  const at = (j: number, where: string) => {
    const {before, after, normalized} = layerNorms(layers[j]!);
    return normalized ? `${where} ${sci(before)} → ${sci(after)}` : `${where} ${sci(before)}`;
  };
  const normalized = layers.some((l) => l.normalizedGradient);
  return `${label}${normalized ? "" : " (not normalized)"}: ${at(0, "layer 1")}, ${at(last, "last hidden layer")}`;
}

export function normalizedGradients(
  runs: readonly NormalizedGradientRun[],
  {width: requestedWidth, height}: NormalizedGradientsOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const drawn = runs.flatMap((run, r) =>
    run.snapshot?.layers.some((l) => positive(l.gradNorm)) ? [{...run, r, snapshot: run.snapshot}] : []
  );
  const names = (drawn[0]?.snapshot.layers ?? []).map((l) => l.name);
  const rows = swatchRows(runSwatches(runs.map((r) => r.label)), width - 20);
  const margin = {top: 14 + LEGEND_ROW * (rows.length + 1), right: 20, bottom: 32, left: labelWidth(names)};
  const h =
    height ?? margin.top + margin.bottom + Math.max(names.length, 3) * Math.max(24, 2 * ROW * drawn.length);
  const label = drawn.length
    ? `‖∂L/∂W‖ per layer before → after gradient normalization at step ${drawn[0]!.snapshot.step}: ` +
      drawn.map((run) => describeRun(run.label, run.snapshot)).join("; ") +
      "."
    : "‖∂L/∂W‖ per layer before and after gradient normalization: no data yet.";
  const svg = frame(width, h, label);
  if (!drawn.length) return noData(svg, width, h);

  const {x, y, cy} = logLayerAxes(
    svg,
    GRAD_NORM_DOMAIN,
    names,
    margin,
    {width, height: h},
    "‖∂L/∂W‖ (log) →"
  );
  // Each run has its own line inside a layer's band, in legend order from the top.
  const offset = (r: number) => (drawn.length < 2 ? 0 : (r / (drawn.length - 1) - 0.5) * y.bandwidth() * 1.6);
  const arrowId = (r: number) => `normalized-gradient-arrow-${r}`;
  const defs = svg.append("defs");
  drawn.forEach(({r}, i) => {
    defs
      .append("marker")
      .attr("id", arrowId(r))
      .attr("viewBox", "0 0 10 10")
      .attr("refX", 10)
      .attr("refY", 5)
      .attr("markerWidth", 6)
      .attr("markerHeight", 6)
      .attr("orient", "auto")
      .append("path")
      .attr("d", "M0,0L10,5L0,10Z")
      .attr("fill", runStyle(drawn[i]!.r).color);
  });
  drawn.forEach((run, i) => {
    const style = runStyle(run.r);
    const points = run.snapshot.layers
      .map((l, j) => ({j, ...layerNorms(l)}))
      .filter((d) => positive(d.before));
    const g = svg.append("g").attr("class", `run run-${run.r}`);
    const yOf = (j: number) => cy(j) + offset(i);
    g.selectAll("line")
      .data(points.filter((d) => d.normalized && positive(d.after) && Math.abs(x(d.after) - x(d.before)) > 8))
      .join("line")
      .attr("class", "shift")
      .attr("x1", (d) => x(d.before) + (x(d.after) > x(d.before) ? 5 : -5))
      .attr("x2", (d) => x(d.after) + (x(d.after) > x(d.before) ? -5 : 5))
      .attr("y1", (d) => yOf(d.j))
      .attr("y2", (d) => yOf(d.j))
      .attr("stroke", style.color)
      .attr("stroke-width", 1.5)
      .attr("stroke-dasharray", style.dash)
      .attr("marker-end", `url(#${arrowId(run.r)})`);
    const normalized = points.filter((d) => d.normalized);
    const mark = (cls: "before" | "after", hollow: boolean) =>
      g
        .selectAll(`circle.${cls}`)
        .data(normalized.filter((d) => positive(d[cls])))
        .join("circle")
        .attr("class", cls)
        .attr("cx", (d) => x(d[cls]))
        .attr("cy", (d) => yOf(d.j))
        .attr("r", 4)
        .attr("fill", hollow ? "var(--theme-background)" : style.color)
        .attr("stroke", style.color)
        .attr("stroke-width", 1.5)
        .append("title")
        .text((d) => `${run.label}, ${names[d.j]}: ${cls} normalization ${sci(d[cls])}`);
    mark("before", true);
    mark("after", false);
    // Not normalized: the layer's one gradient, a square, so it cannot pass for another run's "after".
    g.selectAll("rect.plain")
      .data(points.filter((d) => !d.normalized))
      .join("rect")
      .attr("class", "plain")
      .attr("x", (d) => x(d.before) - 4)
      .attr("y", (d) => yOf(d.j) - 4)
      .attr("width", 8)
      .attr("height", 8)
      .attr("fill", style.color)
      .append("title")
      .text((d) => `${run.label}, ${names[d.j]}: not normalized ${sci(d.before)}`);
  });
  drawSwatchRows(svg, margin.left, 10, rows);
  svg
    .append("text")
    .attr("class", "marker-key")
    .attr("x", margin.left)
    .attr("y", 14 + LEGEND_ROW * rows.length)
    .attr("fill", "currentColor")
    .attr("font-size", 11)
    .text("○ before → ● after; ■ not normalized");
  return svg.node()!;
}
