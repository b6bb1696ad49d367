// The trainability map: init scale (log, x) × depth (log, y), each cell coloured by the test accuracy a short
// training run reached, with mean-field theory on top: the critical scale (χ₁ = 1) and the depths k·ξ beyond
// which a gradient has shrunk or grown by e^k. Cells without a result are empty (dashed while they train),
// diverged or failed ones crossed out. Plain data in: the page computes the overlay.
import * as d3 from "d3";
import {bottomAxis, leftAxis} from "./axes.js";
import {BACKGROUND, FAINT, MUTED, chartWidth, frame, thin} from "./common.js";
import {ramp, swatches} from "./legends.js";

/** Colours span chance (10 classes) to perfect: fixed, so every grid and every run reads the same. */
export const ACCURACY_DOMAIN: readonly [number, number] = [0.1, 1];

export interface MapCell {
  scale: number;
  depth: number;
  status: "queued" | "running" | "done" | "failed" | "cancelled";
  accuracy: number | null;
  diverged: boolean;
}

export interface TrainabilityMapData {
  scales: readonly number[];
  depths: readonly number[];
  cells: readonly MapCell[];
  /** Steps each cell trained, for the summary. */
  steps: number;
  critical: number | null;
  xiLines: readonly {multiple: number; points: readonly {scale: number; depth: number}[]}[];
}

/** Viridis from chance to perfect (colour-blind safe, monotone in lightness), values outside clamped. */
export const accuracyColor = d3.scaleSequential(d3.interpolateViridis).domain(ACCURACY_DOMAIN).clamp(true);

/** Cell edges on a log axis: geometric midpoints between values, the ends half a step beyond. */
export function logEdges(values: readonly number[]): number[] {
  if (values.length === 1) return [values[0]! / 2, values[0]! * 2];
  const mids = d3.pairs(values, (a, b) => Math.sqrt(a * b));
  return [values[0]! ** 2 / mids[0]!, ...mids, values.at(-1)! ** 2 / mids.at(-1)!];
}

const pct = (a: number) => `${Math.round(a * 100)}%`;
const num = (v: number) => String(Number(v.toPrecision(3)));

/** The text alternative: how many cells finished, and where the networks trained above 50%. */
export function describeMap(data: TrainabilityMapData): string {
  const done = data.cells.filter((c) => c.status === "done" || c.status === "failed");
  const head = `Trainability map: test accuracy after ${data.steps} steps for ${data.scales.length} init scales × ${data.depths.length} depths; ${done.length} of ${data.cells.length} cells finished`;
  const rows = data.depths.map((depth) => {
    const good = done.filter((c) => c.depth === depth && (c.accuracy ?? 0) > 0.5).map((c) => c.scale);
    return good.length ? `depth ${depth} at std ${good.map(num).join(", ")}` : null;
  });
  const above = rows.filter(Boolean);
  const diverged = done.filter((c) => c.diverged).length;
  const critical = data.critical === null ? "" : ` Predicted critical std ${num(data.critical)}.`;
  return (
    `${head}. Above 50%: ${above.length ? above.join("; ") : "no cell yet"}.` +
    `${diverged ? ` ${diverged} diverged.` : ""}${critical}`
  );
}

export function trainabilityMap(
  data: TrainabilityMapData,
  {width: requested}: {width: number}
): SVGSVGElement {
  const width = chartWidth(requested);
  const margin = {top: 76, right: 16, bottom: 40, left: 44};
  const height = margin.top + margin.bottom + Math.max(160, Math.min(360, 34 * data.depths.length));
  const svg = frame(width, height, describeMap(data));
  const xe = logEdges(data.scales);
  const ye = logEdges(data.depths);
  const x = d3.scaleLog([xe[0]!, xe.at(-1)!], [margin.left, width - margin.right]);
  const y = d3.scaleLog([ye[0]!, ye.at(-1)!], [height - margin.bottom, margin.top]);
  const column = new Map(data.scales.map((s, i) => [s, i]));
  const row = new Map(data.depths.map((d, i) => [d, i]));
  const box = (c: MapCell) => {
    const [i, j] = [column.get(c.scale) ?? 0, row.get(c.depth) ?? 0];
    return {x0: x(xe[i]!), x1: x(xe[i + 1]!), y0: y(ye[j + 1]!), y1: y(ye[j]!)};
  };
  const crossed = (c: MapCell) => c.status === "failed" || (c.status === "done" && c.diverged);
  const cells = svg
    .append("g")
    .attr("class", "cells")
    .selectAll("g")
    .data(data.cells)
    .join("g")
    .attr("class", (c) => `cell ${c.status}${c.diverged ? " diverged" : ""}`)
    .attr("data-scale", (c) => c.scale)
    .attr("data-depth", (c) => c.depth);
  const filled = (c: MapCell) => c.status === "done" && c.accuracy !== null;
  cells
    .append("rect")
    .attr("x", (c) => box(c).x0 + 1)
    .attr("y", (c) => box(c).y0 + 1)
    .attr("width", (c) => Math.max(0, box(c).x1 - box(c).x0 - 2))
    .attr("height", (c) => Math.max(0, box(c).y1 - box(c).y0 - 2))
    .attr("fill", (c) => (filled(c) ? accuracyColor(c.accuracy!) : "none"))
    .attr("stroke", (c) => (filled(c) ? "none" : c.status === "running" ? MUTED : FAINT))
    .attr("stroke-dasharray", (c) => (c.status === "running" ? "4 3" : null));
  // A cross over the cell: no accuracy to show because the run diverged (NaN loss) or failed.
  cells
    .filter(crossed)
    .append("path")
    .attr("d", (c) => {
      const b = box(c);
      return `M${b.x0 + 4},${b.y0 + 4}L${b.x1 - 4},${b.y1 - 4}M${b.x1 - 4},${b.y0 + 4}L${b.x0 + 4},${b.y1 - 4}`;
    })
    .attr("stroke", MUTED)
    .attr("stroke-width", 1.5);
  cells.append("title").text((c) => {
    const what = filled(c)
      ? `test accuracy ${(c.accuracy! * 100).toFixed(1)}%`
      : crossed(c)
        ? c.status === "failed"
          ? "the run failed"
          : "diverged (NaN loss)"
        : c.status;
    return `std ${num(c.scale)}, depth ${c.depth}: ${what}`;
  });

  overlay(svg, data, x, y);
  const cellWidth = (width - margin.left - margin.right) / data.scales.length;
  // Labels in a layer of their own, above the theory lines, so no curve hides a number.
  svg
    .append("g")
    .attr("class", "cell-labels")
    .selectAll("text")
    .data(data.cells.filter((c) => cellWidth >= 30 && (filled(c) || crossed(c))))
    .join("text")
    .attr("data-scale", (c) => c.scale)
    .attr("data-depth", (c) => c.depth)
    .attr("x", (c) => (box(c).x0 + box(c).x1) / 2)
    .attr("y", (c) => (box(c).y0 + box(c).y1) / 2)
    .attr("text-anchor", "middle")
    .attr("dominant-baseline", "middle")
    // Dark text on the light (yellow-green) end of viridis, light text on its dark end.
    .attr("fill", (c) => (filled(c) && c.accuracy! > 0.6 ? "#000" : "#fff"))
    .attr("paint-order", "stroke")
    .attr("stroke", (c) => (filled(c) ? "none" : BACKGROUND))
    .attr("stroke-width", 3)
    .style("fill", (c) => (filled(c) ? null : "currentColor"))
    .text((c) => (filled(c) ? pct(c.accuracy!) : c.status === "failed" ? "failed" : "NaN"));
  const xAxis = d3.axisBottom(x).tickValues(thin([...data.scales], width - margin.left - margin.right, 36));
  const xLabel = "init std (log scale) →";
  bottomAxis(
    svg,
    xAxis.tickFormat((v) => num(Number(v))),
    height - margin.bottom,
    width - margin.right,
    xLabel
  );
  const yAxis = d3
    .axisLeft(y)
    .tickValues([...data.depths])
    .tickFormat((v) => String(v))
    .tickSizeOuter(0);
  leftAxis(svg, yAxis, margin.left, margin.top, "↑ hidden layers (log)");
  ramp(svg, {
    left: margin.left,
    top: 4,
    width: Math.min(240, width - margin.left - margin.right - 90),
    title: "Test accuracy (10% = chance, 100% = perfect)",
    color: accuracyColor,
    domain: ACCURACY_DOMAIN,
    ticks: [0.1, 0.25, 0.5, 0.75, 1],
    format: pct
  });
  swatches(svg, margin.left, 50, [
    {label: "critical (χ₁ = 1)", color: "currentColor", dash: "6 3"},
    {label: "k·ξ", color: "currentColor", dash: "2 2"}
  ]);
  return svg.node()!;
}

/** The critical line (vertical) and each k·ξ curve, broken where it leaves the grid's depth range. */
function overlay(
  svg: d3.Selection<SVGSVGElement, undefined, null, undefined>,
  data: TrainabilityMapData,
  x: d3.ScaleLogarithmic<number, number>,
  y: d3.ScaleLogarithmic<number, number>
): void {
  const g = svg.append("g").attr("class", "theory").attr("fill", "none");
  const [top, bottom] = [y.range()[1]!, y.range()[0]!];
  const [lo, hi] = y.domain() as [number, number];
  const halo = (sel: d3.Selection<SVGPathElement | SVGLineElement, unknown, null, undefined>) =>
    sel
      .clone(false)
      .lower()
      .attr("stroke", BACKGROUND)
      .attr("stroke-width", 4.5)
      .attr("stroke-dasharray", null);
  if (data.critical !== null) {
    const cx = x(data.critical);
    const line = g
      .append("line")
      .attr("class", "critical")
      .attr("x1", cx)
      .attr("x2", cx)
      .attr("y1", top)
      .attr("y2", bottom);
    line.attr("stroke", "currentColor").attr("stroke-width", 2).attr("stroke-dasharray", "6 3");
    halo(line as never);
    g.append("text")
      .attr("x", cx + 4)
      .attr("y", top - 4)
      .attr("fill", "currentColor")
      .attr("stroke", BACKGROUND)
      .attr("stroke-width", 3)
      .attr("paint-order", "stroke")
      .text(`critical ${num(data.critical)}`);
  }
  for (const curve of data.xiLines) {
    const inside = (p: {depth: number}) => p.depth >= lo && p.depth <= hi;
    const path = d3
      .line<{scale: number; depth: number}>()
      .defined(inside)
      .x((p) => x(p.scale))
      .y((p) => y(p.depth));
    const line = g
      .append("path")
      .attr("class", "xi")
      .attr("data-multiple", curve.multiple)
      .attr("d", path(curve.points as {scale: number; depth: number}[]) ?? "");
    line.attr("stroke", "currentColor").attr("stroke-width", 1.5).attr("stroke-dasharray", "2 2");
    halo(line as never);
    const label = curve.points.filter(inside).at(0);
    if (label)
      g.append("text")
        .attr("x", x(label.scale) + 3)
        .attr("y", y(label.depth) - 4)
        .attr("fill", "currentColor")
        .attr("stroke", BACKGROUND)
        .attr("stroke-width", 3)
        .attr("paint-order", "stroke")
        .text(curve.multiple === 1 ? "ξ" : `${curve.multiple}ξ`);
  }
}
