import assert from "node:assert/strict";
import {test} from "node:test";
import {all, num, one, texts, translation} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";
import {saturationChart} from "../../components/saturation-chart.js";

const last = () => loadRun("vanishing-run").at(-1)!;

test("saturation chart matches its committed SVG snapshot", () => {
  matchesSnapshot(saturationChart(last(), {width: 560}), "saturation-chart");
});

test("saturation chart draws hidden layers only, skipping the output layer", () => {
  const svg = saturationChart(last(), {width: 560});
  assert.equal(all(svg, "rect.bar").length, 3);
  assert.ok(!texts(svg, ".layer-axis text").includes("output"));
});

test("saturation chart bars are shares on a fixed 0–100% axis", () => {
  const svg = saturationChart(last(), {width: 560});
  const track = num(one(svg, "rect.track"), "width");
  const widths = all(svg, "rect.bar").map((b) => num(b, "width") / track);
  assert.deepEqual(
    widths.map((w) => w.toFixed(2)),
    last()
      .layers.slice(0, 3)
      .map((l) => l.activation!.saturation.toFixed(2))
  );
  const ticks = texts(svg, ".x-axis .tick text");
  assert.equal(ticks[0], "0%");
  assert.equal(ticks.at(-1), "100%");
});

test("saturation chart labels mean ± std of each layer's activations", () => {
  assert.deepEqual(texts(saturationChart(last(), {width: 560}), "text.moments"), [
    "0.50 ± 0.10",
    "0.50 ± 0.12",
    "0.50 ± 0.14"
  ]);
});

test("saturation chart draws the last hidden layer above layer 1", () => {
  const rows = all(saturationChart(last(), {width: 560}), ".rows > g").map((g) => translation(g)[1]);
  assert.ok(rows[2]! < rows[0]!);
});

test("saturation chart aria-label states the saturation of the first and last hidden layers", () => {
  const svg = saturationChart(last(), {width: 560});
  const label = svg.getAttribute("aria-label") ?? "";
  assert.equal(svg.getAttribute("role"), "img");
  assert.match(label, /at step 100 across 3 hidden layers: 12% in layer 1, 32% in the last hidden layer/);
  assert.match(label, /highest 32% in hidden 3/);
  assert.equal(one(svg, ":scope > title").textContent, label);
});

test("saturation chart shows n/a for NaN statistics without throwing", () => {
  const s = last();
  s.layers[0]!.activation = {mean: NaN, std: NaN, saturation: NaN};
  const svg = saturationChart(s, {width: 560});
  assert.equal(num(all(svg, "rect.bar")[0]!, "width"), 0);
  assert.equal(texts(svg, "text.value")[0], "n/a");
  assert.equal(texts(svg, "text.moments")[0], "n/a");
  assert.doesNotMatch(svg.outerHTML, /NaN/);
});

test("saturation chart renders 'no data yet' without hidden layers", () => {
  const s = last();
  s.layers = s.layers.slice(-1);
  for (const input of [s, null]) {
    assert.equal(one(saturationChart(input, {width: 560}), "text.no-data").textContent, "no data yet");
  }
});
