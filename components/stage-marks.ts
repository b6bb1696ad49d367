// The marks of the layer-wise stage timeline (stage-timeline.ts) and its legend: a flame where a block trains, a
// snowflake where it is frozen, a square for each stage's output head (filled: new, hollow: kept).
import type * as d3 from "d3";
import {BACKGROUND, MUTED, OKABE_ITO, type Svg} from "./common.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Group = d3.Selection<SVGGElement, any, null, undefined>;

export const FLAME_COLOR = OKABE_ITO.vermillion;
export const FROST_COLOR = OKABE_ITO.blue;

/** A flame of height 2s centred on the origin: the block trains. */
export const flame = (s: number) =>
  `M0,${-s}C${0.45 * s},${-0.45 * s} ${0.75 * s},${0.05 * s} ${0.55 * s},${0.55 * s}` +
  `C${0.4 * s},${0.95 * s} ${-0.4 * s},${0.95 * s} ${-0.55 * s},${0.55 * s}` +
  `C${-0.75 * s},${0.1 * s} ${-0.2 * s},${-0.25 * s} 0,${-s}Z`;

/** Three crossed strokes with a tick at each end: a snowflake from lines alone. */
export function snowflake(g: Group, s: number): void {
  for (const angle of [90, 30, -30]) {
    const arm = g.append("g").attr("transform", `rotate(${angle})`);
    arm.append("line").attr("x1", -s).attr("x2", s);
    for (const end of [-1, 1])
      arm
        .append("path")
        .attr("d", `M${end * 0.55 * s},${-0.3 * s}L${end * 0.8 * s},0L${end * 0.55 * s},${0.3 * s}`)
        .attr("fill", "none");
  }
  g.attr("stroke", FROST_COLOR).attr("stroke-width", 1.4).attr("stroke-linecap", "round");
}

/** A 7 px head square from `x` (its left edge), centred vertically on the origin. */
export function headSquare(g: Group, x: number, fill: string, stroke: string): void {
  g.append("rect")
    .attr("x", x)
    .attr("y", -3.5)
    .attr("width", 7)
    .attr("height", 7)
    .attr("fill", fill)
    .attr("stroke", stroke);
}

/** What the marks mean, wrapped to `width`. */
export function stageLegend(svg: Svg, left: number, top: number, width: number): void {
  const g = svg.append("g").attr("class", "legend").attr("transform", `translate(${left},${top})`);
  const items: [string, (e: Group) => void][] = [
    ["trains", (e) => e.append("path").attr("d", flame(6)).attr("fill", FLAME_COLOR)],
    ["frozen", (e) => snowflake(e.append("g"), 6)],
    ["new head", (e) => headSquare(e, -3.5, MUTED, MUTED)],
    ["head kept", (e) => headSquare(e, -3.5, BACKGROUND, MUTED)],
    ["numbers: test accuracy (%) at each stage's end", () => {}]
  ];
  let dx = 0;
  let dy = 0;
  for (const [text, draw] of items) {
    const w = 22 + 6 * text.length;
    if (dx > 0 && dx + w > width) [dx, dy] = [0, dy + 16];
    const e = g.append("g").attr("transform", `translate(${dx + 6},${dy})`);
    draw(e);
    e.append("text")
      .attr("x", text.startsWith("numbers") ? -6 : 10)
      .attr("dy", "0.32em")
      .attr("fill", MUTED)
      .text(text);
    dx += w;
  }
}
