// The network as the engine wires it: input, hidden layers 1..depth and output left to right, and one identity
// path per entry of the config's declared `skips` list, never a picture drawn by hand. A skip {from, to} takes
// the value leaving hidden layer `from` (after any add there) and adds it to hidden layer `to`'s output at a ⊕
// that feeds the next layer; backwards, ∂(h + f(h))/∂h = I + ∂f/∂h, so the gradient also arrives along the arc.
import type {SkipConnection} from "../src/engine/types.js";
import {BACKGROUND, MUTED, SERIES, chartWidth, frame} from "./common.js";

/** The parts of a TrainConfig the diagram draws (a replay's or a live run's config as it is). */
export interface NetworkShape {
  depth: number;
  width?: number;
  skips: readonly SkipConnection[];
  activation?: {kind: string};
  normalization?: {kind: string};
}

export interface NetworkDiagramOptions {
  width: number;
  /** Units of the input and output layers (FashionMNIST: 784 pixels, 10 classes). */
  inputSize?: number;
  outputSize?: number;
}

/** Short names of the normalization layers drawn under each hidden layer; an unknown kind shows as itself. */
const NORM_SHORT: Record<string, string> = {batchnorm: "BN", layernorm: "LN", standardize: "std"};
const PATH_COLOR = SERIES[0];
const BOX_HEIGHT = 30;
const NORM_HEIGHT = 14;
const LINE = 14;

const hiddenName = (l: number) => `hidden ${l}`;

/** The text alternative: the layers, then every declared path in order. */
export function describeNetwork(net: NetworkShape, inputSize = 784, outputSize = 10): string {
  const units = net.width ? ` of ${net.width}${net.activation ? ` ${net.activation.kind}` : ""} units` : "";
  const norm = net.normalization && net.normalization.kind !== "none";
  const layers =
    `Network: input (${inputSize}) → ${net.depth} hidden layers${units}` +
    `${norm ? `, each with ${net.normalization!.kind} before its activation` : ""} → output (${outputSize}).`;
  if (!net.skips.length) return `${layers} No identity paths: the gradient passes through every layer.`;
  const paths = net.skips.map(({from, to}) => `${hiddenName(from)} added to ${hiddenName(to)}'s output`);
  const count = net.skips.length === 1 ? "1 identity path" : `${net.skips.length} identity paths`;
  return `${layers} ${count}: ${paths.join("; ")}.`;
}

export function networkDiagram(net: NetworkShape, options: NetworkDiagramOptions): SVGSVGElement {
  const {inputSize = 784, outputSize = 10} = options;
  const width = chartWidth(options.width);
  const names = ["in", ...Array.from({length: net.depth}, (_, i) => `h${i + 1}`), "out"];
  const n = names.length;
  // Boxes and the gaps between them (where the ⊕ sit) share the width; wide charts keep boxes ≤ 48 px, centred.
  const unit = Math.min(48, (width - 20) / (n + 0.6 * (n - 1)));
  const gap = 0.6 * unit;
  const left = (width - (n * unit + (n - 1) * gap)) / 2;
  const boxX = (i: number) => left + i * (unit + gap);
  /** Centre of the gap after hidden layer l (node index l): where its value leaves and where a ⊕ adds to it. */
  const after = (l: number) => boxX(l) + unit + gap / 2;
  const radius = Math.min(6, gap * 0.4);
  const arcHeight = (s: SkipConnection) => 28 + 10 * Math.min(s.to - s.from, 6);
  // A cubic arc whose control points sit `h` above the chain peaks at ¾h: room for the highest, 6 px to spare.
  const top = Math.max(8, ...net.skips.map((s) => 0.75 * arcHeight(s) + 6 - BOX_HEIGHT / 2));
  const chainY = top + BOX_HEIGHT / 2;
  const norm = net.normalization && net.normalization.kind !== "none" ? net.normalization.kind : null;
  const captionTop = top + BOX_HEIGHT + (norm ? NORM_HEIGHT + 8 : 0) + 16;
  const height = captionTop + 3 * LINE;
  const svg = frame(width, height, describeNetwork(net, inputSize, outputSize));
  svg.attr("class", "network-diagram");

  // The chain input → … → output, under the boxes.
  svg
    .append("line")
    .attr("class", "chain")
    .attr("x1", boxX(0) + unit / 2)
    .attr("x2", boxX(n - 1) + unit / 2)
    .attr("y1", chainY)
    .attr("y2", chainY)
    .attr("stroke", MUTED)
    .attr("stroke-width", 1.5);

  const layers = svg.append("g").attr("class", "layers");
  names.forEach((name, i) => {
    const full = i === 0 ? `input (${inputSize})` : i === n - 1 ? `output (${outputSize})` : hiddenName(i);
    const g = layers.append("g").attr("class", "layer").attr("data-layer", full);
    g.append("rect")
      .attr("x", boxX(i))
      .attr("y", top)
      .attr("width", unit)
      .attr("height", BOX_HEIGHT)
      .attr("rx", 3)
      .attr("fill", BACKGROUND)
      .attr("stroke", "currentColor");
    g.append("text")
      .attr("x", boxX(i) + unit / 2)
      .attr("y", chainY)
      .attr("text-anchor", "middle")
      .attr("dominant-baseline", "middle")
      .text(name);
    if (norm && i > 0 && i < n - 1) {
      g.append("rect")
        .attr("class", "norm")
        .attr("x", boxX(i))
        .attr("y", top + BOX_HEIGHT + 4)
        .attr("width", unit)
        .attr("height", NORM_HEIGHT)
        .attr("rx", 2)
        .attr("fill", "none")
        .attr("stroke", MUTED);
      g.append("text")
        .attr("x", boxX(i) + unit / 2)
        .attr("y", top + BOX_HEIGHT + 4 + NORM_HEIGHT / 2)
        .attr("text-anchor", "middle")
        .attr("dominant-baseline", "middle")
        .attr("font-size", 9)
        .text(NORM_SHORT[norm] ?? norm);
    }
  });

  // One arc per declared skip, from the value leaving `from` to the ⊕ after `to`; a lifted arc per span length.
  const adds = new Set(net.skips.map((s) => s.to));
  const paths = svg.append("g").attr("class", "identity-paths");
  const lean = radius * Math.SQRT1_2;
  for (const skip of net.skips) {
    const [x1, x2, y] = [after(skip.from), after(skip.to), chainY];
    const start = adds.has(skip.from) ? [x1 + lean, y - lean] : [x1, y];
    const end = [x2 - lean, y - lean];
    const h = y - arcHeight(skip);
    paths
      .append("path")
      .attr("class", "identity-path")
      .attr("data-from", skip.from)
      .attr("data-to", skip.to)
      .attr("d", `M${start[0]},${start[1]}C${start[0]},${h} ${end[0]},${h} ${end[0]},${end[1]}`)
      .attr("fill", "none")
      .attr("stroke", PATH_COLOR)
      .attr("stroke-width", 2)
      .append("title")
      .text(`identity path: ${hiddenName(skip.from)} added to ${hiddenName(skip.to)}'s output`);
    if (!adds.has(skip.from))
      paths
        .append("circle")
        .attr("class", "branch")
        .attr("cx", x1)
        .attr("cy", y)
        .attr("r", 2.5)
        .attr("fill", PATH_COLOR);
  }
  for (const to of adds) {
    const g = svg.append("g").attr("class", "add-node").attr("data-after", hiddenName(to));
    g.append("circle")
      .attr("cx", after(to))
      .attr("cy", chainY)
      .attr("r", radius)
      .attr("fill", BACKGROUND)
      .attr("stroke", PATH_COLOR)
      .attr("stroke-width", 1.5);
    g.append("path")
      .attr(
        "d",
        `M${after(to) - radius * 0.6},${chainY}h${radius * 1.2}M${after(to)},${chainY - radius * 0.6}v${radius * 1.2}`
      )
      .attr("stroke", PATH_COLOR)
      .attr("stroke-width", 1.5);
  }

  // What the boxes stand for, and the legend of the arcs.
  const units = net.width ? `${net.width} ${net.activation?.kind ?? ""} units each`.replace("  ", " ") : "";
  const caption = [
    `in: ${inputSize} pixels → out: ${outputSize} classes`,
    `h1–h${net.depth}: hidden layers${units ? `, ${units}` : ""}${norm ? `, ${NORM_SHORT[norm] ?? norm} before σ` : ""}`
  ];
  const text = svg.append("g").attr("class", "caption").attr("fill", MUTED);
  caption.forEach((line, i) =>
    text
      .append("text")
      .attr("x", 10)
      .attr("y", captionTop + i * LINE)
      .text(line)
  );
  const legend = svg
    .append("g")
    .attr("class", "legend")
    .attr("transform", `translate(10,${captionTop + 2 * LINE - 4})`);
  if (net.skips.length)
    legend.append("line").attr("x2", 18).attr("stroke", PATH_COLOR).attr("stroke-width", 2);
  legend
    .append("text")
    .attr("x", net.skips.length ? 24 : 0)
    .attr("dy", "0.32em")
    .text(net.skips.length ? "identity path, added at ⊕" : "no identity paths");
  return svg.node()!;
}
