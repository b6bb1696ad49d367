// The stage timeline draws the declared stage table: a flame where a block trains, a snowflake where it is frozen,
// nothing where it does not exist yet; a head marker per run (filled when new) and its stage-end accuracy.
import assert from "node:assert/strict";
import {test} from "node:test";
import {all, one, texts} from "./components-dom.js";
import {matchesSnapshot} from "./components-fixtures.js";
import {presetByName} from "../../src/engine/presets.js";
import {blockLayers, stageTimeline, type StageTimelineRun} from "../../components/stage-timeline.js";

const STUDY = presetByName("layerwise").config.layerwise!;
const KEPT = presetByName("layerwise-keep-head").config.layerwise!;
const runs = (): StageTimelineRun[] => [
  {label: "New head", stages: STUDY.stages, accuracy: [0.6664, 0.5816, 0.4862, 0.5164, 0.5199, 0.5485]},
  {label: "Head kept", stages: KEPT.stages, accuracy: [0.6664, 0.5816, null, null, null, null]}
];
const draw = (width = 560) => stageTimeline(runs(), {width, blockSizes: STUDY.blockSizes, current: 2});
const states = (svg: Element, stage: number) =>
  all(svg, `.block[data-stage="${stage}"]`).map((b) => `${b.getAttribute("data-block")}:${b.classList[1]}`);

test("stage timeline matches its committed SVG snapshot", () => {
  matchesSnapshot(draw(), "stage-timeline");
});

test("stage timeline marks each block of each stage as the stage table declares", () => {
  const svg = draw();
  assert.equal(all(svg, ".block").length, 6 * 4);
  assert.deepEqual(states(svg, 0), ["0:training", "1:absent", "2:absent", "3:absent"]);
  assert.deepEqual(states(svg, 2), ["0:frozen", "1:frozen", "2:training", "3:absent"]);
  assert.deepEqual(states(svg, 3), ["0:training", "1:training", "2:training", "3:absent"]);
  assert.deepEqual(states(svg, 4), ["0:frozen", "1:frozen", "2:frozen", "3:training"]);
  // A flame is a filled path, a snowflake three stroked arms; an absent block has neither.
  for (const block of all(svg, ".block.training"))
    assert.equal(block.querySelectorAll("path[fill]").length, 1);
  for (const block of all(svg, ".block.frozen")) assert.equal(block.querySelectorAll("line").length, 3);
  for (const block of all(svg, ".block.absent")) assert.equal(block.querySelectorAll("path, line").length, 0);
  // Output side up: block 4's row above block 1's.
  const y = (block: number) =>
    one(svg, `.block[data-stage="5"][data-block="${block}"]`).getAttribute("transform")!;
  assert.ok(Number(/,([\d.]+)\)/.exec(y(3))![1]) < Number(/,([\d.]+)\)/.exec(y(0))![1]));
});

test("stage timeline gives each run its head per stage and its stage-end accuracy", () => {
  const svg = draw();
  const heads = (run: number) => all(svg, `.run[data-run="${run}"] .head`).map((h) => h.classList[1]);
  assert.deepEqual(heads(0), ["new", "new", "new", "new", "new", "new"]);
  assert.deepEqual(heads(1), ["new", "new", "new", "kept", "new", "kept"]);
  assert.deepEqual(texts(svg, '.run[data-run="0"] .accuracy'), [
    "66.6%",
    "58.2%",
    "48.6%",
    "51.6%",
    "52.0%",
    "54.9%"
  ]);
  assert.deepEqual(texts(svg, '.run[data-run="1"] .accuracy'), ["66.6%", "58.2%", "", "", "", ""]);
  assert.deepEqual(texts(svg, ".run-label"), ["New head", "Head kept"]);
  assert.deepEqual(texts(svg, ".block-label"), [
    "B1 · layers 1–2",
    "B2 · layers 3–4",
    "B3 · layers 5–6",
    "B4 · layer 7"
  ]);
  assert.equal(all(svg, "rect.current").length, 1);
});

test("stage timeline's text alternative states the schedule, the heads and the accuracies", () => {
  const label = draw().getAttribute("aria-label") ?? "";
  assert.match(
    label,
    /^Layer-wise schedule of 6 stages over 4 blocks \(block 1 is layers 1–2, .* block 4 is layer 7\)/
  );
  assert.match(label, /stage 3: blocks 1, 2 frozen, block 3 training;/);
  assert.match(
    label,
    /New head: a new head every stage\. Head kept: head kept in stages 4, 6, new in the others\./
  );
  assert.match(
    label,
    /Test accuracy at each stage's end: New head 66\.6%, .*, 54\.9%; Head kept 66\.6%, 58\.2%, –, –, –, –\./
  );
});

test("stage timeline fits 300 px with short stage names and whole percentages", () => {
  const svg = draw(300);
  assert.equal(svg.getAttribute("width"), "300");
  assert.deepEqual(texts(svg, ".stages text"), ["1", "2", "3", "4", "5", "6"]);
  assert.equal(texts(svg, '.run[data-run="0"] .accuracy')[0], "67");
  assert.equal(blockLayers([2, 2, 2, 1], 3), "layer 7");
});

test("stage timeline without stages draws an empty frame with a label", () => {
  const svg = stageTimeline([], {width: 400, blockSizes: []});
  assert.match(svg.getAttribute("aria-label") ?? "", /no stages/);
});
