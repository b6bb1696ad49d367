import assert from "node:assert/strict";
import {test} from "node:test";
import {all, barHeights, one, texts} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";
import {weightDistributions} from "../../components/weight-distributions.js";

const run = () => loadRun("vanishing-run");

test("weight distributions match their committed SVG snapshot", () => {
  const r = run();
  matchesSnapshot(weightDistributions(r.at(-1), {width: 640, initial: r[0]}), "weight-distributions");
});

test("weight distributions draw one panel per layer with one bar per fixed bin", () => {
  const r = run();
  const svg = weightDistributions(r.at(-1), {width: 640, initial: r[0]});
  const panels = all(svg, "g.panel");
  assert.equal(panels.length, 4);
  for (const panel of panels) assert.equal(barHeights(panel).length, r[0]!.bins.weight.count);
  assert.deepEqual(texts(panels[0]!, ".tick text"), ["−1", "0", "1"]);
});

test("weight distributions outline the initial distribution only when it is given", () => {
  const r = run();
  assert.equal(all(weightDistributions(r.at(-1), {width: 640, initial: r[0]}), "path.initial").length, 4);
  assert.equal(all(weightDistributions(r.at(-1), {width: 640}), "path.initial").length, 0);
});

test("weight distributions scale bars by each bin's share of the layer", () => {
  const r = run();
  const svg = weightDistributions(r[0], {width: 640});
  // hidden 1 at initialisation: all weights in two equal bins either side of 0.
  const heights = barHeights(all(svg, "g.panel")[0]!);
  const tall = heights.filter((h) => h > 0);
  assert.equal(tall.length, 2);
  assert.equal(tall[0], tall[1]);
  // Each holds half the weights, the panel's peak: from the base (100 px less 20 below) to 22 px from the top.
  assert.equal(tall[0], 58);
});

test("weight distributions aria-label reports the spread of the first and output layers", () => {
  const r = run();
  const svg = weightDistributions(r.at(-1), {width: 640, initial: r[0]});
  const label = svg.getAttribute("aria-label") ?? "";
  assert.equal(svg.getAttribute("role"), "img");
  assert.match(label, /Weight distributions of 4 layers at step 100 on \[-1, 1\]/);
  assert.match(label, /layer 1 \d\.\de-\d+ \(initially \d\.\de-\d+\), output layer \d\.\de-\d+/);
  assert.equal(one(svg, ":scope > title").textContent, label);
});

test("weight distributions survive NaN counts and a short histogram", () => {
  const s = run()[0]!;
  s.layers[0]!.weightHistogram = s.layers[0]!.weightHistogram.map(() => NaN);
  s.layers[1]!.weightHistogram = [1, 2, 3];
  const svg = weightDistributions(s, {width: 640});
  assert.equal(all(svg, "g.panel").length, 4);
  assert.doesNotMatch(svg.outerHTML, /NaN/);
});

test("weight distributions render 'no data yet' without a snapshot", () => {
  const svg = weightDistributions(null, {width: 640});
  assert.equal(one(svg, "text.no-data").textContent, "no data yet");
});

test("weight distributions wrap their legend onto a second row where the chart is narrow", () => {
  const r = run();
  const wide = weightDistributions(r.at(-1), {width: 640, initial: r[0]});
  const narrow = weightDistributions(r.at(-1), {width: 320, initial: r[0]});
  assert.equal(all(wide, "g.legend").length, 1);
  assert.deepEqual(
    all(narrow, "g.legend").map((g) => g.getAttribute("transform")),
    ["translate(8,8)", "translate(8,24)"]
  );
  // Two panels a row at 320 px: 4 layers in 2 rows of 100 px under a legend of two 16 px rows.
  assert.equal(narrow.getAttribute("height"), String(8 + 2 * 16 + 2 * 100));
});
