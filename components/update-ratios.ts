// How far each step moves each layer, ‖W_t − W_{t−1}‖ / ‖W_{t−1}‖, over training: one panel per layer, the runs
// overlaid. Under SGD the step is the learning rate times the gradient, so vanishing gradients leave the input
// side still (ratios near 1e-9 in the study's baseline); Adam divides each gradient by its own running scale,
// so every layer moves by about the learning rate whatever its gradient.
import * as d3 from "d3";
import type {Snapshot} from "../src/engine/types.js";
import {FAINT, MUTED, chartWidth, decades, frame, layersOf, noData, positive, pow10, sci} from "./common.js";
import {
  byStep,
  drawSwatchRows,
  LEGEND_ROW,
  runStyle,
  runSwatches,
  stepExtent,
  swatchRows,
  type RunSeries
} from "./run-styles.js";

/** The y range of every panel, fixed so runs and layers are read on one axis: SGD's input side reaches 1e-9. */
export const UPDATE_RATIO_DOMAIN: readonly [number, number] = [1e-10, 1];

export interface UpdateRatiosOptions {
  width: number;
  /** Panels per row; by default as many ~140px panels as fit (two on a phone). */
  columns?: number;
  panelHeight?: number;
}

type Point = {step: number; ratio: number};

/** A run's ratios for layer j, without step 0 (no update yet) and without values a log axis cannot place. */
function series(snapshots: readonly Snapshot[], j: number): Point[] {
  return snapshots.flatMap((s) => {
    const ratio = s.layers[j]?.updateRatio;
    return s.kind !== "init" && positive(ratio) ? [{step: s.step, ratio}] : [];
  });
}

export function updateRatios(
  runs: readonly RunSeries[],
  {width: requestedWidth, columns, panelHeight = 110}: UpdateRatiosOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const ordered = runs.map((run) => ({...run, snapshots: byStep(run.snapshots)}));
  const layers = layersOf(ordered.flatMap((r) => r.snapshots));
  const n = layers.length;
  const cols = Math.max(1, Math.min(n || 1, Math.floor(columns ?? width / 140)));
  const rows = swatchRows(runSwatches(ordered.map((r) => r.label)), width - 16);
  const top = 8 + LEGEND_ROW * (Math.max(1, rows.length) + 1);
  const h = top + Math.max(1, Math.ceil(n / cols)) * panelHeight;
  const summary = ordered.flatMap(({label: name, snapshots}) => {
    const last = snapshots.filter((s) => s.kind !== "init").at(-1);
    if (!last || !n) return [];
    const at = (j: number) => sci(last.layers[j]?.updateRatio ?? NaN);
    return [`${name} at step ${last.step}: ${at(0)} at layer 1, ${at(n - 1)} at the output layer`];
  });
  const label = summary.length
    ? `Update-to-weight ratio ‖W_t − W_t−1‖/‖W_t−1‖ per layer: ${summary.join("; ")}.`
    : "Update-to-weight ratio per layer: no data yet.";
  const svg = frame(width, h, label);
  if (!summary.length) return noData(svg, width, h);

  const pw = width / cols;
  const inner = {left: 34, right: 10, top: 20, bottom: 22};
  const [from, to] = stepExtent(ordered);
  const ticks = decades(...UPDATE_RATIO_DOMAIN);
  layers.forEach((layer, j) => {
    const g = svg
      .append("g")
      .attr("class", "panel")
      .attr("transform", `translate(${(j % cols) * pw},${top + Math.floor(j / cols) * panelHeight})`);
    const x = d3.scaleLinear([from, to], [inner.left, pw - inner.right]);
    const y = d3.scaleLog(UPDATE_RATIO_DOMAIN, [panelHeight - inner.bottom, inner.top]).clamp(true);
    g.append("text").attr("x", inner.left).attr("y", 12).text(layer.name);
    g.append("g")
      .attr("class", "grid")
      .selectAll("line")
      .data(ticks)
      .join("line")
      .attr("x1", inner.left)
      .attr("x2", pw - inner.right)
      .attr("y1", (e) => y(10 ** e))
      .attr("y2", (e) => y(10 ** e))
      .attr("stroke", FAINT)
      .attr("stroke-opacity", 0.3);
    g.append("g")
      .attr("class", "y-axis")
      .attr("transform", `translate(${inner.left},0)`)
      .call(
        d3
          .axisLeft(y)
          .tickValues(ticks.filter((e) => e % 3 === 0 || e === ticks.at(-1)).map((e) => 10 ** e))
          .tickFormat((v) => pow10(Math.log10(Number(v))))
          .tickSize(3)
      )
      .call((a) => a.select(".domain").remove());
    g.append("g")
      .attr("class", "x-axis")
      .attr("transform", `translate(0,${panelHeight - inner.bottom})`)
      .call(d3.axisBottom(x).ticks(2).tickSize(3).tickSizeOuter(0));
    const line = d3
      .line<Point>()
      .x((p) => x(p.step))
      .y((p) => y(p.ratio));
    ordered.forEach((run, r) => {
      const points = series(run.snapshots, j);
      const style = runStyle(r);
      g.append("path")
        .attr("class", `run run-${r}`)
        .attr("d", points.length > 1 ? line(points) : null)
        .attr("fill", "none")
        .attr("stroke", style.color)
        .attr("stroke-width", 1.5)
        .attr("stroke-dasharray", style.dash)
        .append("title")
        .text(
          `${run.label}, ${layer.name}: ${sci(points.at(-1)?.ratio ?? NaN)} at step ${points.at(-1)?.step ?? "–"}`
        );
      const end = points.at(-1);
      if (end)
        g.append("circle")
          .attr("class", `end run-${r}`)
          .attr("cx", x(end.step))
          .attr("cy", y(end.ratio))
          .attr("r", 2.5)
          .attr("fill", style.color);
    });
  });
  drawSwatchRows(svg, 8, 10, rows);
  svg
    .append("text")
    .attr("class", "caption")
    .attr("x", 8)
    .attr("y", 10 + LEGEND_ROW * Math.max(1, rows.length))
    .attr("dy", "0.32em")
    .attr("fill", MUTED)
    .text("‖ΔW‖/‖W‖ of one step (log scale) against step");
  return svg.node()!;
}
