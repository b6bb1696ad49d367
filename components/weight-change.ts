// ‖W_t − W_0‖ / ‖W_0‖ per layer over steps: the study's first signal. A layer's update is proportional to
// its gradient, so with vanishing gradients the layers near the output move while those near the input
// stay where they were initialised, orders of magnitude apart on a log axis.
import * as d3 from "d3";
import type {Snapshot} from "../src/engine/types.js";
import {bottomAxis, gridLines} from "./axes.js";
import {decades, depthColor, dodge, frame, layersOf, noData, pow10, sci, chartWidth} from "./common.js";

/**
 * Lowest relative change shown. Every layer starts at exactly 0 (no logarithm), and float32 rounding
 * puts the noise floor of ‖W_t − W_0‖/‖W_0‖ near 1e-7, so values below are drawn on this floor.
 */
export const RELATIVE_CHANGE_FLOOR = 1e-6;

export interface WeightChangeOptions {
  width: number;
  height?: number;
}

export function weightChange(
  snapshots: readonly Snapshot[],
  {width: requestedWidth, height = 260}: WeightChangeOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const runs = snapshots.filter((s) => Number.isFinite(s.step)).sort((a, b) => a.step - b.step);
  const layers = layersOf(runs);
  const n = layers.length;
  const last = runs.at(-1);
  // By name: a layer-wise run's snapshot holds only its stage's layers (the head among them).
  const change = (s: Snapshot | undefined, j: number) =>
    s?.layers.find((l) => l.name === layers[j]!.name)?.relativeChange ?? NaN;
  const label =
    last && n
      ? `Relative weight change ‖W_t − W_0‖/‖W_0‖ at step ${last.step}: ${sci(change(last, n - 1))} at the output ` +
        `layer` +
        (n > 1 ? `, ${sci(change(last, 0))} at layer 1.` : ".")
      : "Relative weight change per layer: no data yet.";
  const svg = frame(width, height, label);
  if (!last || !n) return noData(svg, width, height);

  const margin = {top: 12, right: 20 + 6 * (d3.max(layers, (l) => l.name.length) ?? 4), bottom: 32, left: 44};
  const first = runs[0]!.step;
  const x = d3.scaleLinear(
    [first, last.step > first ? last.step : first + 1],
    [margin.left, width - margin.right]
  );
  // Fixed floor, and a top that grows by whole decades only when a layer moves farther than ‖W_0‖.
  const top = d3.max(runs, (s) =>
    d3.max(s.layers, (l) => (Number.isFinite(l.relativeChange) ? l.relativeChange : 0))
  );
  const y = d3
    .scaleLog(
      [RELATIVE_CHANGE_FLOOR, 10 ** Math.ceil(Math.log10(Math.max(1, top ?? 1)))],
      [height - margin.bottom, margin.top]
    )
    .clamp(true);
  const ticks = decades(...(y.domain() as [number, number]));

  gridLines(
    svg,
    ticks.map((e) => y(10 ** e)),
    "horizontal",
    margin.left,
    width - margin.right
  );
  const axis = d3.axisBottom(x).ticks(Math.max(2, width / 90));
  bottomAxis(svg, axis, height - margin.bottom, width - margin.right, "step →");
  svg
    .append("g")
    .attr("transform", `translate(${margin.left},0)`)
    .call(
      d3
        .axisLeft(y)
        .tickValues(ticks.map((e) => 10 ** e))
        .tickFormat((v) => pow10(Math.log10(Number(v))))
    )
    .call((g) => g.select(".domain").remove());

  // Non-finite values break the line rather than the chart; zeros sit on the floor (clamped scale).
  type Point = {step: number; value: number};
  const series = layers.map((_, j) =>
    runs.map((s): Point => ({step: s.step, value: change(s, j)})).filter((p) => Number.isFinite(p.value))
  );
  const yOf = (p: Point) => y(Math.max(p.value, RELATIVE_CHANGE_FLOOR));
  const line = d3
    .line<Point>()
    .x((p) => x(p.step))
    .y(yOf);
  const g = svg.append("g").attr("class", "lines").attr("fill", "none").attr("stroke-width", 1.75);
  series.forEach((points, j) => {
    g.append("path").attr("class", "layer").attr("d", line(points)).attr("stroke", depthColor(j, n));
  });

  // End labels, nudged apart: layers near the input often all end on the floor.
  const ends = series.flatMap((points, j) => (points.length ? [{j, p: points.at(-1)!}] : []));
  const placed = dodge(
    ends.map((e) => yOf(e.p)),
    11,
    margin.top,
    height - margin.bottom
  );
  const marks = svg.append("g").attr("class", "ends");
  ends.forEach(({j, p}, k) => {
    const color = depthColor(j, n);
    const name = layers[j]!.name;
    marks.append("circle").attr("cx", x(p.step)).attr("cy", yOf(p)).attr("r", 2.5).attr("fill", color);
    const tag = marks.append("g").attr("transform", `translate(${x(p.step) + 6},${placed[k]})`);
    tag.append("title").text(`${name}: ${sci(p.value)} at step ${p.step}`);
    tag.append("line").attr("x2", 8).attr("stroke", color).attr("stroke-width", 3);
    tag.append("text").attr("x", 11).attr("dy", "0.32em").text(name);
  });
  return svg.node()!;
}
