// The activations' share of vanishing: going back from the output, a gradient is multiplied by φ′(z) at every
// hidden layer, so the weights of layer l see the product of the derivatives of layers l … L. With the mean
// derivative per layer, that product falls by a constant factor per layer: at most 1/4 for the sigmoid (7
// layers: ≤ 6e-5), about 1/2 for ReLU, exactly 1 for maxout. (The mean of a product is not the product of
// means; this shows the typical factor, not any one path's.)
import * as d3 from "d3";
import type {Snapshot} from "../src/engine/types.js";
import {logLayerAxes} from "./axes.js";
import {chartWidth, frame, labelWidth, noData, positive, sci} from "./common.js";
import {GRAD_NORM_DOMAIN} from "./gradient-profile.js";
import {drawSwatchRows, LEGEND_ROW, runStyle, runSwatches, swatchRows} from "./run-styles.js";

/** The x range: the gradient profile's, so the two read against each other. */
export const DERIVATIVE_PRODUCT_DOMAIN = GRAD_NORM_DOMAIN;

/**
 * Per hidden layer l (input side first): Π_{k ≥ l} mean φ′ of hidden layer k, the activations' factor in
 * ∂L/∂W_l (δ_l carries φ′(z_l) and every φ′ above). NaN from a layer down once a mean φ′ is missing
 * (runs recorded before the probe) or not finite.
 */
export function meanDerivativeProducts(snapshot: Snapshot): number[] {
  const derivatives = snapshot.layers.filter((l) => l.activation).map((l) => l.activation!.meanDerivative);
  const out: number[] = new Array(derivatives.length);
  let product = 1;
  for (let l = derivatives.length - 1; l >= 0; l--) {
    const d = derivatives[l];
    product = typeof d === "number" && Number.isFinite(d) ? product * d : NaN;
    out[l] = product;
  }
  return out;
}

/** One run's snapshot under a legend name. */
export interface SnapshotSeries {
  label: string;
  snapshot: Snapshot | null | undefined;
}

export interface DerivativeProductsOptions {
  width: number;
  height?: number;
}

export function derivativeProducts(
  runs: readonly SnapshotSeries[],
  {width: requestedWidth, height}: DerivativeProductsOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const drawn = runs.flatMap((run, r) => {
    const products = run.snapshot ? meanDerivativeProducts(run.snapshot) : [];
    return products.some(positive) ? [{...run, r, products, snapshot: run.snapshot!}] : [];
  });
  const names = (drawn[0]?.snapshot.layers ?? []).filter((l) => l.activation).map((l) => l.name);
  const rows = swatchRows(runSwatches(runs.map((r) => r.label)), width - 20);
  const margin = {top: 14 + LEGEND_ROW * rows.length, right: 20, bottom: 32, left: labelWidth(names)};
  const h = height ?? margin.top + margin.bottom + 22 * Math.max(names.length, 3);
  const label = drawn.length
    ? "Product of the mean activation derivatives from the output down to each hidden layer: " +
      drawn
        .map(({label: name, products, snapshot}) => {
          const n = products.length;
          return `${name} ${sci(products[n - 1]!)} at the last hidden layer, ${sci(products[0]!)} at layer 1 at step ${snapshot.step}`;
        })
        .join("; ") +
      "."
    : "Product of the mean activation derivatives per layer: no data yet.";
  const svg = frame(width, h, label);
  if (!drawn.length) return noData(svg, width, h);

  const {x, cy} = logLayerAxes(
    svg,
    DERIVATIVE_PRODUCT_DOMAIN,
    names,
    margin,
    {width, height: h},
    "Π mean φ′ from the output down (log) →"
  );
  svg
    .append("line")
    .attr("class", "unity")
    .attr("x1", x(1))
    .attr("x2", x(1))
    .attr("y1", margin.top)
    .attr("y2", h - margin.bottom)
    .attr("stroke", "currentColor")
    .attr("stroke-dasharray", "2 3");

  // Later runs first, so the run in focus is drawn on top; the comparison is hollow.
  for (const run of [...drawn].reverse()) {
    const style = runStyle(run.r);
    const hollow = run.r > 0;
    const points = run.products.map((p, j) => ({p, j})).filter((d) => positive(d.p));
    const g = svg.append("g").attr("class", `run run-${run.r}`);
    g.append("path")
      .attr(
        "d",
        d3
          .line<{p: number; j: number}>()
          .x((d) => x(d.p))
          .y((d) => cy(d.j))(points)
      )
      .attr("fill", "none")
      .attr("stroke", style.color)
      .attr("stroke-width", 1.5)
      .attr("stroke-dasharray", style.dash);
    g.selectAll("circle")
      .data(points)
      .join("circle")
      .attr("cx", (d) => x(d.p))
      .attr("cy", (d) => cy(d.j))
      .attr("r", hollow ? 5 : 3.5)
      .attr("fill", hollow ? "none" : style.color)
      .attr("stroke", style.color)
      .attr("stroke-width", 1.5)
      .append("title")
      .text((d) => `${run.label}, ${names[d.j]}: ${sci(d.p)}`);
  }
  drawSwatchRows(svg, margin.left, 10, rows);
  return svg.node()!;
}
