import assert from "node:assert/strict";
import {test} from "node:test";
import {all, one, texts} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";
import {preactivationPercentiles} from "../../components/preactivation-percentiles.js";

const runs = () => [
  {label: "BatchNorm", snapshots: loadRun("healthy-run")},
  {label: "baseline", snapshots: loadRun("vanishing-run")}
];
const endY = (d: string) => Number(/,([^,LMZ]+)$/.exec(d)?.[1]);

test("pre-activation percentiles match their committed SVG snapshot", () => {
  matchesSnapshot(preactivationPercentiles(runs(), {width: 640, layer: 2}), "preactivation-percentiles");
});

test("pre-activation percentiles draw three lines and a band per run, the median thickest", () => {
  const svg = preactivationPercentiles(runs(), {width: 640, layer: 2});
  for (const r of [0, 1]) {
    assert.equal(all(svg, `.run-${r} path.percentile`).length, 3);
    assert.equal(all(svg, `.run-${r} path.band`).length, 1);
    assert.equal(one(svg, `.run-${r} path.median`).getAttribute("stroke-width"), "2");
  }
  assert.deepEqual(texts(svg, ".legend text"), ["BatchNorm", "baseline"]);
});

test("pre-activation percentiles draw the 15th below the 85th, and the drifting run wider", () => {
  const svg = preactivationPercentiles(runs(), {width: 640, layer: 2});
  const ends = (r: number) =>
    all(svg, `.run-${r} path.percentile`).map((p) => endY(p.getAttribute("d") ?? ""));
  const [low, mid, high] = ends(1);
  assert.ok(low! > mid! && mid! > high!, "SVG y grows downwards");
  const [bnLow, , bnHigh] = ends(0);
  assert.ok(low! - high! > bnLow! - bnHigh!);
});

test("pre-activation percentiles state the first and last percentiles of each run", () => {
  const label = preactivationPercentiles(runs(), {width: 640, layer: 2}).getAttribute("aria-label") ?? "";
  assert.match(label, /\(15th, 50th, 85th\) of the pre-activations of hidden 3/);
  assert.match(label, /baseline −1\.00, 1\.00, 3\.00 at step 100 \(0\.00, 0\.00, 2\.00 at step 0\)/);
});

test("pre-activation percentiles say 'no data yet' for runs recorded before the probe", () => {
  const old = runs();
  for (const run of old)
    for (const s of run.snapshots)
      for (const l of s.layers) if (l.activation) delete l.activation.preactivationPercentiles;
  const svg = preactivationPercentiles(old, {width: 640, layer: 2});
  assert.equal(one(svg, "text.no-data").textContent, "no data yet");
  assert.match(svg.getAttribute("aria-label") ?? "", /of hidden 3: no data yet/);
  assert.equal(
    one(preactivationPercentiles([], {width: 640, layer: 0}), "text.no-data").textContent,
    "no data yet"
  );
});
