// An activation φ and its derivative φ′, side by side. Backpropagation multiplies the gradient by φ′(z) at
// every layer, so the right panel is the per-layer factor: the sigmoid's never exceeds 1/4, tanh's reaches 1 at
// 0 only, ReLU's is exactly 1 where the unit is on, and every saturating φ has φ′ → 0 in its tails.
import * as d3 from "d3";
import type {CurvePoint} from "../src/engine/activation-scalars.js";
import {bottomAxis, gridLines} from "./axes.js";
import {MUTED, chartWidth, frame, noData} from "./common.js";
import {LEGEND_ROW, drawSwatchRows, runStyle, runSwatches, swatchRows} from "./run-styles.js";

/**
 * One activation to draw: its legend name and its curve, activationCurve(config, {from, to}) from
 * src/engine/activation-scalars.ts (components take plain numbers; they cannot import engine code at run time).
 */
export interface ActivationCurveItem {
  label: string;
  points: readonly CurvePoint[];
}

export interface ActivationCurvesOptions {
  width: number;
  /** Height of one panel in px. */
  panelHeight?: number;
}

const two = d3.format(".2~f");

/** Larger than any smooth activation moves between samples ≤ 0.1 apart in z, smaller than the steps at a kink. */
const JUMP = 0.25;

/** The points with a gap marker between neighbours whose values differ by more than JUMP. */
function withGaps(points: readonly CurvePoint[], pick: (p: CurvePoint) => number): CurvePoint[] {
  return points.flatMap((p, i) =>
    i > 0 && Math.abs(pick(p) - pick(points[i - 1]!)) > JUMP ? [{...p, gap: true} as CurvePoint, p] : [p]
  );
}

export function activationCurves(
  items: readonly ActivationCurveItem[],
  {width: requestedWidth, panelHeight = 200}: ActivationCurvesOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const curves = items.filter((item) => item.points.length > 1);
  // The z range of the curves given (all of them are normally sampled on the same grid).
  const domain = d3.extent(curves.flatMap((c) => c.points.map((p) => p.z))) as [number, number];
  const sideBySide = width >= 560;
  const rows = swatchRows(runSwatches(curves.map((c) => c.label)), width - 36);
  const legend = 8 + LEGEND_ROW * Math.max(1, rows.length);
  const h = legend + (sideBySide ? 1 : 2) * panelHeight;
  const peak = (points: readonly CurvePoint[]) => d3.greatest(points, (p) => p.df)!;
  const label = curves.length
    ? `Activations φ(z) and derivatives φ′(z) for z from ${two(domain[0])} to ${two(domain[1])}: ` +
      curves
        .map(({label: name, points}) => {
          const top = peak(points);
          return `${name}′ at most ${two(top.df)} (at z = ${two(top.z)}), ${two(points[0]!.df)} at z = ${two(points[0]!.z)}`;
        })
        .join("; ") +
      "."
    : "Activation functions and their derivatives: none chosen.";
  const svg = frame(width, h, label);
  if (!curves.length) return noData(svg, width, h);

  const panelWidth = sideBySide ? width / 2 : width;
  const panels = [
    {kind: "value", title: "φ(z)", pick: (p: CurvePoint) => p.f, floor: [0, 1]},
    {
      kind: "derivative",
      title: "φ′(z): the factor a gradient meets",
      pick: (p: CurvePoint) => p.df,
      floor: [0, 1]
    }
  ] as const;
  panels.forEach((panel, i) => {
    const left = sideBySide ? i * panelWidth : 0;
    const top = legend + (sideBySide ? 0 : i * panelHeight);
    const margin = {top: 20, right: 14, bottom: 32, left: 36};
    const g = svg.append("g").attr("class", `panel ${panel.kind}`);
    const x = d3.scaleLinear(domain, [left + margin.left, left + panelWidth - margin.right]);
    // Always shows 0 and 1 (φ′ = 1 passes a gradient on unchanged), then whatever the curves reach.
    const values = curves.flatMap((c) => c.points.map(panel.pick)).filter(Number.isFinite);
    const extent = d3.extent([...values, ...panel.floor]) as [number, number];
    const y = d3.scaleLinear(extent, [top + panelHeight - margin.bottom, top + margin.top]).nice();
    gridLines(
      svg,
      [y(0), ...(panel.kind === "derivative" ? [y(1)] : [])],
      "horizontal",
      x.range()[0]!,
      x.range()[1]!
    );
    bottomAxis(
      svg,
      d3.axisBottom(x).ticks(Math.max(2, panelWidth / 70)),
      top + panelHeight - margin.bottom,
      x.range()[1]!,
      "z →"
    );
    g.append("g")
      .attr("transform", `translate(${x.range()[0]},0)`)
      .call(d3.axisLeft(y).ticks(5))
      .call((a) => a.select(".domain").remove());
    g.append("text")
      .attr("class", "panel-title")
      .attr("x", x.range()[0]!)
      .attr("y", top + 10)
      .text(panel.title);
    // A jump between neighbouring samples (ReLU′ and maxout′ at 0) breaks the line instead of drawing a wall.
    const line = d3
      .line<CurvePoint>()
      .defined((p) => Number.isFinite(panel.pick(p)) && !("gap" in p))
      .x((p) => x(p.z))
      .y((p) => y(panel.pick(p)));
    curves.forEach((curve, k) => {
      const style = runStyle(k);
      g.append("path")
        .attr("class", "curve")
        .attr("d", line(withGaps(curve.points, panel.pick)))
        .attr("fill", "none")
        .attr("stroke", style.color)
        .attr("stroke-width", 2)
        .attr("stroke-dasharray", style.dash)
        .append("title")
        .text(`${curve.label}: ${panel.title}`);
    });
    if (panel.kind === "derivative") {
      g.append("text")
        .attr("class", "reference")
        // Under the line on the left, where every derivative is still far below 1 (they rise towards z = 0).
        .attr("x", x.range()[0]! + 4)
        .attr("y", y(1) + 12)
        .attr("fill", MUTED)
        .text("φ′ = 1: gradient kept");
    }
  });
  drawSwatchRows(svg, 36, 10, rows);
  return svg.node()!;
}
