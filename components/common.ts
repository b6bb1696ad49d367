// Shared helpers of the chart components: the themed SVG frame, number formats, colour choices.
// Every colour either comes from Framework's theme variables or stays legible on both its light and
// dark backgrounds, so no component needs to know which theme is active.
import * as d3 from "d3";
import type {LayerProbe, Snapshot} from "../src/engine/types.js";

export type Svg = d3.Selection<SVGSVGElement, undefined, null, undefined>;

export const MUTED = "var(--theme-foreground-muted)";
export const FAINT = "var(--theme-foreground-faint)";
export const BACKGROUND = "var(--theme-background)";

/** Okabe–Ito palette: distinguishable under the common colour-vision deficiencies. */
export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7"
} as const;

/** The two Okabe–Ito hues whose contrast stays ≥ 3:1 against both white and near-black backgrounds. */
export const SERIES = [OKABE_ITO.blue, OKABE_ITO.vermillion] as const;

/**
 * Colour of layer `index` of `count`, input side dark, output side light. Viridis is cut to t ∈ [0.2, 0.85]
 * because its darkest end vanishes on a dark page and its yellow end on a white one.
 */
export function depthColor(index: number, count: number): string {
  const t = count <= 1 ? 1 : index / (count - 1);
  return d3.interpolateViridis(0.2 + 0.65 * t);
}

/** Narrowest layout a chart draws at; narrower containers scale the SVG down (max-width: 100%) instead. */
export const MIN_CHART_WIDTH = 300;

/** The width to lay a chart out at: a container can report 0 or a few pixels while the page settles. */
export function chartWidth(width: number): number {
  return Number.isFinite(width) ? Math.max(MIN_CHART_WIDTH, width) : MIN_CHART_WIDTH;
}

/** A themed, accessible SVG: role="img", an aria-label and a <title> carrying the same summary. */
export function frame(width: number, height: number, label: string): Svg {
  const svg = d3
    .create("svg")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img")
    .attr("aria-label", label)
    .attr("style", "max-width: 100%; height: auto; overflow: visible; font: 10px sans-serif;")
    .attr("fill", "currentColor");
  svg.append("title").text(label);
  return svg;
}

/** Finishes an empty chart: the frame keeps its size so the page does not jump when data arrives. */
export function noData(svg: Svg, width: number, height: number): SVGSVGElement {
  svg
    .append("text")
    .attr("class", "no-data")
    .attr("x", width / 2)
    .attr("y", height / 2)
    .attr("text-anchor", "middle")
    .attr("dominant-baseline", "middle")
    .attr("fill", MUTED)
    .text("no data yet");
  return svg.node()!;
}

/** A value that a log scale can place: zero, negatives, NaN and ±∞ have no logarithm. */
export function positive(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x) && x > 0;
}

export function finite(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

const exponential = d3.format(".1e");
/** 3.1e-2: the form of the aria-labels; "n/a" for values that are not numbers. */
export function sci(x: number): string {
  return finite(x) ? exponential(x) : "n/a";
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** 10⁻⁸ for e = −8: the tick label of a decade on a log axis. */
export function pow10(e: number): string {
  const digits = String(Math.abs(Math.round(e))).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)] ?? "");
  return `10${e < 0 ? "⁻" : ""}${digits}`;
}

/** The integer exponents e with 10^e in [lo, hi]. */
export function decades(lo: number, hi: number): number[] {
  return d3.range(Math.ceil(Math.log10(lo) - 1e-9), Math.floor(Math.log10(hi) + 1e-9) + 1);
}

/** Layers of the snapshot with the most of them, so one short or malformed snapshot cannot hide rows. */
export function layersOf(snapshots: readonly Snapshot[]): LayerProbe[] {
  return snapshots.reduce<LayerProbe[]>((best, s) => (s.layers.length > best.length ? s.layers : best), []);
}

/** The row of the layer called `name` among `names` (a chart's rows); `fallback` for a name not among them. */
export function rowOf(names: readonly string[], name: string, fallback: number): number {
  const row = names.indexOf(name);
  return row < 0 ? fallback : row;
}

/** Left margin that fits the longest layer name at ~6px per character of the 10px font. */
export function labelWidth(names: readonly string[]): number {
  return Math.min(140, 12 + 6 * (d3.max(names, (n) => n.length) ?? 4));
}

/**
 * "Gradient norm falls from 3.1e-2 at the output layer to 4.0e-7 at layer 1 at step 120 (4.9 orders of
 * magnitude)": the vanishing-gradient story of one snapshot in one sentence, output side first because
 * backpropagation starts there.
 */
export function describeGradient(s: Snapshot, subject = "Gradient norm"): string {
  const input = s.layers[0];
  const output = s.layers.at(-1);
  if (!input || !output) return `${subject}: no layers at step ${s.step}`;
  if (input === output) return `${subject} is ${sci(output.gradNorm)} at the output layer at step ${s.step}`;
  const [a, b] = [output.gradNorm, input.gradNorm];
  const comparable = positive(a) && positive(b);
  const verb = !comparable ? "goes" : a >= b ? "falls" : "rises";
  const orders = comparable ? ` (${Math.abs(Math.log10(a / b)).toFixed(1)} orders of magnitude)` : "";
  return `${subject} ${verb} from ${sci(a)} at the output layer to ${sci(b)} at layer 1 at step ${s.step}${orders}`;
}

/**
 * Moves label positions apart to at least `gap`, keeping their order and staying within [lo, hi] when
 * there is room: a forward pass pushes down, a backward pass pulls back what overflowed.
 */
export function dodge(ys: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = d3.range(ys.length).sort((i, j) => ys[i]! - ys[j]!);
  const out = ys.slice();
  let previous = -Infinity;
  for (const i of order) previous = out[i] = Math.max(out[i]!, previous + gap, lo);
  let next = Infinity;
  for (const i of order.reverse()) next = out[i] = Math.max(lo, Math.min(out[i]!, next - gap, hi));
  return out;
}

/** Every k-th tick, with k the smallest stride that leaves ≥ `gap` px per label over `length` px. */
export function thin<T>(ticks: readonly T[], length: number, gap = 30): T[] {
  const stride = Math.max(1, Math.ceil((gap * (ticks.length - 1)) / Math.max(length, 1)));
  return ticks.filter((_, i) => i % stride === 0);
}
