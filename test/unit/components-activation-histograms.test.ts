import assert from "node:assert/strict";
import {test} from "node:test";
import {all, barHeights, one, texts} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";
import {activationHistograms} from "../../components/activation-histograms.js";

const sigmoid = () => loadRun("vanishing-run").at(-1)!;
const relu = () => loadRun("healthy-run").at(-1)!;
test("activation histograms match their committed SVG snapshot", () => {
  const svg = activationHistograms(sigmoid(), {width: 640, compare: relu(), labels: ["sigmoid", "ReLU"]});
  matchesSnapshot(svg, "activation-histograms");
});

test("activation histograms draw one panel per hidden layer with one bar per bin", () => {
  const svg = activationHistograms(sigmoid(), {width: 640});
  const panels = all(svg, ".panel");
  assert.deepEqual(
    panels.map((p) => p.querySelector("text")?.textContent),
    ["hidden 1", "hidden 2", "hidden 3"]
  );
  for (const panel of panels) assert.equal(barHeights(panel).length, 61);
});

test("activation histograms show a sigmoid layer's collapse at ½ as its tallest bar", () => {
  const s = sigmoid();
  s.layers[0]!.activation!.histogram = s.layers[0]!.activation!.histogram!.map((_, k) =>
    k === 30 ? 500 : 0
  );
  const panel = all(activationHistograms(s, {width: 640}), ".panel")[0]!;
  const heights = barHeights(panel);
  assert.equal(heights.indexOf(Math.max(...heights)), 30, "bin 30 is centred on 0.5");
  // All of it in one bin: the bar spans the panel's plot, 100 px high less 22 above and 20 below.
  assert.equal(heights[30], 58);
  assert.match(
    activationHistograms(s, {width: 640}).getAttribute("aria-label") ?? "",
    /hidden 1 mostly near 0\.5 \(100%\)/
  );
});

test("activation histograms crop to a domain and add what falls outside to the edge bins", () => {
  const s = sigmoid();
  // 100 outputs at −1 (bin 0), 100 at 2 (the last bin), 200 at 0.5.
  s.layers[0]!.activation!.histogram = s.layers[0]!.activation!.histogram!.map((_, k) =>
    k === 0 || k === 60 ? 100 : k === 30 ? 200 : 0
  );
  const panel = all(activationHistograms(s, {width: 640, domain: [-0.1, 1.1]}), ".panel")[0]!;
  const heights = barHeights(panel);
  // Bin centres −0.1, −0.05, …, 1.1: 25 bins.
  assert.equal(heights.length, 25);
  assert.ok(Math.abs(heights[0]! - heights[12]! / 2) < 1e-6 && heights[0]! > 0);
  assert.ok(Math.abs(heights.at(-1)! - heights[0]!) < 1e-6);
});

test("activation histograms outline the comparison run and name both in the legend", () => {
  const svg = activationHistograms(sigmoid(), {width: 640, compare: relu(), labels: ["sigmoid", "ReLU"]});
  assert.equal(all(svg, "path.compare").length, 3);
  assert.deepEqual(texts(svg, ".legend text"), ["bars: sigmoid (step 100)", "outline: ReLU (step 100)"]);
  assert.match(svg.getAttribute("aria-label") ?? "", /\(ReLU: mostly near 0 /);
  assert.equal(all(activationHistograms(sigmoid(), {width: 640}), "path.compare").length, 0);
});

test("activation histograms of a run recorded before the probe say 'no histogram'", () => {
  const s = sigmoid();
  for (const layer of s.layers) if (layer.activation) delete layer.activation.histogram;
  delete s.bins.activation;
  const svg = activationHistograms(s, {width: 640});
  assert.deepEqual(texts(svg, ".missing"), ["no histogram", "no histogram", "no histogram"]);
  assert.doesNotMatch(svg.outerHTML, /NaN/);
});

test("activation histograms render 'no data yet' without a snapshot", () => {
  for (const s of [null, undefined, {...sigmoid(), layers: []}]) {
    assert.equal(one(activationHistograms(s, {width: 640}), "text.no-data").textContent, "no data yet");
  }
});
