import assert from "node:assert/strict";
import {test} from "node:test";
import * as d3 from "d3";
import {all, num, one, texts} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";
import {
  GRAD_LOG10_DOMAIN,
  NO_DATA_FILL,
  gradientColor,
  gradientHeatmap
} from "../../components/gradient-heatmap.js";

const cell = (svg: Element, layer: number, step: number) =>
  one(svg, `rect.cell[data-layer="${layer}"][data-step="${step}"]`);

test("gradient heatmap matches its committed SVG snapshot", () => {
  matchesSnapshot(gradientHeatmap(loadRun("vanishing-run"), {width: 640}), "gradient-heatmap");
});

test("gradient heatmap draws one cell per layer per snapshot", () => {
  const run = loadRun("vanishing-run");
  assert.equal(all(gradientHeatmap(run, {width: 640}), "rect.cell").length, 4 * run.length);
});

test("gradient heatmap colours a cell with viridis of log10 gradNorm on the fixed domain", () => {
  const run = loadRun("vanishing-run");
  const svg = gradientHeatmap(run, {width: 640});
  const gradNorm = run[1]!.layers[0]!.gradNorm;
  const expected = d3.scaleSequential(d3.interpolateViridis).domain([-8, 0])(Math.log10(gradNorm));
  assert.deepEqual(GRAD_LOG10_DOMAIN, [-8, 0]);
  assert.equal(cell(svg, 0, 40).getAttribute("fill"), expected);
  assert.equal(cell(svg, 0, 40).getAttribute("fill"), gradientColor()(Math.log10(gradNorm)));
});

test("gradient heatmap gives the same colour to the same value whatever the other data", () => {
  const vanishing = loadRun("vanishing-run");
  const healthy = loadRun("healthy-run");
  healthy[0]!.layers[0]!.gradNorm = vanishing[0]!.layers[0]!.gradNorm;
  const a = gradientHeatmap(vanishing, {width: 640});
  const b = gradientHeatmap(healthy, {width: 640});
  assert.equal(cell(a, 0, 0).getAttribute("fill"), cell(b, 0, 0).getAttribute("fill"));
  const expectedTicks = ["10⁻⁸", "10⁻⁷", "10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰"];
  assert.deepEqual(texts(a, ".legend .ticks .tick text"), expectedTicks);
  assert.deepEqual(texts(b, ".legend .ticks .tick text"), expectedTicks);
});

test("gradient heatmap clamps values outside the domain and greys out zero and NaN", () => {
  const run = loadRun("vanishing-run");
  run[0]!.layers[0]!.gradNorm = 1e-20;
  run[0]!.layers[1]!.gradNorm = 1e5;
  run[0]!.layers[2]!.gradNorm = 0;
  run[0]!.layers[3]!.gradNorm = NaN;
  const svg = gradientHeatmap(run, {width: 640});
  assert.equal(cell(svg, 0, 0).getAttribute("fill"), d3.interpolateViridis(0));
  assert.equal(cell(svg, 1, 0).getAttribute("fill"), d3.interpolateViridis(1));
  assert.equal(cell(svg, 2, 0).getAttribute("fill"), NO_DATA_FILL);
  assert.equal(cell(svg, 3, 0).getAttribute("fill"), NO_DATA_FILL);
});

test("gradient heatmap draws the output layer above layer 1", () => {
  const svg = gradientHeatmap(loadRun("vanishing-run"), {width: 640});
  assert.ok(num(cell(svg, 3, 40), "y") < num(cell(svg, 0, 40), "y"));
  assert.ok(num(cell(svg, 1, 40), "y") < num(cell(svg, 0, 40), "y"));
});

test("gradient heatmap places snapshots on a linear step axis, each cell reaching the next step", () => {
  const svg = gradientHeatmap(loadRun("vanishing-run"), {width: 640});
  // Snapshots at steps 0, 40, 50, 80, 100: cells 40, 10, 30 and 20 steps wide.
  const w = (step: number) => num(cell(svg, 0, step), "width");
  assert.ok(Math.abs(w(0) / w(40) - 4) < 1e-9);
  assert.ok(Math.abs(w(50) / w(80) - 1.5) < 1e-9);
  assert.ok(Math.abs(num(cell(svg, 0, 40), "x") - (num(cell(svg, 0, 0), "x") + w(0))) < 1e-9);
});

test("gradient heatmap aria-label and title state the output-to-input gradient drop", () => {
  const svg = gradientHeatmap(loadRun("vanishing-run"), {width: 640});
  const label = svg.getAttribute("aria-label") ?? "";
  assert.equal(svg.getAttribute("role"), "img");
  assert.match(label, /falls from 2\.2e-2 at the output layer to 2\.2e-5 at layer 1 at step 100/);
  assert.match(label, /3\.0 orders of magnitude/);
  assert.equal(one(svg, ":scope > title").textContent, label);
});

test("gradient heatmap renders 'no data yet' for an empty run", () => {
  const svg = gradientHeatmap([], {width: 640});
  assert.equal(one(svg, "text.no-data").textContent, "no data yet");
  assert.equal(all(svg, "rect.cell").length, 0);
  assert.match(svg.getAttribute("aria-label") ?? "", /no data yet/);
});

test("gradient heatmap draws a single snapshot with visible cells", () => {
  const svg = gradientHeatmap(loadRun("vanishing-run").slice(0, 1), {width: 640});
  const cells = all(svg, "rect.cell");
  assert.equal(cells.length, 4);
  assert.ok(cells.every((c) => num(c, "width") > 0));
});

test("gradient heatmap does not throw on NaN steps and NaN norms", () => {
  const run = loadRun("vanishing-run");
  run[2]!.step = NaN;
  for (const layer of run[3]!.layers) layer.gradNorm = NaN;
  const svg = gradientHeatmap(run, {width: 640});
  assert.equal(all(svg, "rect.cell").length, 4 * (run.length - 1));
  assert.ok(all(svg, "rect.cell").every((c) => Number.isFinite(num(c, "x"))));
});

test("gradient heatmap stacks snapshots that share a step without negative widths", () => {
  const run = loadRun("vanishing-run");
  const duplicate = {...run.at(-1)!, kind: "final" as const};
  const svg = gradientHeatmap([...run, duplicate], {width: 640});
  const cells = all(svg, "rect.cell");
  assert.equal(cells.length, 4 * (run.length + 1));
  assert.ok(cells.every((c) => num(c, "width") > 0));
});

test("gradient heatmap puts each layer in its own row by name when a snapshot has fewer layers (a layer-wise stage)", () => {
  const run = loadRun("vanishing-run");
  // The first snapshots of a staged run: hidden 1 and the head only.
  for (const s of run.slice(0, 2)) s.layers = [s.layers[0]!, s.layers[3]!];
  const svg = gradientHeatmap(run, {width: 560});
  const rows = (step: number) =>
    all(svg, `rect.cell[data-step="${step}"]`).map(
      (c) => `${c.querySelector("title")!.textContent!.split(",")[0]}@${c.getAttribute("data-layer")}`
    );
  assert.deepEqual(rows(run[0]!.step), ["hidden 1@0", "output@3"]);
  const y = (step: number, layer: number) =>
    num(one(svg, `rect.cell[data-step="${step}"][data-layer="${layer}"]`), "y");
  assert.equal(y(run[0]!.step, 3), y(run.at(-1)!.step, 3));
});
