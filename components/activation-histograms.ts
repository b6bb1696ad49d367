// What each hidden layer outputs on a batch, one small histogram per layer on fixed bins. With a too-small
// initialisation a sigmoid layer collapses onto σ(0) = ½ (one tall bar: every unit says the same); with a too
// large one it saturates at 0 and 1 (two bars at the ends), where σ′ ≈ 0 and no gradient gets through.
import * as d3 from "d3";
import type {Bins, Snapshot} from "../src/engine/types.js";
import {barsPath} from "./bars-path.js";
import {chartWidth, finite, frame, noData} from "./common.js";
import type {SwatchItem} from "./legends.js";
import {drawSwatchRows, LEGEND_ROW, runStyle, swatchRows} from "./run-styles.js";

export interface ActivationHistogramsOptions {
  width: number;
  /** A second run drawn as an outline over the first's bars (e.g. the baseline under the remedy). */
  compare?: Snapshot | null;
  /** Legend names of the run and of `compare`. */
  labels?: readonly [string, string];
  /** The h range shown, e.g. [−0.1, 1.1] for a sigmoid; bins outside are added to the edge bins. */
  domain?: readonly [number, number];
  /** Panels per row; by default as many ~150px panels as fit. */
  columns?: number;
  panelHeight?: number;
}

interface Shown {
  /** Bin edges [lo, hi) of each shown bin; the first and last also hold everything beyond them. */
  edges: [number, number][];
  shares: number[];
}

/** A layer's counts as shares of its outputs, cropped to `domain` with the cut mass in the edge bins. */
function shown(
  counts: readonly number[] | undefined,
  bins: Bins,
  domain: readonly [number, number]
): Shown | null {
  const clean = (counts ?? []).map((c) => (finite(c) && c > 0 ? c : 0));
  const total = d3.sum(clean);
  if (clean.length !== bins.count || total === 0) return null;
  const w = (bins.max - bins.min) / bins.count;
  const centre = (k: number) => bins.min + (k + 0.5) * w;
  let first = clean.findIndex((_, k) => centre(k) >= domain[0]);
  let last = d3.range(bins.count).findLast((k) => centre(k) <= domain[1]) ?? -1;
  if (first < 0 || last < first) [first, last] = [0, bins.count - 1];
  const shares = clean.slice(first, last + 1).map((c) => c / total);
  shares[0]! += d3.sum(clean.slice(0, first)) / total;
  shares[shares.length - 1]! += d3.sum(clean.slice(last + 1)) / total;
  const edges = shares.map((_, i): [number, number] => [
    bins.min + (first + i) * w,
    bins.min + (first + i + 1) * w
  ]);
  return {edges, shares};
}

const percent = d3.format(".0%");
const value = d3.format(".2~f");

/** "mostly near 0.5 (61%)": the fullest bin's centre and share. */
function mode(s: Shown | null): string {
  if (!s) return "no histogram";
  const k = d3.maxIndex(s.shares);
  return `mostly near ${value((s.edges[k]![0] + s.edges[k]![1]) / 2)} (${percent(s.shares[k]!)})`;
}

export function activationHistograms(
  snapshot: Snapshot | null | undefined,
  {
    width: requestedWidth,
    compare,
    labels = ["this run", "comparison"],
    domain,
    columns,
    panelHeight = 100
  }: ActivationHistogramsOptions
): SVGSVGElement {
  const width = chartWidth(requestedWidth);
  const hidden = (snapshot?.layers ?? []).filter((l) => l.activation);
  const n = hidden.length;
  const cols = Math.max(1, Math.min(n || 1, Math.floor(columns ?? width / 150)));
  const items: SwatchItem[] = [
    {label: `bars: ${labels[0]} (step ${snapshot?.step})`, color: runStyle(0).color}
  ];
  if (compare) {
    const {color, dash} = runStyle(1);
    items.push({label: `outline: ${labels[1]} (step ${compare.step})`, color, dash: dash ?? undefined});
  }
  const legend = swatchRows(items, width - 8);
  const top = 8 + LEGEND_ROW * legend.length;
  const h = top + Math.max(1, Math.ceil(n / cols)) * panelHeight;
  if (!snapshot || !n)
    return noData(frame(width, h, "Activation outputs per hidden layer: no data yet."), width, h);
  // Runs recorded before the activation probes have neither bins nor histograms: every panel says so.
  const bins = snapshot.bins.activation ?? {min: 0, max: 1, count: 0};
  const range = domain ?? [bins.min, bins.max];
  const other = (compare?.layers ?? []).filter((l) => l.activation);
  const now = hidden.map((l) => shown(l.activation!.histogram, bins, range));
  const then = hidden.map((_, i) => (compare ? shown(other[i]?.activation?.histogram, bins, range) : null));
  const describe = (i: number) =>
    `${hidden[i]!.name} ${mode(now[i]!)}` + (compare ? ` (${labels[1]}: ${mode(then[i]!)})` : "");
  const label =
    `Activation outputs of ${n} hidden layers at step ${snapshot.step} (${labels[0]}), shares on ` +
    `[${value(range[0])}, ${value(range[1])}]: ${describe(0)}` +
    (n > 1 ? `; ${describe(n - 1)}` : "") +
    ".";
  const svg = frame(width, h, label);

  const pw = width / cols;
  const inner = {left: 12, right: 12, top: 22, bottom: 20};
  const [main, outline] = [runStyle(0), runStyle(1)];
  hidden.forEach((layer, i) => {
    const g = svg
      .append("g")
      .attr("class", "panel")
      .attr("transform", `translate(${(i % cols) * pw},${top + Math.floor(i / cols) * panelHeight})`);
    g.append("text").attr("x", inner.left).attr("y", 12).text(layer.name);
    const x = d3.scaleLinear(range, [inner.left, pw - inner.right]).clamp(true);
    g.append("g")
      .attr("transform", `translate(0,${panelHeight - inner.bottom})`)
      .call(d3.axisBottom(x).ticks(3).tickFormat(d3.format("~g")).tickSize(3).tickSizeOuter(0));
    const bars = now[i]!;
    const reference = then[i]!;
    if (!bars && !reference) {
      g.append("text")
        .attr("class", "missing")
        .attr("x", inner.left)
        .attr("y", panelHeight / 2)
        .text("no histogram");
      return;
    }
    // Each panel has its own y scale: a collapsed layer puts ~100% in one bin and would flatten the others.
    const peak = Math.max(d3.max(bars?.shares ?? [0])!, d3.max(reference?.shares ?? [0])!) || 1;
    const y = d3.scaleLinear([0, peak], [panelHeight - inner.bottom, inner.top]);
    if (bars) {
      const rectangles = bars.shares.map((s, k) => ({
        x0: x(bars.edges[k]![0]),
        x1: x(bars.edges[k]![1]),
        top: y(s)
      }));
      g.append("path")
        .attr("class", "bars")
        .attr("shape-rendering", "crispEdges")
        .attr("d", barsPath(rectangles, y(0)))
        .attr("fill", main.color);
    }
    if (reference) {
      // A step outline: each bin's share held flat across the bin.
      const points = reference.shares.flatMap((s, k): [number, number][] => [
        [x(reference.edges[k]![0]), y(s)],
        [x(reference.edges[k]![1]), y(s)]
      ]);
      g.append("path")
        .attr("class", "compare")
        .attr("d", d3.line()(points))
        .attr("fill", "none")
        .attr("stroke", outline.color)
        .attr("stroke-width", 1.5)
        .attr("stroke-dasharray", outline.dash);
    }
  });
  drawSwatchRows(svg, 8, 8, legend);
  return svg.node()!;
}
