// The axes charts share: layers as rows (input side at the bottom), and labelled bottom and left axes.
import * as d3 from "d3";
import {FAINT, decades, pow10, thin, type Svg} from "./common.js";

/**
 * Rows for `count` layers between `top` and `bottom`. The range is reversed so layer 0 (the input side)
 * is the lowest row and the output layer the highest, the way the network is drawn bottom-up.
 */
export function layerBands(count: number, top: number, bottom: number, padding: number) {
  return d3.scaleBand<number>().domain(d3.range(count)).range([bottom, top]).padding(padding);
}

/** Layer names left of `left`, without a domain line: the rows themselves mark the extent. */
export function layerAxis(svg: Svg, y: d3.ScaleBand<number>, names: readonly string[], left: number): void {
  svg
    .append("g")
    .attr("class", "layer-axis")
    .attr("transform", `translate(${left},0)`)
    .call(
      d3
        .axisLeft(y)
        .tickFormat((j) => names[j] ?? "")
        .tickSize(0)
        .tickPadding(6)
    )
    .call((g) => g.select(".domain").remove());
}

/** A bottom axis at `y` with its title right-aligned under the axis end. */
export function bottomAxis(
  svg: Svg,
  axis: d3.Axis<d3.NumberValue>,
  y: number,
  right: number,
  title: string
): void {
  svg
    .append("g")
    .attr("class", "x-axis")
    .attr("transform", `translate(0,${y})`)
    .call(axis.tickSizeOuter(0))
    // d3's axis sets fill="none" on its group: the title must set its own fill or it is invisible.
    .call((g) =>
      g
        .append("text")
        .attr("x", right)
        .attr("y", 28)
        .attr("fill", "currentColor")
        .attr("text-anchor", "end")
        .text(title)
    );
}

/** A left axis at `left` with its title above the axis top, starting at the chart's left edge ("↑ …"). */
export function leftAxis(
  svg: Svg,
  axis: d3.Axis<d3.NumberValue>,
  left: number,
  top: number,
  title: string
): void {
  svg
    .append("g")
    .attr("class", "y-axis")
    .attr("transform", `translate(${left},0)`)
    .call(axis)
    .call((g) =>
      g
        .append("text")
        .attr("x", -left)
        .attr("y", top - 8)
        .attr("fill", "currentColor")
        .attr("text-anchor", "start")
        .text(title)
    );
}

/**
 * Faint reference lines at the given pixel positions: vertical ones spanning y = from..to, or horizontal ones
 * spanning x = from..to. Log charts put them at every decade so readers can count orders of magnitude.
 */
export function gridLines(
  svg: Svg,
  positions: readonly number[],
  direction: "vertical" | "horizontal",
  from: number,
  to: number
): void {
  const vertical = direction === "vertical";
  svg
    .append("g")
    .attr("class", "grid")
    .selectAll("line")
    .data(positions)
    .join("line")
    .attr("x1", (p) => (vertical ? p : from))
    .attr("x2", (p) => (vertical ? p : to))
    .attr("y1", (p) => (vertical ? from : p))
    .attr("y2", (p) => (vertical ? to : p))
    .attr("stroke", FAINT)
    .attr("stroke-opacity", 0.4);
}

/**
 * Layers as rows against a fixed log x domain, the frame of every per-layer profile: a faint line at each
 * decade, decade ticks thinned to fit (10ⁿ labels), the axis title, and the layer names. Returns the scales
 * and each row's centre.
 */
export function logLayerAxes(
  svg: Svg,
  domain: readonly [number, number],
  names: readonly string[],
  margin: {top: number; right: number; bottom: number; left: number},
  size: {width: number; height: number},
  title: string
) {
  const {width, height} = size;
  // Clamped: a value beyond the fixed range sits on the edge instead of leaving the chart.
  const x = d3.scaleLog(domain, [margin.left, width - margin.right]).clamp(true);
  // Layers are aligned from the input side, layer 0 in the bottom row.
  const y = layerBands(names.length, margin.top, height - margin.bottom, 0.5);
  const cy = (j: number) => (y(j) ?? 0) + y.bandwidth() / 2;
  const ticks = decades(...domain);
  gridLines(
    svg,
    ticks.map((e) => x(10 ** e)),
    "vertical",
    margin.top,
    height - margin.bottom
  );
  const axis = d3
    .axisBottom(x)
    .tickValues(thin(ticks, width - margin.left - margin.right).map((e) => 10 ** e))
    .tickFormat((v) => pow10(Math.log10(Number(v))));
  bottomAxis(svg, axis, height - margin.bottom, width - margin.right, title);
  layerAxis(svg, y, names, margin.left);
  return {x, y, cy};
}
