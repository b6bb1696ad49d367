// Every chart is an image to assistive technology (role="img") whose accessible name summarises what it shows,
// with data and before any: a screen reader never meets an unnamed graphic or a heap of tick labels.
import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import * as charts from "../../components/index.js";
import {loadRun} from "./components-fixtures.js";
import {activationCurve} from "../../src/engine/activation-scalars.js";
import {presetByName} from "../../src/engine/presets.js";

const run = loadRun("vanishing-run");
const last = run.at(-1)!;
const width = 400;
const STAGES = presetByName("layerwise").config.layerwise!;
const studyProfile = {step: 0, layers: last.layers.map((l) => ({layer: l.name, norm: l.gradNorm}))};

/** Each chart drawn from the fixture run, and with nothing to show yet. */
const CASES: [string, () => SVGSVGElement, () => SVGSVGElement][] = [
  ["gradientHeatmap", () => charts.gradientHeatmap(run, {width}), () => charts.gradientHeatmap([], {width})],
  [
    "gradientProfile",
    () => charts.gradientProfile(last, {width}),
    () => charts.gradientProfile(null, {width})
  ],
  [
    "gradientDistributions",
    () => charts.gradientDistributions(last, {width}),
    () => charts.gradientDistributions(null, {width})
  ],
  [
    "weightDistributions",
    () => charts.weightDistributions(last, {width, initial: run[0]}),
    () => charts.weightDistributions(null, {width})
  ],
  ["weightChange", () => charts.weightChange(run, {width}), () => charts.weightChange([], {width})],
  [
    "saturationChart",
    () => charts.saturationChart(last, {width}),
    () => charts.saturationChart(null, {width})
  ],
  [
    "trainingCurves",
    () => charts.trainingCurves(run, {width, metric: "loss"}),
    () => charts.trainingCurves([], {width, metric: "accuracy"})
  ],
  [
    "gradientMultiples",
    () => charts.gradientMultiples([{title: "Baseline", start: studyProfile, end: studyProfile}], {width}),
    () => charts.gradientMultiples([], {width})
  ],
  [
    "accuracyCurves",
    () => charts.accuracyCurves([{key: "a", label: "Adam", points: [{x: 1, y: 0.5}]}], {width}),
    () => charts.accuracyCurves([], {width})
  ],
  [
    "seedSpread",
    () => charts.seedSpread([{label: "Std 10", seeds: [{seed: 42, accuracy: 0.2}], study: 0.19}], {width}),
    () => charts.seedSpread([], {width})
  ],
  [
    "activationCurves",
    () => charts.activationCurves([{label: "Sigmoid", points: activationCurve({kind: "sigmoid"})}], {width}),
    () => charts.activationCurves([], {width})
  ],
  [
    "activationHistograms",
    () => charts.activationHistograms(last, {width}),
    () => charts.activationHistograms(null, {width})
  ],
  [
    "updateRatios",
    () => charts.updateRatios([{label: "SGD", snapshots: run}], {width}),
    () => charts.updateRatios([], {width})
  ],
  [
    "preactivationPercentiles",
    () => charts.preactivationPercentiles([{label: "SGD", snapshots: run}], {width, layer: 1}),
    () => charts.preactivationPercentiles([], {width, layer: 1})
  ],
  [
    "derivativeProducts",
    () => charts.derivativeProducts([{label: "sigmoid", snapshot: last}], {width}),
    () => charts.derivativeProducts([], {width})
  ],
  [
    "stageTimeline",
    () =>
      charts.stageTimeline(
        [{label: "New head", stages: STAGES.stages, accuracy: [0.5, null, null, null, null, null]}],
        {
          width,
          blockSizes: STAGES.blockSizes
        }
      ),
    () => charts.stageTimeline([], {width, blockSizes: []})
  ],
  [
    "imageGrid",
    () => charts.imageGrid([{className: "Bag", images: [new Array(784).fill(0)]}], {width}),
    () => charts.imageGrid([], {width})
  ],
  [
    "networkDiagram",
    () => charts.networkDiagram({depth: 7, width: 128, skips: [{from: 1, to: 3}]}, {width}),
    () => charts.networkDiagram({depth: 0, skips: []}, {width})
  ],
  [
    "phaseDiagram",
    () =>
      charts.phaseDiagram(
        {
          activation: "Sigmoid",
          scales: [0.01, 1, 20],
          depths: [1, 2],
          grid: [
            [0, 0, 0],
            [-2, 0.1, 2]
          ],
          critical: [0.897],
          depthScale: [0.3, 9, 0.4],
          measured: [{scale: 0.05, depth: 2, ratio: -1.5, predicted: -2}],
          pending: 27,
          reader: {scale: 0.05, depth: 2, ratio: -2}
        },
        {width}
      ),
    () =>
      charts.phaseDiagram(
        {
          activation: "Maxout",
          scales: [0.01, 20],
          depths: [1, 2],
          grid: null,
          critical: [],
          depthScale: null,
          measured: [],
          pending: 0,
          reader: null
        },
        {width}
      )
  ]
];

function textAlternative(svg: SVGSVGElement, chart: string): string {
  assert.equal(svg.tagName, "svg", chart);
  assert.equal(svg.getAttribute("role"), "img", `${chart}: role`);
  const label = svg.getAttribute("aria-label") ?? "";
  // The <title> shows the same summary as a tooltip to sighted mouse users.
  assert.equal(svg.querySelector(":scope > title")?.textContent, label, `${chart}: title`);
  return label;
}

describe("chart text alternatives", () => {
  for (const [chart, withData, empty] of CASES) {
    it(`${chart} is named by a summary with numbers, and says when it has no data`, () => {
      const label = textAlternative(withData(), chart);
      assert.ok(label.length >= 30, `${chart}: "${label}" is too short to summarise anything`);
      assert.match(label, /\d/, `${chart}: "${label}" has no numbers`);
      assert.doesNotMatch(label, /NaN|undefined|\[object/, chart);
      const none = textAlternative(empty(), chart);
      assert.ok(none.length > 0, `${chart}: empty chart has no name`);
    });
  }

  it("covers every chart the components index exports", () => {
    const exported = Object.entries(charts)
      .filter(([name, value]) => typeof value === "function" && /^[a-z]/.test(name))
      .map(([name]) => name)
      .filter((name) => !["gradientColor", "gradientFill", "histogramMedian", "depthColor"].includes(name))
      .filter((name) => !["highlightSeries", "seriesStyle", "shortLayerName"].includes(name))
      .filter((name) => !["meanDerivativeProducts", "runStyle"].includes(name))
      .filter(
        (name) =>
          ![
            "layerTable",
            "dataTable",
            "scrollRegion",
            "sortableTable",
            "accuracyCurvesFigure",
            "curvesLegend"
          ].includes(name)
      );
    assert.deepEqual(exported.sort(), CASES.map(([chart]) => chart).sort());
  });
});
