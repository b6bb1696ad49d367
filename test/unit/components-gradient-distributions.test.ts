import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {gradientDistributions, histogramMedian} from "../../components/gradient-distributions.js";
import {all, one} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";

describe("histogramMedian", () => {
  it("returns the centre of the bin where half the mass is reached, NaN for an empty histogram", () => {
    assert.equal(histogramMedian([0, 1, 5, 1], 0, 4), 2.5);
    assert.equal(histogramMedian([3, 0, 0, 1], -12, 0), -10.5);
    assert.ok(Number.isNaN(histogramMedian([0, 0], 0, 1)));
  });
});

describe("gradientDistributions", () => {
  it("draws one ridge per layer, output layer on top, and matches its snapshot", () => {
    const snapshot = loadRun("vanishing-run").at(-1)!;
    const svg = gradientDistributions(snapshot, {width: 480});
    const ridges = all(svg, "path.ridge");
    assert.equal(ridges.length, snapshot.layers.length);
    const meanY = (el: Element) => {
      const ys = [...el.getAttribute("d")!.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
      return ys.reduce((a, b) => a + b, 0) / ys.length;
    };
    assert.ok(meanY(ridges.at(-1)!) < meanY(ridges[0]!), "output ridge above layer 1's");
    assert.match(svg.getAttribute("aria-label")!, /median entry 10\^-?\d+\.\d in the output layer/);
    matchesSnapshot(svg, "gradient-distributions");
  });

  it("renders 'no data yet' for no snapshot or stripped histograms, without throwing", () => {
    assert.equal(one(gradientDistributions(null, {width: 300}), ".no-data").textContent, "no data yet");
    const stripped = loadRun("vanishing-run")[0]!;
    stripped.layers.forEach((l) => (l.gradHistogram = []));
    assert.equal(all(gradientDistributions(stripped, {width: 300}), "path.ridge").length, 0);
  });
});
