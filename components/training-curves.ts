// Train and validation loss or accuracy over epochs, against chance. A network whose gradients vanish
// before reaching the first layers predicts near-uniformly: accuracy stays at 1/10 and the cross-entropy
// at ln 10 ≈ 2.30, the loss of a uniform guess over 10 classes.
import * as d3 from "d3";
import type {Metrics, Snapshot} from "../src/engine/types.js";
import {bottomAxis} from "./axes.js";
import {MUTED, SERIES, finite, frame, noData, chartWidth} from "./common.js";
import {swatches} from "./legends.js";

export type TrainingMetric = "loss" | "accuracy";

export interface TrainingCurvesOptions {
  width: number;
  height?: number;
  metric: TrainingMetric;
}

/** The value of a uniform guess over FashionMNIST's 10 classes. */
export const CHANCE: Record<TrainingMetric, number> = {accuracy: 0.1, loss: Math.log(10)};

type Point = {epoch: number; value: number};

export function trainingCurves(
  snapshots: readonly Snapshot[],
  {width: requestedWidth, height = 240, metric}: TrainingCurvesOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const format = metric === "accuracy" ? d3.format(".1%") : d3.format(".3~g");
  // Diverged runs report NaN or ∞ losses: those points are left out rather than breaking the scales.
  const points = (pick: (s: Snapshot) => Metrics | null): Point[] =>
    snapshots.flatMap((s) => {
      const value = pick(s)?.[metric];
      return finite(value) && finite(s.epoch) ? [{epoch: s.epoch, value}] : [];
    });
  const train = points((s) => s.train);
  const validation = points((s) => s.validation);
  const test = points((s) => s.test).at(-1);
  const last = snapshots.at(-1);
  const at = (p: Point) => `${format(p.value)} at epoch ${d3.format(".3~f")(p.epoch)}`;
  const say = (name: string, p: Point[]) => (p.length ? `${name} ${at(p[0]!)} → ${at(p.at(-1)!)}` : "");
  const parts = [
    say("train", train),
    say("validation", validation),
    test ? `test ${format(test.value)}` : ""
  ];
  const label =
    train.length || validation.length
      ? `Training ${metric}: ${parts.filter(Boolean).join("; ")}; chance level ${format(CHANCE[metric])}` +
        (last?.status === "diverged" ? "; the run diverged." : ".")
      : `Training ${metric} over epochs: no data yet.`;
  const svg = frame(width, height, label);
  if (!train.length && !validation.length) return noData(svg, width, height);

  const margin = {top: 26, right: 16, bottom: 32, left: 44};
  // x runs to the planned number of epochs, so the axis does not rescale while the run progresses.
  const planned = last ? last.totalSteps / last.stepsPerEpoch : NaN;
  const maxEpoch = d3.max([...train, ...validation], (p) => p.epoch) ?? 0;
  const x = d3.scaleLinear(
    [0, Math.max(finite(planned) ? planned : 0, maxEpoch) || 1],
    [margin.left, width - margin.right]
  );
  // Accuracy lives on [0, 1]; loss starts at 0 and includes chance so a stuck run reads as stuck.
  const top = d3.max([...train, ...validation], (p) => p.value) ?? 0;
  const yDomain = metric === "accuracy" ? [0, 1] : [0, 1.05 * Math.max(CHANCE.loss, top)];
  const y = d3.scaleLinear(yDomain, [height - margin.bottom, margin.top]).nice();

  const ticks = Math.max(2, Math.min(x.domain()[1]!, width / 80));
  bottomAxis(svg, d3.axisBottom(x).ticks(ticks), height - margin.bottom, width - margin.right, "epoch →");
  svg
    .append("g")
    .attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(5, metric === "accuracy" ? "%" : undefined))
    .call((g) => g.select(".domain").remove());

  const chance = svg
    .append("g")
    .attr("class", "chance")
    .attr("transform", `translate(0,${y(CHANCE[metric])})`);
  chance
    .append("line")
    .attr("x1", margin.left)
    .attr("x2", width - margin.right)
    .attr("stroke", MUTED)
    .attr("stroke-dasharray", "4 4");
  // Labelled below the line, mid-chart: a stuck run's curves lie on the line, and the ends hold the
  // first point and the test mark.
  chance
    .append("text")
    .attr("x", (margin.left + width - margin.right) / 2)
    .attr("y", 12)
    .attr("text-anchor", "middle")
    .attr("fill", MUTED)
    .text(`chance ${format(CHANCE[metric])}`);

  const line = d3
    .line<Point>()
    .x((p) => x(p.epoch))
    .y((p) => y(p.value));
  const draw = (name: string, p: Point[], color: string, dots: boolean) => {
    const g = svg.append("g").attr("class", name);
    g.append("path").attr("d", line(p)).attr("fill", "none").attr("stroke", color).attr("stroke-width", 1.75);
    g.selectAll("circle")
      .data(dots || p.length === 1 ? p : [])
      .join("circle")
      .attr("cx", (d) => x(d.epoch))
      .attr("cy", (d) => y(d.value))
      .attr("r", 3)
      .attr("fill", color)
      .append("title")
      .text((d) => `${name} ${metric} ${format(d.value)} at epoch ${d3.format(".3~f")(d.epoch)}`);
  };
  draw("train", train, SERIES[0], false);
  draw("validation", validation, SERIES[1], true);
  if (test) {
    const mark = svg
      .append("g")
      .attr("class", "test")
      .attr("transform", `translate(${x(test.epoch)},${y(test.value)})`);
    mark
      .append("path")
      .attr("d", d3.symbol(d3.symbolDiamond, 48)())
      .attr("fill", "none")
      .attr("stroke", "currentColor")
      .attr("stroke-width", 1.5);
    mark
      .append("text")
      .attr("x", -7)
      .attr("y", -7)
      .attr("text-anchor", "end")
      .text(`test ${format(test.value)}`);
  }

  swatches(svg, margin.left, 10, [
    {label: "train", color: SERIES[0]},
    {label: "validation", color: SERIES[1], dot: true}
  ]);
  return svg.node()!;
}
