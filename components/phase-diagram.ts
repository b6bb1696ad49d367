// The phase diagram: init scale (log) × depth, coloured by the predicted log10 ratio of the first to the last
// hidden layer's gradient norm on a fixed diverging scale (ordered/vanishing blue, chaotic/exploding vermillion,
// balanced pale), with the critical line χ₁ = 1, the depth-scale curves depth = k·ξ, measured points on the same
// colours, and the reader's setting.
import * as d3 from "d3";
import {bottomAxis, gridLines, leftAxis} from "./axes.js";
import {FAINT, OKABE_ITO, chartWidth, finite, frame, pow10} from "./common.js";
import {ramp} from "./legends.js";

/**
 * Decades the colours cover, symmetric and fixed so that every activation and setting compares honestly:
 * ratios beyond ±6 decades take the end colours (clamped), and the legend says so.
 */
export const PHASE_DOMAIN: readonly [number, number] = [-6, 6];

/** Okabe–Ito blue through a pale neutral to Okabe–Ito vermillion: the two ends stay apart under colour-blindness. */
export function phaseColor(domain: readonly [number, number] = PHASE_DOMAIN) {
  const interpolate = d3.piecewise(d3.interpolateLab, [OKABE_ITO.blue, "#f2efe9", OKABE_ITO.vermillion]);
  return d3.scaleDiverging(interpolate).domain([domain[0], 0, domain[1]]).clamp(true);
}

/** Lines and rings drawn over the colours: black on a white casing, visible on every fill and both themes. */
const INK = "#111";
const CASING = "#fff";

export interface PhasePoint {
  scale: number;
  depth: number;
  /** log10(‖∂L/∂W₁‖/‖∂L/∂W_L‖); ±Infinity is drawn clamped, NaN as no data. */
  ratio: number;
}

export interface PhaseDiagramData {
  /** The activation's name, for the text alternative. */
  activation: string;
  scales: readonly number[];
  depths: readonly number[];
  /** Predicted ratio per depth (row) and scale (column); null when mean-field theory has none. */
  grid: readonly (readonly (number | null)[])[] | null;
  critical: readonly number[];
  /** ξ per scale, for the curves depth = k·ξ. */
  depthScale: readonly (number | null)[] | null;
  /** Measured points, each with the prediction at its exact setting (null without theory). */
  measured: readonly (PhasePoint & {predicted: number | null})[];
  /** Points still being measured. */
  pending: number;
  reader: {scale: number; depth: number; ratio: number | null} | null;
}

export interface PhaseDiagramOptions {
  width: number;
  height?: number;
  domain?: readonly [number, number];
  /** Multiples k of ξ drawn as curves depth = k·ξ. */
  multiples?: readonly number[];
}

const decadesText = (x: number | null) =>
  x === null || Number.isNaN(x) ? "n/a" : `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(1)}`;

/** The text alternative: the activation, the edge, the reader's setting and how the measurements agree. */
export function describePhase(data: PhaseDiagramData): string {
  const edge = !data.grid
    ? "Mean-field theory has no prediction for this activation; only measured points are shown"
    : data.critical.length
      ? `the critical line χ₁ = 1 is at init std ${data.critical.map((c) => c.toPrecision(3)).join(" and ")}`
      : "χ₁ stays on one side of 1 over the whole range, so there is no critical line";
  const reader = data.reader
    ? ` Your setting (std ${data.reader.scale}, ${data.reader.depth} layers): predicted ${decadesText(data.reader.ratio)} decades.`
    : "";
  const agree = data.measured.filter(
    (p) => p.predicted !== null && Math.sign(p.predicted) === Math.sign(p.ratio)
  ).length;
  const measured = data.measured.length
    ? ` ${data.measured.length} points measured${data.pending ? `, ${data.pending} to come` : ""}` +
      (data.grid ? `; ${agree} agree in sign with the prediction.` : ".")
    : data.pending
      ? ` ${data.pending} points to measure.`
      : "";
  return (
    `Phase diagram for ${data.activation}: log10 of the first over the last hidden layer's gradient norm over ` +
    `init std ${data.scales[0]}–${data.scales.at(-1)} and depth ${data.depths[0]}–${data.depths.at(-1)}, ` +
    `colours clamped at ±${PHASE_DOMAIN[1]} decades; ${edge}.${reader}${measured}`
  );
}

export function phaseDiagram(
  data: PhaseDiagramData,
  {width: requested, height, domain = PHASE_DOMAIN, multiples = [1, 6]}: PhaseDiagramOptions
): SVGSVGElement {
  const width = chartWidth(requested);
  const margin = {top: 0, right: 14, bottom: 36, left: 44};
  const h = height ?? Math.round(Math.min(460, Math.max(320, width * 0.62)));
  const svg = frame(width, h, describePhase(data));
  const xi = data.depthScale;
  // The keys first: the plot starts below however many lines the marks' key needs at this width.
  const color = phaseColor(domain);
  ramp(svg, {
    left: margin.left,
    top: 6,
    width: Math.min(240, width - margin.left - margin.right - 20),
    title: "‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ (clamped at 10⁻⁶ and 10⁶)",
    color,
    domain,
    ticks: d3.range(domain[0], domain[1] + 1, 2),
    format: pow10
  });
  const lines = legend(
    svg,
    {left: margin.left, top: 50, right: width - margin.right},
    data.critical.length > 0,
    xi ? multiples : []
  );
  margin.top = 50 + 14 * lines + 22;
  const [s0, s1] = [data.scales[0]!, data.scales.at(-1)!];
  const [d0, d1] = [data.depths[0]!, data.depths.at(-1)!];
  const x = d3.scaleLog([s0, s1], [margin.left, width - margin.right]).clamp(true);
  const y = d3.scaleLinear([d0 - 0.5, d1 + 0.5], [h - margin.bottom, margin.top]).clamp(true);

  // Cells reach halfway (in log scale) to their neighbours, the edge ones to the range's ends.
  const edges = data.scales.map((s, i) => [
    i === 0 ? s : Math.sqrt(s * data.scales[i - 1]!),
    i === data.scales.length - 1 ? s : Math.sqrt(s * data.scales[i + 1]!)
  ]);
  const cells = svg.append("g").attr("class", "cells").attr("shape-rendering", "crispEdges");
  data.grid?.forEach((row, r) => {
    const depth = data.depths[r]!;
    row.forEach((ratio, c) => {
      cells
        .append("rect")
        .attr("class", "cell")
        .attr("x", x(edges[c]![0]!))
        .attr("y", y(depth + 0.5))
        .attr("width", Math.max(0, x(edges[c]![1]!) - x(edges[c]![0]!)) + 0.5)
        .attr("height", Math.max(0, y(depth - 0.5) - y(depth + 0.5)) + 0.5)
        .attr("fill", ratio === null ? FAINT : color(ratio));
    });
  });

  const ticks = [0.01, 0.1, 1, 10].filter((t) => t >= s0 && t <= s1);
  gridLines(svg, ticks.map(x), "vertical", margin.top, h - margin.bottom);
  const xAxis = d3
    .axisBottom(x)
    .tickValues(ticks)
    .tickFormat((v) => String(v));
  bottomAxis(svg, xAxis, h - margin.bottom, width - margin.right, "init std (weights N(0, std²)) →");
  const yTicks = [1, 10, 20, 30, 40, 50].filter((d) => d >= d0 && d <= d1);
  leftAxis(svg, d3.axisLeft(y).tickValues(yTicks), margin.left, margin.top, "↑ hidden layers");

  const cased = (g: d3.Selection<SVGGElement, undefined, null, undefined>, path: string, dash: string) => {
    g.append("path").attr("d", path).attr("fill", "none").attr("stroke", CASING).attr("stroke-width", 4);
    g.append("path")
      .attr("d", path)
      .attr("fill", "none")
      .attr("stroke", INK)
      .attr("stroke-width", 1.6)
      .attr("stroke-dasharray", dash);
  };
  // ξ curves: depth = k·ξ(scale), drawn where it lies inside the depth range.
  for (const k of xi ? multiples : []) {
    const line = d3
      .line<number>()
      .defined((i) => finite(xi![i]) && k * xi![i]! >= d0 && k * xi![i]! <= d1)
      .x((i) => x(data.scales[i]!))
      .y((i) => y(k * xi![i]!));
    const g = svg.append("g").attr("class", "depth-scale").attr("data-multiple", k);
    cased(g, line(d3.range(data.scales.length)) ?? "", "1.5 3");
  }
  for (const c of data.critical) {
    const g = svg.append("g").attr("class", "critical").attr("data-scale", c);
    cased(g, `M${x(c)},${y(d0 - 0.5)}V${y(d1 + 0.5)}`, "7 4");
  }

  const dots = svg.append("g").attr("class", "measured");
  for (const p of data.measured) {
    const fill = Number.isNaN(p.ratio) ? FAINT : color(p.ratio);
    dots
      .append("circle")
      .attr("class", "point")
      .attr("data-scale", p.scale)
      .attr("data-depth", p.depth)
      .attr("data-ratio", p.ratio)
      .attr("cx", x(p.scale))
      .attr("cy", y(p.depth))
      .attr("r", 6)
      .attr("fill", fill)
      .attr("stroke", INK)
      .attr("stroke-width", 1.5)
      .append("title")
      .text(
        `std ${p.scale}, ${p.depth} layers: measured ${decadesText(p.ratio)}, predicted ${decadesText(p.predicted)} decades`
      );
  }
  if (data.reader) {
    const g = svg
      .append("g")
      .attr("class", "reader")
      .attr("transform", `translate(${x(data.reader.scale)},${y(data.reader.depth)})`);
    g.append("circle").attr("r", 9).attr("fill", "none").attr("stroke", CASING).attr("stroke-width", 5);
    g.append("circle").attr("r", 9).attr("fill", "none").attr("stroke", INK).attr("stroke-width", 2.5);
    g.append("title").text(`Your setting: std ${data.reader.scale}, ${data.reader.depth} layers`);
  }

  return svg.node()!;
}

/** The marks' key (critical line, ξ curves, measured point, the reader's ring, each drawn as on the chart); its lines. */
function legend(
  svg: d3.Selection<SVGSVGElement, undefined, null, undefined>,
  {left, top, right}: {left: number; top: number; right: number},
  critical: boolean,
  multiples: readonly number[]
): number {
  const g = svg.append("g").attr("class", "legend marks").attr("transform", `translate(${left},${top})`);
  const items: {label: string; draw: (e: d3.Selection<SVGGElement, undefined, null, undefined>) => void}[] =
    [];
  const sample = (dash: string) => (e: d3.Selection<SVGGElement, undefined, null, undefined>) => {
    e.append("path").attr("d", "M0,0H18").attr("stroke", CASING).attr("stroke-width", 4);
    e.append("path")
      .attr("d", "M0,0H18")
      .attr("stroke", INK)
      .attr("stroke-width", 1.6)
      .attr("stroke-dasharray", dash);
  };
  if (critical) items.push({label: "χ₁ = 1", draw: sample("7 4")});
  if (multiples.length)
    items.push({
      label: `depth = ${multiples.map((k) => (k === 1 ? "ξ" : `${k}ξ`)).join(", ")}`,
      draw: sample("1.5 3")
    });
  items.push({
    label: "measured",
    draw: (e) => {
      // Cased like the lines, so the black outline shows on a dark page too.
      e.append("circle").attr("cx", 9).attr("r", 5).attr("fill", CASING);
      e.append("circle")
        .attr("cx", 9)
        .attr("r", 4)
        .attr("fill", FAINT)
        .attr("stroke", INK)
        .attr("stroke-width", 1.5);
    }
  });
  items.push({
    label: "you",
    draw: (e) => {
      e.append("circle")
        .attr("cx", 9)
        .attr("r", 6)
        .attr("fill", "none")
        .attr("stroke", CASING)
        .attr("stroke-width", 4);
      e.append("circle")
        .attr("cx", 9)
        .attr("r", 6)
        .attr("fill", "none")
        .attr("stroke", INK)
        .attr("stroke-width", 2);
    }
  });
  // Left to right, wrapping onto a second line (14 px down) where the chart is narrow.
  let [offset, line] = [0, 0];
  for (const item of items) {
    const size = 30 + 6 * item.label.length;
    if (offset > 0 && left + offset + size > right) [offset, line] = [0, line + 1];
    const entry = g.append("g").attr("transform", `translate(${offset},${14 * line})`);
    item.draw(entry);
    entry.append("text").attr("x", 22).attr("dy", "0.32em").text(item.label);
    offset += size;
  }
  return line + 1;
}
