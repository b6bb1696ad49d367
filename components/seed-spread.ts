// One dot per seed per experiment on a shared accuracy axis, with the study's single reported value marked.
// An experiment whose seeds scatter widely cannot be judged by one run: the study's gradient normalization
// landed on 0.5373 with seed 42, and this chart shows where other seeds land.
import * as d3 from "d3";
import {bottomAxis, gridLines} from "./axes.js";
import {MUTED, SERIES, chartWidth, frame, noData} from "./common.js";
import {swatches} from "./legends.js";

export interface SeedRow {
  label: string;
  seeds: {seed: number; accuracy: number}[];
  /** The study's reported accuracy, or null where the study did not run this. */
  study: number | null;
}

export interface SeedSpreadOptions {
  width: number;
  /** The seed the study used, drawn as a diamond so it can be found among the others. */
  referenceSeed?: number;
}

const percent = d3.format(".1%");
const ROW = {label: 16, strip: 30, gap: 8};
const R = 5;

/** Vertical lanes (0, −1, 1, −2, …) so that dots closer than a diameter do not cover each other. */
export function lanes(xs: readonly number[], diameter: number): number[] {
  const order = d3.range(xs.length).sort((i, j) => xs[i]! - xs[j]!);
  const out = new Array<number>(xs.length).fill(0);
  const placed: {x: number; lane: number}[] = [];
  for (const i of order) {
    const taken = new Set(placed.filter((p) => Math.abs(p.x - xs[i]!) < diameter).map((p) => p.lane));
    let k = 0;
    while (taken.has(k === 0 ? 0 : k % 2 ? -(k + 1) / 2 : k / 2)) k++;
    out[i] = k === 0 ? 0 : k % 2 ? -(k + 1) / 2 : k / 2;
    placed.push({x: xs[i]!, lane: out[i]!});
  }
  return out;
}

function describe(row: SeedRow): string {
  const study = row.study === null ? "" : `, study ${percent(row.study)}`;
  if (!row.seeds.length) return `${row.label}: not yet run${study}`;
  const values = row.seeds.map((s) => s.accuracy);
  const [min, max] = d3.extent(values) as [number, number];
  const n = values.length;
  const spread =
    n === 1 ? percent(min) : `${percent(min)} to ${percent(max)} (mean ${percent(d3.mean(values)!)})`;
  return `${row.label}: ${n} seed${n === 1 ? "" : "s"}, ${spread}${study}`;
}

export function seedSpread(
  rows: readonly SeedRow[],
  {width: requestedWidth, referenceSeed = 42}: SeedSpreadOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const margin = {top: 28, right: 16, bottom: 34, left: 12};
  const rowHeight = ROW.label + ROW.strip + ROW.gap;
  const height = margin.top + margin.bottom + rowHeight * Math.max(rows.length, 1);
  const label = rows.length
    ? `Test accuracy of each seed against the study's reported value. ${rows.map(describe).join("; ")}.`
    : "Test accuracy per seed: no experiments.";
  const svg = frame(width, height, label);
  if (!rows.length) return noData(svg, width, height);

  const x = d3.scaleLinear([0, 1], [margin.left, width - margin.right]);
  const bottom = height - margin.bottom;
  gridLines(svg, x.ticks(10).map(x), "vertical", margin.top, bottom);
  bottomAxis(svg, d3.axisBottom(x).ticks(width / 70, "%"), bottom, width - margin.right, "test accuracy →");
  swatches(svg, margin.left, 10, [
    {label: "a seed", color: SERIES[0], dot: true},
    {label: `seed ${referenceSeed}`, color: SERIES[0], diamond: true},
    {label: "the study", color: SERIES[1]}
  ]);

  rows.forEach((row, i) => {
    const top = margin.top + i * rowHeight;
    const cy = top + ROW.label + ROW.strip / 2;
    const g = svg.append("g").attr("class", "seed-row");
    g.append("text")
      .attr("x", margin.left)
      .attr("y", top + 11)
      .attr("font-weight", "bold")
      .text(row.label);
    if (row.study !== null) {
      const sx = x(row.study);
      g.append("line")
        .attr("class", "study")
        .attr("x1", sx)
        .attr("x2", sx)
        .attr("y1", cy - ROW.strip / 2)
        .attr("y2", cy + ROW.strip / 2)
        .attr("stroke", SERIES[1])
        .attr("stroke-width", 2.5)
        .append("title")
        .text(`the study: ${percent(row.study)}`);
    }
    if (!row.seeds.length) {
      g.append("text")
        .attr("class", "no-data")
        .attr("x", width / 2)
        .attr("y", cy)
        .attr("dy", "0.32em")
        .attr("text-anchor", "middle")
        .attr("fill", MUTED)
        .text("not yet run");
      return;
    }
    const xs = row.seeds.map((s) => x(s.accuracy));
    const lane = lanes(xs, 2 * R + 1);
    const [lo, hi] = d3.extent(xs) as [number, number];
    g.append("line").attr("x1", lo).attr("x2", hi).attr("y1", cy).attr("y2", cy).attr("stroke", MUTED);
    g.selectAll("path.seed")
      .data(row.seeds)
      .join("path")
      .attr("class", (s) => (s.seed === referenceSeed ? "seed reference" : "seed"))
      .attr("transform", (_s, j) => `translate(${xs[j]},${cy + lane[j]! * (R + 1)})`)
      .attr("d", (s) => d3.symbol(s.seed === referenceSeed ? d3.symbolDiamond : d3.symbolCircle, 80)())
      .attr("fill", SERIES[0])
      .attr("fill-opacity", 0.85)
      .attr("stroke", "var(--theme-background)")
      .append("title")
      .text((s) => `${row.label}, seed ${s.seed}: ${percent(s.accuracy)}`);
  });
  return svg.node()!;
}
