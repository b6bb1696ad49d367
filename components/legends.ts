// Legends drawn from plain shapes: no gradient or pattern ids, so many charts on one page cannot collide.
import * as d3 from "d3";
import {thin, type Svg} from "./common.js";

export interface SwatchItem {
  label: string;
  color: string;
  dash?: string | undefined;
  dot?: boolean;
  /** A diamond mark instead of the line sample (a point that stands for one run among others). */
  diamond?: boolean;
}

/** Line (and dot) swatches laid out left to right from (x, y). */
export function swatches(svg: Svg, x: number, y: number, items: readonly SwatchItem[]): void {
  const g = svg.append("g").attr("class", "legend").attr("transform", `translate(${x},${y})`);
  let offset = 0;
  for (const item of items) {
    const entry = g.append("g").attr("transform", `translate(${offset},0)`);
    if (item.diamond)
      entry
        .append("path")
        .attr("transform", "translate(9,0)")
        .attr("d", d3.symbol(d3.symbolDiamond, 60)())
        .attr("fill", item.color);
    else
      entry
        .append("line")
        .attr("x2", 18)
        .attr("stroke", item.color)
        .attr("stroke-width", 2)
        .attr("stroke-dasharray", item.dash ?? null);
    if (item.dot) entry.append("circle").attr("cx", 9).attr("r", 3).attr("fill", item.color);
    entry.append("text").attr("x", 22).attr("dy", "0.32em").text(item.label);
    offset += 34 + 6 * item.label.length;
  }
}

export interface RampOptions {
  left: number;
  top: number;
  width: number;
  title: string;
  /** The colour of a value of the domain. */
  color: (v: number) => string;
  domain: readonly [number, number];
  ticks: readonly number[];
  format: (v: number) => string;
  /** When given, a separate swatch for values the scale cannot place. */
  noData?: string;
}

/** A continuous colour ramp approximated by 64 rects, with a tick axis under it. */
export function ramp(
  svg: Svg,
  {left, top, width, title, color, domain, ticks, format, noData}: RampOptions
): void {
  const g = svg.append("g").attr("class", "legend").attr("transform", `translate(${left},${top})`);
  const scale = d3.scaleLinear(domain, [0, Math.max(width, 40)]);
  const step = (domain[1] - domain[0]) / 64;
  g.append("text").attr("dy", "0.71em").text(title);
  g.selectAll("rect")
    .data(d3.range(64).map((k) => domain[0] + k * step))
    .join("rect")
    .attr("x", (v) => scale(v))
    .attr("y", 12)
    .attr("width", scale(domain[0] + step) - scale(domain[0]) + 0.5)
    .attr("height", 8)
    .attr("fill", (v) => color(v + step / 2));
  g.append("g")
    .attr("class", "ticks")
    .attr("transform", "translate(0,20)")
    .call(
      d3
        .axisBottom(scale)
        .tickValues(thin(ticks, scale.range()[1]!))
        .tickFormat((v) => format(Number(v)))
        .tickSize(3)
    )
    .call((a) => a.select(".domain").remove());
  if (noData === undefined) return;
  const none = g.append("g").attr("transform", `translate(${scale(domain[1]) + 14},12)`);
  none.append("rect").attr("width", 10).attr("height", 8).attr("fill", noData);
  none.append("text").attr("x", 14).attr("y", 4).attr("dy", "0.32em").text("no data");
}
