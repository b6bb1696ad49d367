import assert from "node:assert/strict";
import {test} from "node:test";
import {all, num, one, texts} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";
import {CHANCE, trainingCurves} from "../../components/training-curves.js";

test("training curves match their committed SVG snapshots", () => {
  matchesSnapshot(
    trainingCurves(loadRun("healthy-run"), {width: 560, metric: "accuracy"}),
    "training-accuracy"
  );
  matchesSnapshot(trainingCurves(loadRun("vanishing-run"), {width: 560, metric: "loss"}), "training-loss");
});

test("training curves plot train at every snapshot and validation at epoch ends", () => {
  const svg = trainingCurves(loadRun("healthy-run"), {width: 560, metric: "accuracy"});
  assert.equal((one(svg, "g.train path").getAttribute("d")?.match(/[ML]/g) ?? []).length, 5);
  assert.equal(all(svg, "g.validation circle").length, 2);
  assert.equal(all(svg, "g.test").length, 1);
});

test("training curves draw a dashed chance line at 10% accuracy", () => {
  assert.equal(CHANCE.accuracy, 0.1);
  const svg = trainingCurves(loadRun("healthy-run"), {width: 560, metric: "accuracy"});
  const line = one(svg, "g.chance line");
  assert.ok(line.getAttribute("stroke-dasharray"));
  assert.equal(one(svg, "g.chance text").textContent, "chance 10.0%");
  const ticks = all(svg, "g.tick").filter((t) => t.textContent?.endsWith("%"));
  assert.equal(ticks[0]?.textContent, "0%");
  assert.equal(ticks.at(-1)?.textContent, "100%");
});

test("training curves keep the x axis at the planned epochs while the run is partial", () => {
  const partial = loadRun("healthy-run").slice(0, 3);
  const svg = trainingCurves(partial, {width: 560, metric: "loss"});
  assert.equal(texts(svg, ".x-axis .tick text").at(-1), "2");
});

test("training curves aria-label states first and last values against chance", () => {
  const svg = trainingCurves(loadRun("vanishing-run"), {width: 560, metric: "loss"});
  const label = svg.getAttribute("aria-label") ?? "";
  assert.equal(svg.getAttribute("role"), "img");
  assert.match(
    label,
    /train 2\.31 at epoch 0 → 2\.3 at epoch 2; validation 2\.31 at epoch 1 → 2\.31 at epoch 2/
  );
  assert.match(label, /test 2\.32; chance level 2\.3/);
  assert.equal(one(svg, ":scope > title").textContent, label);
});

test("training curves skip NaN and Infinity losses of a diverged run without throwing", () => {
  const run = loadRun("vanishing-run");
  run[3]!.train.loss = NaN;
  run[4]!.train.loss = Infinity;
  run[4]!.validation = {loss: Infinity, accuracy: NaN};
  run[4]!.status = "diverged";
  const svg = trainingCurves(run, {width: 560, metric: "loss"});
  assert.equal((one(svg, "g.train path").getAttribute("d")?.match(/[ML]/g) ?? []).length, 3);
  assert.doesNotMatch(svg.outerHTML, /NaN|Infinity/);
  assert.match(svg.getAttribute("aria-label") ?? "", /the run diverged/);
  assert.ok(Number.isFinite(num(one(svg, "g.chance"), "opacity") || 0));
});

test("training curves render 'no data yet' for an empty run or one with no finite values", () => {
  assert.equal(
    one(trainingCurves([], {width: 560, metric: "loss"}), "text.no-data").textContent,
    "no data yet"
  );
  const run = loadRun("vanishing-run").slice(0, 1);
  run[0]!.train = {loss: NaN, accuracy: NaN};
  assert.equal(
    one(trainingCurves(run, {width: 560, metric: "accuracy"}), "text.no-data").textContent,
    "no data yet"
  );
});
