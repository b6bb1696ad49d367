// Small multiples of per-layer gradient profiles, one panel per experiment, at the start (hollow) and the end
// (filled) of training. Every panel shares one fixed log axis wide enough for the study's extremes (std-10
// init and its gradient normalization reach 10³, the baseline's first layer 10⁻⁶), so panels compare by eye.
import * as d3 from "d3";
import type {GradientSnapshot} from "../src/lib/study-types.js";
import {gridLines} from "./axes.js";
import {FAINT, MUTED, SERIES, chartWidth, decades, frame, positive, pow10, sci, thin} from "./common.js";
import {swatches} from "./legends.js";

/** The shared x range: fixed, so a page with other runs draws on the same axis. Values beyond sit on the edge. */
export const MULTIPLES_DOMAIN: readonly [number, number] = [1e-8, 1e4];

export interface GradientPanel {
  title: string;
  start: GradientSnapshot | null;
  end: GradientSnapshot | null;
}

export interface GradientMultiplesOptions {
  width: number;
  /** Narrowest panel; the number of columns follows from the width. */
  minPanelWidth?: number;
}

const ROW = 13;
const TITLE = 18;
const AXIS = 22;
const GAP = {x: 18, y: 16};
const LEGEND = 30;

/** "hidden 3" → "3", "output" → "out": row labels that leave the panel room for the data. */
export function shortLayerName(name: string): string {
  return name === "output" ? "out" : name.replace(/^hidden /, "");
}

/** Layer names of all panels, input first: the longest profile's order, then any name it lacks. */
function layerNames(panels: readonly GradientPanel[]): string[] {
  const lists = panels.flatMap((p) => [p.start, p.end]).map((s) => s?.layers.map((l) => l.layer) ?? []);
  const longest = lists.reduce((a, b) => (b.length > a.length ? b : a), []);
  return [...new Set([...longest, ...lists.flat()])];
}

function describe(panel: GradientPanel): string {
  const span = (s: GradientSnapshot | null) => {
    const [first, output] = [s?.layers[0], s?.layers.at(-1)];
    return first && output
      ? `output ${sci(output.norm ?? NaN)}, layer 1 ${sci(first.norm ?? NaN)}`
      : "no data";
  };
  if (!panel.start && !panel.end) return `${panel.title}: not yet run`;
  return `${panel.title}: at the start ${span(panel.start)}; at the end ${span(panel.end)}`;
}

export function gradientMultiples(
  panels: readonly GradientPanel[],
  {width: requestedWidth, minPanelWidth = 230}: GradientMultiplesOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const names = layerNames(panels);
  const columns = Math.max(1, Math.min(panels.length, Math.floor((width + GAP.x) / (minPanelWidth + GAP.x))));
  const panelWidth = (width - GAP.x * (columns - 1)) / columns;
  const panelHeight = TITLE + ROW * Math.max(names.length, 3) + AXIS;
  const rows = Math.ceil(panels.length / columns);
  const height = LEGEND + rows * panelHeight + Math.max(0, rows - 1) * GAP.y;
  const [lo, hi] = MULTIPLES_DOMAIN.map((v) => pow10(Math.log10(v)));
  const label =
    `Gradient norm ‖∂L/∂W‖ per layer at the start and the end of training, ${panels.length} experiments on one ` +
    `log scale from ${lo} to ${hi}. ` +
    (panels.length ? `${panels.map(describe).join(". ")}.` : "No experiments yet.");
  const svg = frame(width, height, label);
  swatches(svg, 0, 10, [
    {label: "start of training (step 0)", color: SERIES[1], dash: "4 3"},
    {label: "end of training", color: SERIES[0], dot: true}
  ]);

  const labelWidth = 26;
  const x = d3.scaleLog(MULTIPLES_DOMAIN, [labelWidth, panelWidth - 8]).clamp(true);
  // At least three rows tall, so a page whose experiments have no runs yet still shows empty panels.
  const bottom = TITLE + ROW * Math.max(names.length, 3);
  const y = d3.scaleBand<number>().domain(d3.range(names.length)).range([bottom, TITLE]).padding(0.3);
  const cy = (layer: string) => (y(names.indexOf(layer)) ?? 0) + y.bandwidth() / 2;
  const ticks = decades(...MULTIPLES_DOMAIN);

  panels.forEach((panel, i) => {
    const [col, row] = [i % columns, Math.floor(i / columns)];
    const g = svg
      .append("g")
      .attr("class", "panel")
      .attr("transform", `translate(${col * (panelWidth + GAP.x)},${LEGEND + row * (panelHeight + GAP.y)})`);
    g.append("text").attr("class", "panel-title").attr("y", 11).attr("font-weight", "bold").text(panel.title);
    const sub = g as unknown as d3.Selection<SVGSVGElement, undefined, null, undefined>;
    gridLines(
      sub,
      ticks.map((e) => x(10 ** e)),
      "vertical",
      TITLE,
      bottom
    );
    g.append("g")
      .attr("class", "x-axis")
      .attr("transform", `translate(0,${bottom})`)
      .call(
        d3
          .axisBottom(x)
          .tickValues(thin(ticks, panelWidth - labelWidth, 34).map((e) => 10 ** e))
          .tickFormat((v) => pow10(Math.log10(Number(v))))
          .tickSizeOuter(0)
      );
    g.append("g")
      .attr("class", "layer-labels")
      .selectAll("text")
      .data(names)
      .join("text")
      .attr("x", labelWidth - 6)
      .attr("y", (n) => cy(n))
      .attr("dy", "0.32em")
      .attr("text-anchor", "end")
      .attr("fill", MUTED)
      .text(shortLayerName);
    if (!panel.start && !panel.end) {
      g.append("text")
        .attr("class", "no-data")
        .attr("x", (labelWidth + panelWidth) / 2)
        .attr("y", (TITLE + bottom) / 2)
        .attr("text-anchor", "middle")
        .attr("fill", MUTED)
        .text("not yet run");
      return;
    }
    const series = [
      {snapshot: panel.start, color: SERIES[1], hollow: true, name: "start"},
      {snapshot: panel.end, color: SERIES[0], hollow: false, name: "end"}
    ];
    for (const {snapshot, color, hollow, name} of series) {
      const points = (snapshot?.layers ?? []).filter((l) => positive(l.norm));
      const s = g.append("g").attr("class", name);
      s.append("path")
        .attr(
          "d",
          d3.line<(typeof points)[number]>(
            (l) => x(l.norm!),
            (l) => cy(l.layer)
          )(points)
        )
        .attr("fill", "none")
        .attr("stroke", color)
        .attr("stroke-width", 1.25)
        .attr("stroke-dasharray", hollow ? "4 3" : null);
      s.selectAll("circle")
        .data(points)
        .join("circle")
        .attr("cx", (l) => x(l.norm!))
        .attr("cy", (l) => cy(l.layer))
        .attr("r", hollow ? 3.5 : 2.5)
        .attr("fill", hollow ? "none" : color)
        .attr("stroke", color)
        .append("title")
        .text((l) => `${panel.title}, ${l.layer} at the ${name}: ${sci(l.norm!)}`);
    }
  });
  svg.selectAll(".x-axis .domain").attr("stroke", FAINT);
  return svg.node()!;
}
