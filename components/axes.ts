// The two axes every chart shares: layers as rows (input side at the bottom) and a labelled bottom axis.
import * as d3 from "d3";
import {FAINT, type Svg} from "./common.js";

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
