// The phase diagram: cells coloured on the fixed ±6-decade diverging scale (clamped, the same colour for the same
// value whatever the data), the critical line at its scale, the depth-scale curves, measured points on the same
// colours, the reader's ring, and a text alternative that states the edge, the reader's prediction and the agreement.
import assert from "node:assert/strict";
import {test} from "node:test";
import {all, num, one, texts} from "./components-dom.js";
import {matchesSnapshot} from "./components-fixtures.js";
import {FAINT} from "../../components/common.js";
import {
  PHASE_DOMAIN,
  phaseColor,
  phaseDiagram,
  type PhaseDiagramData
} from "../../components/phase-diagram.js";

const data = (): PhaseDiagramData => ({
  activation: "Sigmoid",
  scales: [0.01, 0.1, 1, 10, 20],
  depths: [1, 2, 3, 4],
  grid: [
    [0, 0, 0, 0, 0],
    [-2, -1, 0.1, 1, 1.5],
    [-4, -2, 0.2, 2, 3],
    [-9, -3, 0.3, 3, 12]
  ],
  critical: [0.9],
  depthScale: [0.2, 0.5, 9, 0.4, 0.3],
  measured: [
    {scale: 0.05, depth: 3, ratio: -2.5, predicted: -3},
    {scale: 10, depth: 2, ratio: 0.8, predicted: 1},
    {scale: 1, depth: 4, ratio: -0.6, predicted: 0.3},
    {scale: 20, depth: 4, ratio: NaN, predicted: 12}
  ],
  pending: 3,
  reader: {scale: 0.05, depth: 2, ratio: -1.234}
});

const cell = (svg: Element, row: number, column: number) => all(svg, "rect.cell")[row * 5 + column]!;

test("phase diagram matches its committed SVG snapshot", () => {
  matchesSnapshot(phaseDiagram(data(), {width: 560}), "phase-diagram");
});

test("phase diagram draws a cell per depth and scale, deeper rows higher, larger scales to the right", () => {
  const svg = phaseDiagram(data(), {width: 560});
  assert.equal(all(svg, "rect.cell").length, 20);
  assert.ok(num(cell(svg, 3, 0), "y") < num(cell(svg, 0, 0), "y"));
  assert.ok(num(cell(svg, 0, 4), "x") > num(cell(svg, 0, 0), "x"));
});

test("phase diagram colours on a fixed symmetric domain: clamped ends, blue for vanishing, vermillion for exploding", () => {
  assert.deepEqual(PHASE_DOMAIN, [-6, 6]);
  const svg = phaseDiagram(data(), {width: 560});
  const color = phaseColor();
  assert.equal(cell(svg, 2, 1).getAttribute("fill"), color(-2));
  // −9 and +12 lie beyond ±6: they take the end colours, Okabe–Ito blue and vermillion.
  assert.equal(cell(svg, 3, 0).getAttribute("fill"), "rgb(0, 114, 178)");
  assert.equal(cell(svg, 3, 4).getAttribute("fill"), "rgb(213, 94, 0)");
  // The same value gets the same colour whatever else is on the chart.
  const grid = data().grid!.map((row) => row.map((x) => x! * 100));
  grid[2]![1] = -2;
  const other = {...data(), grid};
  assert.equal(cell(phaseDiagram(other, {width: 560}), 2, 1).getAttribute("fill"), color(-2));
});

test("phase diagram draws the critical line at its scale, the ξ curves, and none without an edge", () => {
  const svg = phaseDiagram(data(), {width: 560});
  const critical = all(svg, "g.critical");
  assert.equal(critical.length, 1);
  const x = (s: number) =>
    num(cell(svg, 0, 0), "x") + (Math.log10(s / 0.01) / Math.log10(2000)) * (560 - 14 - 44);
  const path = critical[0]!.querySelector("path")!.getAttribute("d")!;
  assert.ok(Math.abs(Number(/^M([\d.]+),/.exec(path)![1]) - x(0.9)) < 0.01, path);
  assert.deepEqual(
    all(svg, "g.depth-scale").map((g) => g.getAttribute("data-multiple")),
    ["1", "6"]
  );
  const none = phaseDiagram({...data(), critical: []}, {width: 560});
  assert.equal(all(none, "g.critical").length, 0);
  assert.match(none.getAttribute("aria-label")!, /no critical line/);
});

test("phase diagram colours measured points by their measured ratio on the same scale, NaN grey", () => {
  const svg = phaseDiagram(data(), {width: 560});
  const points = all(svg, "circle.point");
  assert.equal(points.length, 4);
  assert.equal(points[0]!.getAttribute("fill"), phaseColor()(-2.5));
  assert.equal(points[3]!.getAttribute("fill"), FAINT);
  assert.ok(num(points[1]!, "cx") > num(points[0]!, "cx"));
  assert.equal(all(svg, "g.reader").length, 1);
});

test("phase diagram's text alternative states the edge, the reader's prediction, progress and agreement in sign", () => {
  const svg = phaseDiagram(data(), {width: 560});
  const label = svg.getAttribute("aria-label")!;
  assert.match(label, /^Phase diagram for Sigmoid/);
  assert.match(label, /critical line χ₁ = 1 is at init std 0\.900/);
  assert.match(label, /Your setting \(std 0\.05, 2 layers\): predicted −1\.2 decades/);
  // Points 1 and 2 agree in sign; point 3 is measured below 0 where 0.3 is predicted, point 4 is NaN.
  assert.match(label, /4 points measured, 3 to come; 2 agree in sign with the prediction/);
  assert.equal(one(svg, ":scope > title").textContent, label);
  assert.deepEqual(texts(svg, ".legend .ticks .tick text"), [
    "10⁻⁶",
    "10⁻⁴",
    "10⁻²",
    "10⁰",
    "10²",
    "10⁴",
    "10⁶"
  ]);
});

test("phase diagram without theory (maxout) draws the measured points alone and says so", () => {
  const svg = phaseDiagram({...data(), grid: null, critical: [], depthScale: null}, {width: 320});
  assert.equal(all(svg, "rect.cell").length, 0);
  assert.equal(all(svg, "circle.point").length, 4);
  assert.match(svg.getAttribute("aria-label")!, /no prediction for this activation/);
});
