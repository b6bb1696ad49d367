// ‖∂L/∂W‖ of every layer at one step on a log axis. Backpropagation multiplies the output gradient by
// W·σ'(z) once per layer and σ' ≤ 1/4 for the sigmoid, so a vanishing profile is close to a straight
// slope on this axis: a constant factor lost per layer.
import * as d3 from "d3";
import type {Snapshot} from "../src/engine/types.js";
import {logLayerAxes} from "./axes.js";
import {
  OKABE_ITO,
  SERIES,
  describeGradient,
  frame,
  labelWidth,
  layersOf,
  rowOf,
  noData,
  positive,
  sci,
  chartWidth
} from "./common.js";
import type {SwatchItem} from "./legends.js";
import {drawSwatchRows, LEGEND_ROW, swatchRows} from "./run-styles.js";

/** The x range, fixed whatever the data so two profiles (or two runs) are read on the same axis. */
export const GRAD_NORM_DOMAIN: readonly [number, number] = [1e-8, 1e1];

export interface GradientProfileOptions {
  width: number;
  height?: number;
  /** A second run drawn over the first, e.g. the remedy against the baseline. */
  compare?: Snapshot | null;
  /** Legend names of the run and of `compare`. */
  labels?: readonly [string, string];
  /**
   * Which of the two series colours the run and `compare` take ([0, 1] by default): a page that draws each run
   * in turn over the other swaps them, so a run keeps its colour from card to card.
   */
  colors?: readonly [0 | 1, 0 | 1];
  /**
   * A predicted ‖∂L/∂W‖ per layer of `snapshot` (input side first; null where there is none), drawn as a dotted
   * line, e.g. the mean-field prediction from predictedGradientNorms (src/engine/mean-field-profile.ts).
   */
  predicted?: readonly (number | null)[] | null;
  /** Legend name of `predicted`. */
  predictedLabel?: string;
}

/** The predicted line's style: bluish green, dotted, diamonds; distinct from both runs in hue and shape. */
const PREDICTED = {color: OKABE_ITO.green, dash: "1.5 2.5"};

export function gradientProfile(
  snapshot: Snapshot | null | undefined,
  {
    width: requestedWidth,
    height,
    compare,
    labels = ["this run", "comparison"],
    colors = [0, 1],
    predicted,
    predictedLabel = "mean-field prediction"
  }: GradientProfileOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const runs = [snapshot, compare].filter((s): s is Snapshot => s != null && s.layers.length > 0);
  const names = layersOf(runs).map((l) => l.name);
  const main = snapshot?.layers.length ? snapshot : null;
  const other = compare?.layers.length ? compare : null;
  const guess = (predicted ?? []).flatMap((v, j) => (positive(v) ? [{v, j}] : []));
  const [mainColor, otherColor] = [SERIES[colors[0]], SERIES[colors[1]]];
  const items: SwatchItem[] = [{label: `${labels[0]} (step ${main?.step})`, color: mainColor, dot: true}];
  if (other) items.push({label: `${labels[1]} (step ${other.step})`, color: otherColor, dash: "4 3"});
  if (guess.length)
    items.push({label: predictedLabel, color: PREDICTED.color, dash: PREDICTED.dash, diamond: true});
  // The legend wraps onto more rows on a narrow chart, and the plot moves down to make room.
  const left = labelWidth(names);
  const legend = swatchRows(items, width - left - 20);
  const margin = {top: 12 + LEGEND_ROW * legend.length, right: 20, bottom: 32, left};
  const h = height ?? margin.top + margin.bottom + 22 * Math.max(names.length, 3);
  const label = main
    ? `${describeGradient(main)}.` +
      (other ? ` ${describeGradient(other, `For ${labels[1]}, it`)}.` : "") +
      (guess.length > 1
        ? ` The ${predictedLabel} goes from ${sci(guess.at(-1)!.v)} at ${main.layers[guess.at(-1)!.j]?.name} to ` +
          `${sci(guess[0]!.v)} at ${main.layers[guess[0]!.j]?.name}.`
        : "")
    : "Gradient norm per layer: no data yet.";
  const svg = frame(width, h, label);
  if (!main) return noData(svg, width, h);

  const {x, cy} = logLayerAxes(
    svg,
    GRAD_NORM_DOMAIN,
    names,
    margin,
    {width, height: h},
    "‖∂L/∂W‖ (log scale) →"
  );

  // The comparison is drawn first and hollow so the run in focus stays on top and both stay visible
  // where they coincide; shape as well as hue tells them apart.
  const series = [
    {run: other, color: otherColor, hollow: true, name: labels[1]},
    {run: main, color: mainColor, hollow: false, name: labels[0]}
  ];
  for (const {run, color, hollow, name} of series) {
    if (!run) continue;
    const g = svg.append("g").attr("class", hollow ? "compare" : "run");
    // Rows by layer name: a layer-wise run's snapshot has only its stage's layers, the head among them.
    const points = run.layers.map((l, j) => ({l, j: rowOf(names, l.name, j)}));
    const line = d3
      .line<{l: {gradNorm: number}; j: number}>()
      .defined((d) => positive(d.l.gradNorm))
      .x((d) => x(d.l.gradNorm))
      .y((d) => cy(d.j));
    g.append("path")
      .attr("d", line(points))
      .attr("fill", "none")
      .attr("stroke", color)
      .attr("stroke-width", 1.5)
      .attr("stroke-dasharray", hollow ? "4 3" : null);
    g.selectAll("circle")
      .data(points.filter((d) => positive(d.l.gradNorm)))
      .join("circle")
      .attr("cx", (d) => x(d.l.gradNorm))
      .attr("cy", (d) => cy(d.j))
      .attr("r", hollow ? 5 : 3.5)
      .attr("fill", hollow ? "none" : color)
      .attr("stroke", color)
      .attr("stroke-width", 1.5)
      .append("title")
      .text((d) => `${name}, ${d.l.name}: ${sci(d.l.gradNorm)}`);
  }

  if (guess.length) {
    const g = svg.append("g").attr("class", "predicted");
    g.append("path")
      .attr(
        "d",
        d3
          .line<{v: number; j: number}>()
          .x((d) => x(d.v))
          .y((d) => cy(d.j))(guess)
      )
      .attr("fill", "none")
      .attr("stroke", PREDICTED.color)
      .attr("stroke-width", 2)
      .attr("stroke-dasharray", PREDICTED.dash);
    g.selectAll("path.mark")
      .data(guess)
      .join("path")
      .attr("class", "mark")
      .attr("transform", (d) => `translate(${x(d.v)},${cy(d.j)})`)
      .attr("d", d3.symbol(d3.symbolDiamond, 40)())
      .attr("fill", PREDICTED.color)
      .append("title")
      .text((d) => `${predictedLabel}, ${main.layers[d.j]?.name ?? `layer ${d.j + 1}`}: ${sci(d.v)}`);
  }

  drawSwatchRows(svg, margin.left, 10, legend);
  return svg.node()!;
}
