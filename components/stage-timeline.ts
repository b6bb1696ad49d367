// The schedule of layer-wise training drawn from its declared stage table (the study's flame-and-snowflake
// picture): one column per stage, one row per block (output side up, as in the heatmaps), a flame where the
// block trains, a snowflake where it is frozen, nothing where it does not exist yet; above them one row per run
// with its head (new: filled square, kept: hollow) and its test accuracy at the stage's end.
import * as d3 from "d3";
import type {StageConfig} from "../src/engine/types.js";
import {BACKGROUND, FAINT, MUTED, chartWidth, frame, labelWidth, type Svg} from "./common.js";
import {runStyle} from "./run-styles.js";
import {FLAME_COLOR, flame, headSquare, snowflake, stageLegend} from "./stage-marks.js";

export interface StageTimelineRun {
  /** A short name (the row label). */
  label: string;
  /** The run's declared stages (config.layerwise.stages): the blocks are drawn from the first run's. */
  stages: readonly StageConfig[];
  /** Test accuracy at each stage's end; null (or absent) for a stage not ended yet. */
  accuracy?: readonly (number | null)[];
}

export interface StageTimelineOptions {
  width: number;
  /** Hidden layers per block, from the input side (config.layerwise.blockSizes). */
  blockSizes: readonly number[];
  /** The stage training now (a live run): its column is shaded. */
  current?: number | null;
}

const ROW = 24;
const HEADER = 22;
const LEGEND = 40;

/** "layers 1–2", "layer 7": block b's hidden layers (1-based). */
export function blockLayers(blockSizes: readonly number[], block: number): string {
  const first = d3.sum(blockSizes.slice(0, block)) + 1;
  const last = first + blockSizes[block]! - 1;
  return first === last ? `layer ${first}` : `layers ${first}–${last}`;
}

const pctText = (x: number, digits: number) => `${(x * 100).toFixed(digits)}%`;

function describe(runs: readonly StageTimelineRun[], blockSizes: readonly number[]): string {
  const stages = runs[0]!.stages;
  const steps = stages.map((stage, i) => {
    const present = d3.range(stage.blocks);
    const frozen = present.filter((b) => stage.frozen.includes(b)).map((b) => b + 1);
    const training = present.filter((b) => !stage.frozen.includes(b)).map((b) => b + 1);
    const parts = [
      frozen.length && `block${frozen.length > 1 ? "s" : ""} ${frozen.join(", ")} frozen`,
      `block${training.length > 1 ? "s" : ""} ${training.join(", ")} training`
    ].filter(Boolean);
    return `stage ${i + 1}: ${parts.join(", ")}`;
  });
  const heads = runs.map((run) => {
    const kept = run.stages.flatMap((s, i) => (s.newHead ? [] : [i + 1]));
    return `${run.label}: ${kept.length ? `head kept in stage${kept.length > 1 ? "s" : ""} ${kept.join(", ")}, new in the others` : "a new head every stage"}`;
  });
  const accuracy = runs
    .filter((run) => run.accuracy?.some((a) => a !== null))
    .map((run) => `${run.label} ${run.accuracy!.map((a) => (a === null ? "–" : pctText(a, 1))).join(", ")}`);
  const blocks = blockSizes.map((_, b) => `block ${b + 1} is ${blockLayers(blockSizes, b)}`).join(", ");
  return [
    `Layer-wise schedule of ${stages.length} stages over ${blockSizes.length} blocks (${blocks}): ${steps.join("; ")}.`,
    `${heads.join(". ")}.`,
    accuracy.length ? `Test accuracy at each stage's end: ${accuracy.join("; ")}.` : ""
  ]
    .filter(Boolean)
    .join(" ");
}

export function stageTimeline(
  runs: readonly StageTimelineRun[],
  {width: requested, blockSizes, current = null}: StageTimelineOptions
): SVGSVGElement {
  const width = chartWidth(requested);
  const stages = runs[0]?.stages ?? [];
  const blocks = blockSizes.length;
  const names = [
    ...runs.map((r) => r.label),
    ...blockSizes.map((_, b) => `B${b + 1} · ${blockLayers(blockSizes, b)}`)
  ];
  const margin = {top: HEADER, right: 8, bottom: LEGEND, left: labelWidth(names) + 8};
  const height = margin.top + ROW * (runs.length + blocks) + 6 + margin.bottom;
  const svg = frame(
    width,
    height,
    stages.length ? describe(runs, blockSizes) : "Layer-wise schedule: no stages."
  );
  svg.attr("class", "stage-timeline");
  if (!stages.length) return svg.node()!;
  const x = d3.scaleBand(d3.range(stages.length), [margin.left, width - margin.right]).paddingInner(0.08);
  const cell = x.bandwidth();
  const runY = (i: number) => margin.top + ROW * i;
  // Blocks below the run rows, the last block (output side) first.
  const blockY = (b: number) => margin.top + ROW * runs.length + 6 + ROW * (blocks - 1 - b);

  if (current !== null && current >= 0 && current < stages.length)
    svg
      .append("rect")
      .attr("class", "current")
      .attr("x", x(current)!)
      .attr("y", margin.top - 4)
      .attr("width", cell)
      .attr("height", ROW * (runs.length + blocks) + 10)
      .attr("fill", FAINT)
      .attr("opacity", 0.35);

  svg
    .append("g")
    .attr("class", "stages")
    .selectAll("text")
    .data(stages)
    .join("text")
    .attr("x", (_, i) => x(i)! + cell / 2)
    .attr("y", margin.top - 8)
    .attr("text-anchor", "middle")
    .attr("fill", MUTED)
    .text((_, i) => (cell >= 46 ? `stage ${i + 1}` : `${i + 1}`));
  if (cell < 46)
    svg
      .append("text")
      .attr("x", margin.left - 8)
      .attr("y", margin.top - 8)
      .attr("text-anchor", "end")
      .attr("fill", MUTED)
      .text("stage");

  const labels = svg.append("g").attr("class", "row-labels").attr("text-anchor", "end");
  runs.forEach((run, i) =>
    labels
      .append("text")
      .attr("class", "run-label")
      .attr("x", margin.left - 8)
      .attr("y", runY(i) + ROW / 2)
      .attr("dy", "0.32em")
      .attr("fill", runStyle(i).color)
      .text(run.label)
  );
  blockSizes.forEach((_, b) =>
    labels
      .append("text")
      .attr("class", "block-label")
      .attr("x", margin.left - 8)
      .attr("y", blockY(b) + ROW / 2)
      .attr("dy", "0.32em")
      .text(names[runs.length + b]!)
  );

  drawRuns(svg, runs, x, runY);
  drawBlocks(svg, stages, blocks, x, blockY);
  stageLegend(svg, 8, height - LEGEND + 12, width - 16);
  return svg.node()!;
}

function drawRuns(
  svg: Svg,
  runs: readonly StageTimelineRun[],
  x: d3.ScaleBand<number>,
  y: (i: number) => number
): void {
  const cell = x.bandwidth();
  const digits = cell >= 48 ? 1 : 0;
  runs.forEach((run, i) => {
    const row = svg.append("g").attr("class", "run").attr("data-run", i);
    run.stages.forEach((stage, s) => {
      const g = row
        .append("g")
        .attr("class", `head ${stage.newHead ? "new" : "kept"}`)
        .attr("data-stage", s)
        .attr("transform", `translate(${x(s)! + 3},${y(i) + ROW / 2})`);
      headSquare(g, 0.5, stage.newHead ? runStyle(i).color : BACKGROUND, runStyle(i).color);
      const accuracy = run.accuracy?.[s];
      g.append("text")
        .attr("class", "accuracy")
        .attr("x", 11)
        .attr("dy", "0.32em")
        // Narrow cells drop the % sign (the legend says what the numbers are) so neighbours do not touch.
        .text(
          accuracy === null || accuracy === undefined
            ? ""
            : pctText(accuracy, digits).slice(0, digits ? undefined : -1)
        );
    });
  });
}

function drawBlocks(
  svg: Svg,
  stages: readonly StageConfig[],
  blocks: number,
  x: d3.ScaleBand<number>,
  y: (b: number) => number
): void {
  const cell = x.bandwidth();
  const size = Math.min(8, cell / 4);
  const g = svg.append("g").attr("class", "blocks");
  stages.forEach((stage, s) => {
    for (let b = 0; b < blocks; b++) {
      const state = b >= stage.blocks ? "absent" : stage.frozen.includes(b) ? "frozen" : "training";
      const c = g
        .append("g")
        .attr("class", `block ${state}`)
        .attr("data-stage", s)
        .attr("data-block", b)
        .attr("transform", `translate(${x(s)!},${y(b)})`);
      c.append("rect")
        .attr("x", 0.5)
        .attr("y", 2.5)
        .attr("width", cell - 1)
        .attr("height", ROW - 5)
        .attr("rx", 3)
        .attr("fill", "none")
        .attr("stroke", state === "absent" ? FAINT : MUTED)
        .attr("stroke-dasharray", state === "absent" ? "2 3" : null);
      const mark = c.append("g").attr("transform", `translate(${cell / 2},${ROW / 2})`);
      if (state === "training") mark.append("path").attr("d", flame(size)).attr("fill", FLAME_COLOR);
      if (state === "frozen") snowflake(mark, size);
    }
  });
}
