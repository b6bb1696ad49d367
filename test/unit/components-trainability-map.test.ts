import assert from "node:assert/strict";
import {test} from "node:test";
import {all, one} from "./components-dom.js";
import {matchesSnapshot} from "./components-fixtures.js";
import {
  ACCURACY_DOMAIN,
  accuracyColor,
  describeMap,
  logEdges,
  trainabilityMap,
  type MapCell,
  type TrainabilityMapData
} from "../../components/trainability-map.js";

/** A hand-made 3 × 2 grid: one cell per state the map distinguishes. */
function fixture(): TrainabilityMapData {
  const c = (
    scale: number,
    depth: number,
    status: MapCell["status"],
    accuracy: number | null,
    diverged = false
  ) => ({scale, depth, status, accuracy, diverged}) as MapCell;
  return {
    scales: [0.1, 1, 10],
    depths: [2, 8],
    steps: 300,
    cells: [
      c(0.1, 2, "done", 0.1),
      c(1, 2, "done", 0.8),
      c(10, 2, "done", null, true),
      c(0.1, 8, "failed", null),
      c(1, 8, "running", null),
      c(10, 8, "queued", null)
    ],
    critical: 0.9,
    xiLines: [
      {
        multiple: 1,
        points: [
          {scale: 0.5, depth: 2},
          {scale: 0.9, depth: 9},
          {scale: 2, depth: 1.5}
        ]
      },
      {
        multiple: 6,
        points: [
          {scale: 0.3, depth: 3},
          {scale: 0.9, depth: 50},
          {scale: 3, depth: 4}
        ]
      }
    ]
  };
}

const label = (svg: Element, scale: number, depth: number) =>
  one(svg, `g.cell-labels text[data-scale="${scale}"][data-depth="${depth}"]`);
const cell = (svg: Element, scale: number, depth: number) =>
  one(svg, `g.cell[data-scale="${scale}"][data-depth="${depth}"]`);

test("trainability map matches its committed SVG snapshot", () => {
  matchesSnapshot(trainabilityMap(fixture(), {width: 640}), "trainability-map");
});

test("trainability map colours finished cells by accuracy on the fixed chance-to-perfect viridis scale", () => {
  assert.deepEqual(ACCURACY_DOMAIN, [0.1, 1]);
  const svg = trainabilityMap(fixture(), {width: 640});
  // 80% is 7/9 of the way from chance to perfect: viridis there.
  assert.equal(one(cell(svg, 1, 2), "rect").getAttribute("fill"), "#6ece58");
  assert.equal(accuracyColor(0.8), "#6ece58");
  // Chance is the dark end of viridis, whatever else the grid holds.
  assert.equal(one(cell(svg, 0.1, 2), "rect").getAttribute("fill"), "#440154");
  assert.equal(label(svg, 1, 2).textContent, "80%");
});

test("trainability map leaves pending cells empty, dashes the running one and crosses out diverged and failed", () => {
  const svg = trainabilityMap(fixture(), {width: 640});
  for (const [scale, depth] of [
    [10, 2],
    [0.1, 8],
    [1, 8],
    [10, 8]
  ] as const)
    assert.equal(one(cell(svg, scale, depth), "rect").getAttribute("fill"), "none");
  assert.ok(one(cell(svg, 1, 8), "rect").getAttribute("stroke-dasharray"));
  assert.equal(all(svg, "g.cell path").length, 2, "the diverged and the failed cell are crossed out");
  assert.equal(label(svg, 10, 2).textContent, "NaN");
  assert.equal(label(svg, 0.1, 8).textContent, "failed");
});

test("trainability map lays cells on log axes with edges at geometric midpoints", () => {
  assert.deepEqual(logEdges([1, 4, 16]), [0.5, 2, 8, 32]);
  const svg = trainabilityMap(fixture(), {width: 640});
  const widths = [0.1, 1, 10].map((s) => Number(one(cell(svg, s, 2), "rect").getAttribute("width")));
  assert.ok(Math.abs(widths[0]! - widths[2]!) < 1e-6, "equal ratios give equal widths");
  const deep = Number(one(cell(svg, 1, 8), "rect").getAttribute("y"));
  const shallow = Number(one(cell(svg, 1, 2), "rect").getAttribute("y"));
  assert.ok(deep < shallow, "deeper rows sit higher");
});

test("trainability map draws the critical line at the critical scale and breaks ξ curves outside the depths", () => {
  const svg = trainabilityMap(fixture(), {width: 640});
  const line = all(svg, "line.critical").filter((l) => l.getAttribute("stroke") === "currentColor")[0]!;
  const x0 = Number(one(cell(svg, 1, 2), "rect").getAttribute("x")) - 1;
  const width = Number(one(cell(svg, 1, 2), "rect").getAttribute("width")) + 2;
  // 0.9 is left of 1, inside the middle column (whose edges are √0.1 and √10).
  const cx = Number(line.getAttribute("x1"));
  assert.ok(cx > x0 && cx < x0 + width / 2, `critical at ${cx}`);
  const six = all(svg, 'path.xi[data-multiple="6"]').find(
    (p) => p.getAttribute("stroke") === "currentColor"
  )!;
  // 6ξ reaches 50 layers at the critical scale, beyond the grid's top (8 × 2): the curve is broken in two.
  assert.equal((six.getAttribute("d") ?? "").match(/M/g)?.length, 2);
});

test("trainability map's text alternative says where networks trained above 50% and what diverged", () => {
  const label = describeMap(fixture());
  assert.equal(trainabilityMap(fixture(), {width: 640}).getAttribute("aria-label"), label);
  assert.match(label, /3 init scales × 2 depths; 4 of 6 cells finished/);
  assert.match(label, /Above 50%: depth 2 at std 1\./);
  assert.match(label, /1 diverged/);
  assert.match(label, /critical std 0\.9/);
});
