// The 15th, 50th and 85th percentiles of one hidden layer's pre-activations (what enters its activation) over
// training, as in the BatchNorm paper's Figure 1. Without normalization the distribution drifts and widens as
// the layers below it change; with it, it stays put, so the activation keeps working in its useful range.
import * as d3 from "d3";
import type {Snapshot} from "../src/engine/types.js";
import {bottomAxis, gridLines} from "./axes.js";
import {chartWidth, finite, frame, noData} from "./common.js";
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

export interface PreactivationPercentilesOptions {
  width: number;
  height?: number;
  /** The layer, as an index into Snapshot.layers (0 = hidden 1); it must be a hidden layer. */
  layer: number;
}

type Point = {step: number; p: number[]};

/**
 * A run's percentiles of layer `j` where recorded and finite, with their levels (Snapshot.bins.percentiles,
 * the engine's PREACTIVATION_PERCENTILES); runs made before the probe have neither.
 */
function points(snapshots: readonly Snapshot[], j: number, levels: readonly number[]): Point[] {
  return snapshots.flatMap((s) => {
    const p = s.layers[j]?.activation?.preactivationPercentiles;
    const same = s.bins.percentiles?.length === levels.length;
    return p && same && p.length === levels.length && p.every(finite) ? [{step: s.step, p}] : [];
  });
}

const two = d3.format(".2f");
const triple = (p: number[]) => p.map(two).join(", ");

export function preactivationPercentiles(
  runs: readonly RunSeries[],
  {width: requestedWidth, height = 240, layer}: PreactivationPercentilesOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const ordered = runs.map((run) => ({...run, snapshots: byStep(run.snapshots), points: [] as Point[]}));
  const levelsOf = ordered.flatMap((r) => r.snapshots).find((s) => s.bins.percentiles?.length);
  const percentiles = levelsOf?.bins.percentiles ?? [];
  for (const run of ordered) run.points = points(run.snapshots, layer, percentiles);
  const name = ordered.flatMap((r) => r.snapshots).find((s) => s.layers[layer])?.layers[layer]!.name;
  const levels = percentiles.map((p) => `${Math.round(p * 100)}th`).join(", ");
  const drawn = ordered.filter((r) => r.points.length);
  const label = drawn.length
    ? `Percentiles (${levels}) of the pre-activations of ${name}: ` +
      drawn
        .map((r) => {
          const [a, b] = [r.points[0]!, r.points.at(-1)!];
          return `${r.label} ${triple(b.p)} at step ${b.step} (${triple(a.p)} at step ${a.step})`;
        })
        .join("; ") +
      "."
    : `Pre-activation percentiles of ${name ?? "a hidden layer"}: no data yet.`;
  const rows = swatchRows(runSwatches(ordered.map((r) => r.label)), width - 60);
  const svg = frame(width, height, label);
  if (!drawn.length) return noData(svg, width, height);

  const margin = {top: 26 + LEGEND_ROW * rows.length, right: 16, bottom: 32, left: 44};
  const x = d3.scaleLinear(stepExtent(ordered), [margin.left, width - margin.right]);
  const values = drawn.flatMap((r) => r.points.flatMap((p) => p.p));
  const y = d3
    .scaleLinear(d3.extent([0, ...values]) as [number, number], [height - margin.bottom, margin.top])
    .nice();
  gridLines(svg, [y(0)], "horizontal", margin.left, width - margin.right);
  bottomAxis(
    svg,
    d3.axisBottom(x).ticks(Math.max(2, width / 90)),
    height - margin.bottom,
    width - margin.right,
    "step →"
  );
  svg
    .append("g")
    .attr("class", "y-axis")
    .attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(5))
    .call((g) => g.select(".domain").remove());
  svg
    .append("text")
    .attr("x", margin.left - 40)
    .attr("y", margin.top - 12)
    .text(`z of ${name}`);

  const median = percentiles.indexOf(0.5);
  ordered.forEach((run, r) => {
    if (!run.points.length) return;
    const style = runStyle(r);
    const g = svg.append("g").attr("class", `run run-${r}`);
    // The band between the outer percentiles, faint, so overlapping runs stay readable.
    g.append("path")
      .attr("class", "band")
      .attr(
        "d",
        d3
          .area<Point>()
          .x((p) => x(p.step))
          .y0((p) => y(p.p[0]!))
          .y1((p) => y(p.p.at(-1)!))(run.points)
      )
      .attr("fill", style.color)
      .attr("fill-opacity", 0.12);
    percentiles.forEach((level, k) => {
      g.append("path")
        .attr("class", k === median ? "percentile median" : "percentile")
        .attr(
          "d",
          d3
            .line<Point>()
            .x((p) => x(p.step))
            .y((p) => y(p.p[k]!))(run.points)
        )
        .attr("fill", "none")
        .attr("stroke", style.color)
        .attr("stroke-width", k === median ? 2 : 1)
        .attr("stroke-dasharray", style.dash)
        .append("title")
        .text(
          `${run.label}: ${Math.round(level * 100)}th percentile, ${two(run.points.at(-1)!.p[k]!)} at step ${run.points.at(-1)!.step}`
        );
    });
  });
  drawSwatchRows(svg, margin.left, 10, rows);
  return svg.node()!;
}
