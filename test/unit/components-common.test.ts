import assert from "node:assert/strict";
import {test} from "node:test";
import "./components-dom.js";
import {loadRun} from "./components-fixtures.js";
import * as components from "../../components/index.js";
import {decades, depthColor, describeGradient, dodge, frame, pow10, sci} from "../../components/common.js";

test("components index re-exports every chart as a function", () => {
  for (const name of [
    "gradientHeatmap",
    "gradientProfile",
    "weightDistributions",
    "weightChange",
    "saturationChart",
    "trainingCurves"
  ] as const) {
    assert.equal(typeof components[name], "function", name);
  }
});

test("sci formats numbers as 3.1e-2 and non-numbers as n/a", () => {
  assert.equal(sci(0.031), "3.1e-2");
  assert.equal(sci(4e-7), "4.0e-7");
  assert.equal(sci(NaN), "n/a");
  assert.equal(sci(Infinity), "n/a");
});

test("pow10 writes decade ticks with superscript exponents", () => {
  assert.equal(pow10(-8), "10⁻⁸");
  assert.equal(pow10(0), "10⁰");
  assert.equal(pow10(12), "10¹²");
});

test("decades lists the integer exponents inside a range", () => {
  assert.deepEqual(decades(1e-8, 10), [-8, -7, -6, -5, -4, -3, -2, -1, 0, 1]);
  assert.deepEqual(decades(2e-3, 0.5), [-2, -1]);
});

test("dodge separates labels by the gap, keeps their order and stays in bounds", () => {
  const placed = dodge([50, 50, 51, 10], 10, 0, 100);
  assert.deepEqual(placed, [50, 60, 70, 10]);
  const crowded = dodge([100, 100, 100], 10, 0, 100);
  assert.deepEqual(crowded, [80, 90, 100]);
});

test("depthColor runs from dark (input side) to light (output side) and differs per layer", () => {
  const colors = [0, 1, 2, 3].map((j) => depthColor(j, 4));
  assert.equal(new Set(colors).size, 4);
  assert.equal(depthColor(0, 1), depthColor(3, 4));
});

test("describeGradient names the direction, both ends and the orders of magnitude", () => {
  const s = loadRun("vanishing-run")[0]!;
  assert.equal(
    describeGradient(s),
    "Gradient norm falls from 3.1e-2 at the output layer to 3.1e-5 at layer 1 at step 0 (3.0 orders of magnitude)"
  );
  s.layers[0]!.gradNorm = NaN;
  assert.match(describeGradient(s), /goes from 3\.1e-2 at the output layer to n\/a at layer 1/);
});

test("frame makes an accessible SVG with role img, an aria-label and a title", () => {
  const svg = frame(300, 100, "A summary").node()!;
  assert.equal(svg.getAttribute("role"), "img");
  assert.equal(svg.getAttribute("aria-label"), "A summary");
  assert.equal(svg.querySelector("title")?.textContent, "A summary");
  assert.equal(svg.getAttribute("viewBox"), "0 0 300 100");
});

test("an axis title paints itself: d3's axis group has fill none, which the title would otherwise inherit", () => {
  const snapshots = loadRun("vanishing-run");
  const svg = components.trainingCurves(snapshots, {width: 480, metric: "loss"});
  const title = [...svg.querySelectorAll(".x-axis > text")];
  assert.deepEqual(
    title.map((t) => [t.textContent, t.getAttribute("fill")]),
    [["epoch →", "currentColor"]]
  );
  assert.equal(svg.querySelector(".x-axis")!.getAttribute("fill"), "none");
});
