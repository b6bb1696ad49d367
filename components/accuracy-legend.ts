// The legend of accuracy-curves.ts as real buttons, so the keyboard reaches every series: focusing or hovering
// an entry brings its line forward; pressing it pins that line (aria-pressed) until pressed again. Interactive
// elements cannot live inside the chart, whose role="img" makes its content presentational.
import * as d3 from "d3";
import {
  accuracyCurves,
  highlightSeries,
  seriesStyle,
  type AccuracyCurvesOptions,
  type CurveSeries
} from "./accuracy-curves.js";
import {finite} from "./common.js";

const hasData = (s: CurveSeries) => s.points.some((p) => finite(p.y));

/**
 * A row of buttons, one per series with data, each drawing its line sample in the chart's style (styles follow
 * the position in `series`, as in the chart); `onHighlight` gets the key to bring forward, or null.
 */
export function curvesLegend(
  series: readonly CurveSeries[],
  {
    label,
    onHighlight,
    onPin
  }: {label: string; onHighlight: (key: string | null) => void; onPin: (key: string | null) => void}
): HTMLUListElement {
  let pinned: string | null = null;
  const list = d3
    .create("ul")
    .attr("class", "curves-legend")
    .attr("aria-label", label)
    .style("list-style", "none")
    .style("padding", "0")
    .style("margin", "0 0 0.5rem 0")
    .style("display", "flex")
    .style("flex-wrap", "wrap")
    .style("gap", "0.25rem 0.75rem");
  const buttons = list
    .selectAll("li")
    .data(series.filter(hasData))
    .join("li")
    .append("button")
    .attr("type", "button")
    .attr("aria-pressed", "false")
    .attr("data-key", (s) => s.key)
    .style("font", "inherit")
    .style("font-size", "0.85em")
    .style("color", "inherit")
    .style("background", "none")
    .style("border", "1px solid transparent")
    .style("padding", "0.1rem 0.3rem")
    .style("cursor", "pointer");
  const sample = buttons
    .append("svg")
    .attr("aria-hidden", "true")
    .attr("focusable", "false")
    .attr("width", 24)
    .attr("height", 10)
    .style("margin-right", "0.3em");
  sample
    .append("line")
    .attr("x1", 0)
    .attr("x2", 24)
    .attr("y1", 5)
    .attr("y2", 5)
    .attr("stroke-width", 2.5)
    .each(function (s) {
      const {color, dash} = seriesStyle(series.indexOf(s));
      d3.select(this).attr("stroke", color).attr("stroke-dasharray", dash);
    });
  buttons.append("span").text((s) => s.label);
  const show = (key: string | null) => onHighlight(key ?? pinned);
  buttons
    .on("mouseenter focus", (_e, s) => show(s.key))
    .on("mouseleave blur", () => show(null))
    .on("click", (_e, s) => {
      pinned = pinned === s.key ? null : s.key;
      buttons
        .attr("aria-pressed", (b) => String(b.key === pinned))
        .style("border-color", (b) => (b.key === pinned ? "currentColor" : "transparent"));
      onPin(pinned);
      show(s.key);
    });
  return list.node()!;
}

/** The chart with its legend above it, wired together: what a page shows. */
export function accuracyCurvesFigure(
  series: readonly CurveSeries[],
  options: AccuracyCurvesOptions & {legendLabel?: string}
): HTMLDivElement {
  const figure = d3.create("div").attr("class", "accuracy-curves");
  const chart = accuracyCurves(series, options);
  if (series.some(hasData)) {
    const legend = curvesLegend(series, {
      label: options.legendLabel ?? "Highlight a run",
      onHighlight: (key) => highlightSeries(chart, key),
      onPin: (key) => (key ? chart.setAttribute("data-pinned", key) : chart.removeAttribute("data-pinned"))
    });
    figure.append(() => legend);
  }
  figure.append(() => chart);
  return figure.node()!;
}
