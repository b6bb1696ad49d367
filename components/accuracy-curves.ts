// Accuracy curves of many runs on one chart. Eleven lines cannot each get a distinct colour that every reader
// tells apart, so they combine four colour-blind-safe hues with three dash patterns, and one series at a time is
// brought forward (the others fade): on hover, or from the legend (accuracy-legend.ts) by mouse or keyboard.
import * as d3 from "d3";
import {bottomAxis} from "./axes.js";
import {MUTED, OKABE_ITO, chartWidth, finite, frame, noData} from "./common.js";
import {CHANCE} from "./training-curves.js";

export interface CurveSeries {
  key: string;
  label: string;
  /** x: epoch (fractional between epoch ends); y: accuracy as a share, null for a gap. */
  points: {x: number; y: number | null}[];
}

export interface AccuracyCurvesOptions {
  width: number;
  height?: number;
  /** Log x spreads the early epochs, where the runs part ways, and fits 600-epoch layer-wise runs. */
  xScale?: "log" | "linear";
  /** What y is, for the axis title and the text alternative. */
  metric?: string;
}

/** The four Okabe–Ito hues whose lines stay at about 3:1 or more on both the light and the dark page. */
const HUES = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.green, OKABE_ITO.purple] as const;
const DASHES = [null, "7 3", "2 2", "10 3 2 3"] as const;

/** The colour and dash of series `i`: hues first, then the same hues dashed, dotted, dash-dotted (16 in all). */
export function seriesStyle(i: number): {color: string; dash: string | null} {
  return {color: HUES[i % HUES.length]!, dash: DASHES[Math.floor(i / HUES.length) % DASHES.length]!};
}

const percent = d3.format(".1%");
const epochText = (x: number) => d3.format(".3~f")(x);

type Point = CurveSeries["points"][number];

/**
 * Draws the series faded, except `key` (drawn thick and on top, its value at `at` or at its end read out above
 * the plot); null shows every series alike.
 */
export function highlightSeries(svg: SVGSVGElement, key: string | null, at?: Point): void {
  const groups = d3.select(svg).selectAll<SVGGElement, CurveSeries>("g.series");
  groups
    .classed("highlighted", (s) => s.key === key)
    .attr("opacity", (s) => (key === null || s.key === key ? 1 : 0.18))
    .select("path")
    .attr("stroke-width", (s) => (s.key === key ? 3 : 1.5));
  groups.filter((s) => s.key === key).raise();
  const chosen = groups.filter((s) => s.key === key).data()[0];
  const point = at ?? chosen?.points.filter((p) => finite(p.y)).at(-1);
  d3.select(svg)
    .select(".readout")
    .text(chosen && point ? `${chosen.label}: ${percent(point.y!)} at epoch ${epochText(point.x)}` : "");
}

export function accuracyCurves(
  series: readonly CurveSeries[],
  {width: requestedWidth, height = 300, xScale = "log", metric = "validation accuracy"}: AccuracyCurvesOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const drawn = series.filter((s) => s.points.some((p) => finite(p.y)));
  const ends = drawn.map((s) => {
    const last = s.points.filter((p) => finite(p.y)).at(-1)!;
    return `${s.label} ${percent(last.y!)} at epoch ${epochText(last.x)}`;
  });
  const label = drawn.length
    ? `${metric[0]!.toUpperCase()}${metric.slice(1)} per epoch of ${drawn.length} runs, chance ${percent(CHANCE.accuracy)}: ${ends.join("; ")}.`
    : `${metric[0]!.toUpperCase()}${metric.slice(1)} per epoch: no runs yet.`;
  const svg = frame(width, height, label);
  if (!drawn.length) return noData(svg, width, height);

  const margin = {top: 26, right: 16, bottom: 34, left: 44};
  const xMax = d3.max(drawn, (s) => d3.max(s.points, (p) => p.x)) ?? 1;
  const xMin = xScale === "log" ? (d3.min(drawn, (s) => d3.min(s.points, (p) => p.x)) ?? 1) : 0;
  const x = (xScale === "log" ? d3.scaleLog() : d3.scaleLinear())
    .domain([Math.max(xMin, xScale === "log" ? 1e-3 : 0), Math.max(xMax, xMin * 1.0001 + 1e-9)])
    .range([margin.left, width - margin.right]);
  const y = d3.scaleLinear([0, 1], [height - margin.bottom, margin.top]);

  const axis = d3.axisBottom(x).ticks(Math.max(2, width / 90), xScale === "log" ? "~g" : "~f");
  bottomAxis(
    svg,
    axis,
    height - margin.bottom,
    width - margin.right,
    `epoch${xScale === "log" ? " (log scale)" : ""} →`
  );
  svg
    .append("g")
    .attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(5, "%"))
    .call((g) => g.select(".domain").remove());
  svg
    .append("line")
    .attr("class", "chance")
    .attr("x1", margin.left)
    .attr("x2", width - margin.right)
    .attr("y1", y(CHANCE.accuracy))
    .attr("y2", y(CHANCE.accuracy))
    .attr("stroke", MUTED)
    .attr("stroke-dasharray", "4 4");

  const line = d3
    .line<Point>()
    .defined((p) => finite(p.y) && p.x > 0)
    .x((p) => x(p.x))
    .y((p) => y(p.y!));
  svg
    .append("g")
    .attr("class", "lines")
    .selectAll("g")
    .data(drawn)
    .join("g")
    .attr("class", "series")
    .attr("data-key", (s) => s.key)
    .each(function (s) {
      const {color, dash} = seriesStyle(series.indexOf(s));
      d3.select(this)
        .append("path")
        .attr("d", line(s.points))
        .attr("fill", "none")
        .attr("stroke", color)
        .attr("stroke-dasharray", dash)
        .attr("stroke-width", 1.5);
    });
  svg
    .append("text")
    .attr("class", "readout")
    .attr("x", margin.left + 4)
    .attr("y", margin.top - 10);

  // The series nearest the pointer comes forward, so any line can be read by pointing at it.
  const points = drawn.flatMap((s) => s.points.filter((p) => finite(p.y) && p.x > 0).map((p) => ({s, p})));
  svg
    .on("pointermove", (event: PointerEvent) => {
      const [px, py] = d3.pointer(event);
      const near = d3.least(points, ({p}) => Math.hypot(x(p.x) - px, y(p.y!) - py));
      highlightSeries(svg.node()!, near?.s.key ?? null, near?.p);
    })
    .on("pointerleave", () => highlightSeries(svg.node()!, svg.attr("data-pinned") || null));
  return svg.node()!;
}
