// The comparison page's charts: gradient small multiples on one fixed log axis, many accuracy curves with a
// highlight driven by hover or by legend buttons, and the seed spread against the study's value.
import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {
  accuracyCurves,
  highlightSeries,
  seriesStyle,
  type CurveSeries
} from "../../components/accuracy-curves.js";
import {accuracyCurvesFigure} from "../../components/accuracy-legend.js";
import {MULTIPLES_DOMAIN, gradientMultiples, shortLayerName} from "../../components/gradient-multiples.js";
import {lanes, seedSpread} from "../../components/seed-spread.js";
import type {GradientSnapshot} from "../../src/lib/study-types.js";
import {all, num, one, texts, translation} from "./components-dom.js";

/** A profile that loses a factor `ratio` per layer below the output (norm 1 at the output). */
const profile = (names: string[], ratio: number, step = 0): GradientSnapshot => ({
  step,
  layers: names.map((layer, i) => ({layer, norm: ratio ** (names.length - 1 - i)}))
});
const EIGHT = ["hidden 1", "hidden 2", "hidden 3", "hidden 4", "hidden 5", "hidden 6", "hidden 7", "output"];

describe("gradientMultiples", () => {
  const panels = [
    {title: "Baseline", start: profile(EIGHT, 0.1), end: profile(EIGHT, 0.1, 100)},
    {
      title: "Layer-wise",
      start: profile(["hidden 1", "hidden 2", "output"], 0.5),
      end: profile(EIGHT, 0.2, 600)
    },
    {title: "Skip", start: null, end: null}
  ];

  it("draws every panel on the same fixed log axis, whatever its data", () => {
    assert.deepEqual(MULTIPLES_DOMAIN, [1e-8, 1e4]);
    const svg = gradientMultiples(panels, {width: 900});
    const axes = all(svg, ".panel").map((p) => texts(p, ".x-axis .tick text"));
    assert.equal(axes.length, 3);
    assert.equal(axes[0]![0], "10⁻⁸");
    assert.equal(axes[0]!.at(-1), "10⁴");
    assert.deepEqual(axes[1], axes[0]);
    assert.deepEqual(axes[2], axes[0]);
  });

  it("places a layer by its name, so a 3-layer start shares rows with the 8-layer end", () => {
    const panel = all(gradientMultiples(panels, {width: 900}), ".panel")[1]!;
    const rowOf = (series: string) => all(panel, `.${series} circle`).map((c) => num(c, "cy"));
    const [start, end] = [rowOf("start"), rowOf("end")];
    assert.deepEqual([start.length, end.length], [3, 8]);
    assert.equal(start[2], end[7], "the output rows coincide");
    assert.equal(start[1], end[1]);
    assert.ok(end[7]! < end[0]!, "output above layer 1");
    assert.deepEqual(texts(panel, ".layer-labels text"), ["1", "2", "3", "4", "5", "6", "7", "out"]);
  });

  it("spaces a constant factor per layer evenly and marks experiments without runs", () => {
    const svg = gradientMultiples(panels, {width: 900});
    const xs = all(all(svg, ".panel")[0]!, ".end circle").map((c) => num(c, "cx"));
    const steps = xs.slice(1).map((x, i) => x - xs[i]!);
    for (const step of steps) assert.ok(Math.abs(step - steps[0]!) < 1e-6 && step > 0);
    assert.equal(one(all(svg, ".panel")[2]!, ".no-data").textContent, "not yet run");
    assert.match(svg.getAttribute("aria-label") ?? "", /3 experiments on one log scale from 10⁻⁸ to 10⁴/);
    assert.match(
      svg.getAttribute("aria-label") ?? "",
      /Baseline: at the start output 1\.0e\+0, layer 1 1\.0e-7/
    );
    assert.match(svg.getAttribute("aria-label") ?? "", /Skip: not yet run/);
  });

  it("lays panels out in as many columns as fit, and skips layers without a gradient", () => {
    const wide = all(gradientMultiples(panels, {width: 900}), ".panel").map((p) => translation(p));
    assert.equal(wide[1]![1], wide[0]![1], "side by side at 900 px");
    const narrow = all(gradientMultiples(panels, {width: 320}), ".panel").map((p) => translation(p));
    assert.ok(
      narrow.every(([x]) => x === 0),
      "one column at 320 px"
    );
    const frozen = profile(EIGHT, 0.1);
    frozen.layers[0]!.norm = null;
    const svg = gradientMultiples([{title: "x", start: frozen, end: null}], {width: 400});
    assert.equal(all(svg, ".start circle").length, 7);
    assert.equal(shortLayerName("hidden 12"), "12");
  });
});

const curves: CurveSeries[] = [
  {key: "adam", label: "Adam", points: [1, 2, 3].map((x) => ({x, y: 0.3 * x}))},
  {key: "baseline", label: "Baseline", points: [1, 2, 3].map((x) => ({x, y: 0.1}))},
  {key: "skip", label: "Skip", points: []}
];

describe("accuracyCurves", () => {
  it("draws one line per series with data and names each run's last value", () => {
    const svg = accuracyCurves(curves, {width: 600});
    assert.deepEqual(
      all(svg, "g.series").map((g) => g.getAttribute("data-key")),
      ["adam", "baseline"]
    );
    const label = svg.getAttribute("aria-label") ?? "";
    assert.match(
      label,
      /Validation accuracy per epoch of 2 runs, chance 10\.0%: Adam 90\.0% at epoch 3; Baseline 10\.0% at epoch 3/
    );
    assert.equal(one(accuracyCurves([], {width: 600}), ".no-data").textContent, "no data yet");
  });

  it("gives sixteen series sixteen different colour and dash combinations", () => {
    const styles = new Set(Array.from({length: 16}, (_, i) => JSON.stringify(seriesStyle(i))));
    assert.equal(styles.size, 16);
  });

  it("brings the highlighted series forward, fades the others and reads its value out", () => {
    const svg = accuracyCurves(curves, {width: 600});
    highlightSeries(svg, "baseline");
    const opacity = (key: string) => one(svg, `g.series[data-key="${key}"]`).getAttribute("opacity");
    assert.deepEqual([opacity("baseline"), opacity("adam")], ["1", "0.18"]);
    assert.equal(all(svg, "g.series").at(-1)!.getAttribute("data-key"), "baseline", "drawn last, on top");
    assert.equal(one(svg, ".readout").textContent, "Baseline: 10.0% at epoch 3");
    highlightSeries(svg, null);
    assert.deepEqual([opacity("baseline"), opacity("adam")], ["1", "1"]);
    assert.equal(one(svg, ".readout").textContent, "");
  });

  it("uses a log epoch axis by default and a linear one on request", () => {
    const log = accuracyCurves(curves, {width: 600});
    const linear = accuracyCurves(curves, {width: 600, xScale: "linear"});
    assert.match(texts(log, ".x-axis text").at(-1)!, /log scale/);
    assert.doesNotMatch(texts(linear, ".x-axis text").at(-1)!, /log/);
    const xs = (svg: Element) => all(svg, ".x-axis .tick").map((t) => translation(t)[0]);
    assert.notDeepEqual(xs(log), xs(linear));
  });
});

const focusEvent = (type: string) => new document.defaultView!.FocusEvent(type);

describe("accuracyCurvesFigure", () => {
  it("highlights a series when its legend button gets focus, and pins it when pressed", () => {
    const figure = accuracyCurvesFigure(curves, {width: 600, legendLabel: "Highlight an experiment"});
    const svg = one(figure, "svg[role=img]") as SVGSVGElement;
    const buttons = all(figure, "ul button") as HTMLButtonElement[];
    assert.equal(one(figure, "ul").getAttribute("aria-label"), "Highlight an experiment");
    assert.deepEqual(
      buttons.map((b) => b.textContent),
      ["Adam", "Baseline"],
      "no entry for a run without data"
    );
    const opacity = (key: string) => one(svg, `g.series[data-key="${key}"]`).getAttribute("opacity");
    buttons[1]!.dispatchEvent(focusEvent("focus"));
    assert.equal(opacity("adam"), "0.18");
    buttons[1]!.dispatchEvent(focusEvent("blur"));
    assert.equal(opacity("adam"), "1");
    buttons[0]!.click();
    assert.equal(buttons[0]!.getAttribute("aria-pressed"), "true");
    buttons[0]!.dispatchEvent(focusEvent("blur"));
    assert.equal(opacity("baseline"), "0.18", "the pinned series stays forward");
    assert.equal(svg.getAttribute("data-pinned"), "adam");
    buttons[0]!.click();
    assert.equal(buttons[0]!.getAttribute("aria-pressed"), "false");
    const sample = one(buttons[1]!, "svg");
    assert.equal(sample.getAttribute("aria-hidden"), "true");
    assert.equal(one(sample, "line").getAttribute("stroke"), seriesStyle(1).color);
  });
});

describe("seedSpread", () => {
  const rows = [
    {
      label: "Std 10",
      seeds: [42, 1, 2, 3].map((seed, i) => ({seed, accuracy: [0.19, 0.1, 0.1, 0.3][i]!})),
      study: 0.1927
    },
    {label: "Grad norm", seeds: [], study: 0.5373}
  ];

  it("draws a mark per seed, the study's seed as a diamond, and the study's value as a line", () => {
    const svg = seedSpread(rows, {width: 600});
    const [std10, gradnorm] = all(svg, ".seed-row");
    assert.equal(all(std10!, "path.seed").length, 4);
    assert.equal(all(std10!, "path.reference").length, 1);
    assert.match(one(std10!, "path.reference title").textContent ?? "", /seed 42: 19\.0%/);
    const studyX = num(one(std10!, "line.study"), "x1");
    assert.ok(Math.abs(studyX - (12 + 0.1927 * (600 - 28))) < 0.01);
    assert.equal(one(gradnorm!, ".no-data").textContent, "not yet run");
    assert.equal(all(gradnorm!, "line.study").length, 1);
  });

  it("keeps equal results apart and summarises every row in its text alternative", () => {
    const svg = seedSpread(rows, {width: 600});
    const ys = all(all(svg, ".seed-row")[0]!, "path.seed").map((p) => translation(p)[1]);
    assert.notEqual(ys[1], ys[2], "two seeds at 10% are on different lanes");
    assert.deepEqual(lanes([0, 0, 0, 50], 11), [0, -1, 1, 0]);
    const label = svg.getAttribute("aria-label") ?? "";
    assert.match(label, /Std 10: 4 seeds, 10\.0% to 30\.0% \(mean 17\.3%\), study 19\.3%/);
    assert.match(label, /Grad norm: not yet run, study 53\.7%/);
  });
});
