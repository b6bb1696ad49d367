// Share of saturated activations per hidden layer. A saturated sigmoid unit has σ'(z) = σ(1 − σ) ≈ 0, so it
// passes (almost) no gradient back: saturation is one of the multipliers that make gradients vanish.
import * as d3 from "d3";
import type {Snapshot} from "../src/engine/types.js";
import {bottomAxis, layerAxis, layerBands} from "./axes.js";
import {FAINT, MUTED, OKABE_ITO, finite, frame, labelWidth, noData, chartWidth} from "./common.js";

export interface SaturationChartOptions {
  width: number;
  height?: number;
}

const percent = d3.format(".0%");
const two = d3.format(".2f");

export function saturationChart(
  snapshot: Snapshot | null | undefined,
  {width: requestedWidth, height}: SaturationChartOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  // The output layer has no activation statistics (its softmax is part of the loss): hidden layers only.
  const hidden = (snapshot?.layers ?? []).flatMap((l, index) =>
    l.activation ? [{name: l.name, index, stats: l.activation}] : []
  );
  const n = hidden.length;
  const margin = {
    top: 24,
    right: Math.min(150, Math.round(width * 0.3)),
    bottom: 30,
    left: labelWidth(hidden.map((d) => d.name))
  };
  const h = height ?? margin.top + margin.bottom + 22 * Math.max(n, 3);
  const share = (d: (typeof hidden)[number]) => (finite(d.stats.saturation) ? d.stats.saturation : NaN);
  const rate = (v: number) => (Number.isFinite(v) ? percent(v) : "n/a");
  const peak = d3.greatest(hidden, (d) => (Number.isFinite(share(d)) ? share(d) : -1));
  const label =
    snapshot && n
      ? `Activation saturation at step ${snapshot.step} across ${n} hidden layers: ${rate(share(hidden[0]!))} ` +
        `in layer 1` +
        (n > 1 ? `, ${rate(share(hidden[n - 1]!))} in the last hidden layer` : "") +
        (peak && Number.isFinite(share(peak)) ? `; highest ${rate(share(peak))} in ${peak.name}.` : ".")
      : "Activation saturation per hidden layer: no data yet.";
  const svg = frame(width, h, label);
  if (!snapshot || !n) return noData(svg, width, h);

  // A share, so the axis is always 0–100 % and bars compare across steps and runs.
  const x = d3.scaleLinear([0, 1], [margin.left, width - margin.right]);
  // Input side at the bottom, as in the other layer charts.
  const y = layerBands(n, margin.top, h - margin.bottom, 0.25);
  const axis = d3.axisBottom(x).ticks(Math.max(2, Math.min(10, width / 80)), "%");
  bottomAxis(svg, axis, h - margin.bottom, x(1), "share of units saturated →");
  layerAxis(
    svg,
    y,
    hidden.map((d) => d.name),
    margin.left
  );
  svg
    .append("text")
    .attr("x", width - margin.right + 40)
    .attr("y", margin.top - 10)
    .text("mean ± std");

  const rows = svg
    .append("g")
    .attr("class", "rows")
    .selectAll("g")
    .data(hidden)
    .join("g")
    .attr("transform", (_, j) => `translate(0,${y(j) ?? 0})`);
  rows
    .append("rect")
    .attr("class", "track")
    .attr("x", x(0))
    .attr("width", x(1) - x(0))
    .attr("height", y.bandwidth())
    .attr("fill", FAINT)
    .attr("fill-opacity", 0.35);
  rows
    .append("rect")
    .attr("class", "bar")
    .attr("x", x(0))
    .attr("width", (d) => (Number.isFinite(share(d)) ? x(Math.min(1, Math.max(0, share(d)))) - x(0) : 0))
    .attr("height", y.bandwidth())
    .attr("fill", OKABE_ITO.vermillion);
  rows
    .append("text")
    .attr("class", "value")
    .attr("x", (d) => x(Number.isFinite(share(d)) ? Math.min(1, Math.max(0, share(d))) : 0) + 4)
    .attr("y", y.bandwidth() / 2)
    .attr("dy", "0.32em")
    .text((d) => rate(share(d)));
  rows
    .append("text")
    .attr("class", "moments")
    .attr("x", width - margin.right + 40)
    .attr("y", y.bandwidth() / 2)
    .attr("dy", "0.32em")
    .attr("fill", MUTED)
    .text((d) =>
      finite(d.stats.mean) && finite(d.stats.std) ? `${two(d.stats.mean)} ± ${two(d.stats.std)}` : "n/a"
    );
  return svg.node()!;
}
