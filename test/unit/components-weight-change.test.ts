import assert from "node:assert/strict";
import {test} from "node:test";
import {all, num, one, texts} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";
import {depthColor} from "../../components/common.js";
import {RELATIVE_CHANGE_FLOOR, weightChange} from "../../components/weight-change.js";

test("weight change matches its committed SVG snapshot", () => {
  matchesSnapshot(weightChange(loadRun("vanishing-run"), {width: 560}), "weight-change");
});

test("weight change draws one line per layer, coloured by depth and labelled by name", () => {
  const svg = weightChange(loadRun("vanishing-run"), {width: 560});
  const strokes = all(svg, "path.layer").map((p) => p.getAttribute("stroke"));
  assert.deepEqual(
    strokes,
    [0, 1, 2, 3].map((j) => depthColor(j, 4))
  );
  assert.equal(new Set(strokes).size, 4);
  assert.deepEqual(texts(svg, ".ends text"), ["hidden 1", "hidden 2", "hidden 3", "output"]);
});

test("weight change uses a log axis with a fixed floor of 1e-6 where the zeros of step 0 sit", () => {
  assert.equal(RELATIVE_CHANGE_FLOOR, 1e-6);
  const svg = weightChange(loadRun("vanishing-run"), {width: 560});
  const ticks = all(svg, ".tick").filter((t) => t.querySelector("text")?.textContent?.startsWith("10"));
  const floorTick = ticks.find((t) => t.textContent === "10⁻⁶");
  assert.ok(floorTick, "the 10⁻⁶ tick exists");
  const floorY = Number(/translate\(0,([^)]+)\)/.exec(floorTick.getAttribute("transform") ?? "")?.[1]);
  // Every path starts at step 0 with relative change 0, drawn on the floor (d3-axis shifts ticks by
  // half a pixel for crisp lines).
  for (const path of all(svg, "path.layer")) {
    const start = /^M([^,]+),([^LZ]+)/.exec(path.getAttribute("d") ?? "");
    assert.ok(start && Math.abs(Number(start[2]) + 0.5 - floorY) < 1e-6);
  }
});

test("weight change ends the output layer above layer 1", () => {
  const ys = all(weightChange(loadRun("vanishing-run"), {width: 560}), ".ends circle").map((c) =>
    num(c, "cy")
  );
  assert.ok(ys[3]! < ys[0]!);
});

test("weight change aria-label states the output and first-layer changes", () => {
  const svg = weightChange(loadRun("vanishing-run"), {width: 560});
  const label = svg.getAttribute("aria-label") ?? "";
  assert.equal(svg.getAttribute("role"), "img");
  assert.match(label, /at step 100: 5\.0e-2 at the output layer, 5\.0e-5 at layer 1/);
  assert.equal(one(svg, ":scope > title").textContent, label);
});

test("weight change breaks lines at NaN and Infinity without throwing", () => {
  const run = loadRun("vanishing-run");
  run[2]!.layers[0]!.relativeChange = NaN;
  run[3]!.layers[3]!.relativeChange = Infinity;
  const svg = weightChange(run, {width: 560});
  assert.equal(all(svg, "path.layer").length, 4);
  assert.doesNotMatch(svg.outerHTML, /NaN|Infinity/);
});

test("weight change draws a single snapshot as end dots", () => {
  const svg = weightChange(loadRun("vanishing-run").slice(0, 1), {width: 560});
  assert.equal(all(svg, ".ends circle").length, 4);
});

test("weight change renders 'no data yet' for an empty run", () => {
  const svg = weightChange([], {width: 560});
  assert.equal(one(svg, "text.no-data").textContent, "no data yet");
});
