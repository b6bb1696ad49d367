import assert from "node:assert/strict";
import {test} from "node:test";
import {all, num, one, texts} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";
import {GRAD_NORM_DOMAIN, gradientProfile} from "../../components/gradient-profile.js";

const vanishing = () => loadRun("vanishing-run").at(-1)!;
const healthy = () => loadRun("healthy-run").at(-1)!;

test("gradient profile matches its committed SVG snapshot", () => {
  const svg = gradientProfile(vanishing(), {width: 560, compare: healthy(), labels: ["sigmoid", "ReLU"]});
  matchesSnapshot(svg, "gradient-profile");
});

test("gradient profile keeps the fixed log axis from 1e-8 to 1e1 whatever the data", () => {
  assert.deepEqual(GRAD_NORM_DOMAIN, [1e-8, 1e1]);
  const a = gradientProfile(vanishing(), {width: 560});
  const b = gradientProfile(healthy(), {width: 560});
  const labels = texts(a, ".x-axis .tick text");
  assert.equal(labels[0], "10⁻⁸");
  assert.equal(labels.at(-1), "10¹");
  assert.deepEqual(texts(b, ".x-axis .tick text"), labels);
  const positions = (svg: Element) => all(svg, ".x-axis .tick").map((t) => t.getAttribute("transform"));
  assert.deepEqual(positions(a), positions(b));
});

test("gradient profile spaces a 10x-per-layer decay evenly, as a log scale must", () => {
  const xs = all(gradientProfile(vanishing(), {width: 560}), ".run circle").map((c) => num(c, "cx"));
  assert.equal(xs.length, 4);
  const steps = xs.slice(1).map((x, i) => x - xs[i]!);
  for (const step of steps) assert.ok(Math.abs(step - steps[0]!) < 1e-6 && step > 0);
});

test("gradient profile draws the output layer above layer 1", () => {
  const ys = all(gradientProfile(vanishing(), {width: 560}), ".run circle").map((c) => num(c, "cy"));
  assert.ok(ys[3]! < ys[0]!);
});

test("gradient profile overlays the comparison run with a labelled legend", () => {
  const svg = gradientProfile(vanishing(), {width: 560, compare: healthy(), labels: ["sigmoid", "ReLU"]});
  assert.equal(all(svg, ".compare circle").length, 4);
  assert.deepEqual(texts(svg, ".legend text"), ["sigmoid (step 100)", "ReLU (step 100)"]);
  assert.match(svg.getAttribute("aria-label") ?? "", /For ReLU, it falls from/);
  assert.equal(all(gradientProfile(vanishing(), {width: 560}), ".compare").length, 0);
});

test("gradient profile aria-label states the output and first-layer norms", () => {
  const svg = gradientProfile(vanishing(), {width: 560});
  assert.equal(svg.getAttribute("role"), "img");
  const label = svg.getAttribute("aria-label") ?? "";
  assert.match(label, /falls from 2\.2e-2 at the output layer to 2\.2e-5 at layer 1 at step 100/);
  assert.equal(one(svg, ":scope > title").textContent, label);
});

test("gradient profile skips NaN and zero norms without throwing", () => {
  const s = vanishing();
  s.layers[1]!.gradNorm = NaN;
  s.layers[2]!.gradNorm = 0;
  const svg = gradientProfile(s, {width: 560});
  assert.equal(all(svg, ".run circle").length, 2);
  assert.doesNotMatch(one(svg, ".run path").getAttribute("d") ?? "", /NaN/);
});

test("gradient profile renders 'no data yet' for a missing snapshot", () => {
  for (const s of [null, undefined, {...vanishing(), layers: []}]) {
    const svg = gradientProfile(s, {width: 560});
    assert.equal(one(svg, "text.no-data").textContent, "no data yet");
  }
});

test("gradient profile overlays a predicted line with diamonds, named in the legend and the label", () => {
  const predicted = [2e-5, 2.5e-4, 3e-3, null];
  const svg = gradientProfile(vanishing(), {width: 560, predicted});
  const marks = all(svg, ".predicted path.mark");
  assert.equal(marks.length, 3, "the null output-layer entry is skipped");
  const xs = marks.map((m) => Number(/translate\(([^,]+),/.exec(m.getAttribute("transform") ?? "")?.[1]));
  // The run's circles of the same layers sit at the measured norms; the predicted 2e-5 lies just left of 2.2e-5.
  const circles = all(svg, ".run circle").map((c) => num(c, "cx"));
  assert.ok(xs[0]! < circles[0]! && circles[0]! - xs[0]! < 10);
  assert.deepEqual(texts(svg, ".legend text"), ["this run (step 100)", "mean-field prediction"]);
  assert.match(
    svg.getAttribute("aria-label") ?? "",
    /The mean-field prediction goes from 3\.0e-3 at hidden 3 to 2\.0e-5 at hidden 1\./
  );
  assert.equal(all(gradientProfile(vanishing(), {width: 560}), ".predicted").length, 0);
});

test("gradient profile wraps its legend on a narrow chart and moves the plot down", () => {
  const opts = {
    compare: healthy(),
    labels: ["sigmoid", "ReLU"] as const,
    predicted: [1e-5, 1e-4, 1e-3, null]
  };
  const wide = gradientProfile(vanishing(), {width: 800, ...opts});
  const narrow = gradientProfile(vanishing(), {width: 374, ...opts});
  assert.equal(all(wide, ".legend").length, 1);
  assert.equal(all(narrow, ".legend").length, 2);
  const top = (svg: Element) => Math.min(...all(svg, ".run circle").map((c) => num(c, "cy")));
  assert.ok(top(narrow) > top(wide));
});

test("gradient profile swaps the two series colours on request", () => {
  const strokes = (svg: Element) =>
    [".run circle", ".compare circle"].map((s) => one(svg, s).getAttribute("stroke"));
  const usual = gradientProfile(vanishing(), {width: 560, compare: healthy()});
  const swapped = gradientProfile(vanishing(), {width: 560, compare: healthy(), colors: [1, 0]});
  assert.deepEqual(strokes(swapped), strokes(usual).reverse());
  assert.notEqual(strokes(usual)[0], strokes(usual)[1]);
});
