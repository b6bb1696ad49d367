import assert from "node:assert/strict";
import {test} from "node:test";
import {all, num, one, texts} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";
import {layerNorms, normalizedGradients} from "../../components/normalized-gradients.js";
import type {Snapshot} from "../../src/engine/types.js";

/** The vanishing fixture's last snapshot as a normalizing run would record it: after = `after(before)`. */
function normalizing(after: (before: number) => number): Snapshot {
  const s = loadRun("vanishing-run").at(-1)!;
  for (const layer of s.layers)
    layer.normalizedGradient = {before: layer.gradNorm, after: after(layer.gradNorm)};
  return s;
}
const runs = () => [
  {label: "Block", snapshot: normalizing(() => 0.9)},
  {label: "Study's", snapshot: normalizing(() => 300)},
  {label: "Baseline", snapshot: loadRun("vanishing-run").at(-1)!}
];

test("normalized gradients match their committed SVG snapshot", () => {
  matchesSnapshot(normalizedGradients(runs(), {width: 560}), "normalized-gradients");
});

test("layerNorms reads before and after, or the one gradient of a run without normalization", () => {
  const layer = loadRun("vanishing-run").at(-1)!.layers[0]!;
  assert.deepEqual(layerNorms(layer), {before: layer.gradNorm, after: layer.gradNorm, normalized: false});
  layer.normalizedGradient = {before: 2e-6, after: 0.5};
  assert.deepEqual(layerNorms(layer), {before: 2e-6, after: 0.5, normalized: true});
});

test("normalized gradients draw each layer's before (hollow) and after (filled) on the fixed log axis", () => {
  const svg = normalizedGradients(runs(), {width: 560});
  const layers = runs()[0]!.snapshot.layers.length;
  // Block: every after at 0.9, one x for all; befores spread out (the vanishing profile).
  const after = all(svg, ".run-0 circle.after").map((c) => num(c, "cx"));
  assert.equal(after.length, layers);
  assert.ok(after.every((cx) => Math.abs(cx - after[0]!) < 1e-9));
  const before = all(svg, ".run-0 circle.before");
  assert.equal(before.length, layers);
  assert.ok(before.every((c) => c.getAttribute("fill") === "var(--theme-background)"));
  assert.ok(num(before[0]!, "cx") < after[0]! - 100, "layer 1's before sits far left of its after");
  // The study's 300 lies beyond the axis's 10¹: clamped to the right edge (width − margin.right).
  assert.ok(all(svg, ".run-1 circle.after").every((c) => Math.abs(num(c, "cx") - 540) < 1e-9));
  // The baseline has no normalization: one square per layer, no before, no after, no arrow.
  assert.equal(all(svg, ".run-2 circle").length, 0);
  assert.equal(all(svg, ".run-2 line.shift").length, 0);
  assert.equal(all(svg, ".run-2 rect.plain").length, layers);
  assert.deepEqual(texts(svg, ".legend text"), ["Block", "Study's", "Baseline"]);
});

test("the text alternative gives before → after at layer 1 and the last hidden layer, or no data", () => {
  const label = normalizedGradients(runs(), {width: 390}).getAttribute("aria-label") ?? "";
  assert.match(
    label,
    /^‖∂L\/∂W‖ per layer before → after gradient normalization at step \d+: Block: layer 1 /
  );
  assert.match(
    label,
    /Block: layer 1 \d\.\de-\d → 9\.0e-1, last hidden layer \S+ → 9\.0e-1; Study's: layer 1 \S+ → 3\.0e\+2/
  );
  assert.match(label, /; Baseline \(not normalized\): layer 1 \d\.\de-\d, last hidden layer \S+\.$/);
  for (const input of [[], [{label: "x", snapshot: null}]])
    assert.equal(one(normalizedGradients(input, {width: 390}), "text.no-data").textContent, "no data yet");
});
