import assert from "node:assert/strict";
import {test} from "node:test";
import {all, one, texts} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";
import {UPDATE_RATIO_DOMAIN, updateRatios} from "../../components/update-ratios.js";

const runs = () => [
  {label: "Adam", snapshots: loadRun("healthy-run")},
  {label: "SGD", snapshots: loadRun("vanishing-run")}
];
/** The y of the last point of a path ("…L x,y"). */
const endY = (d: string) => Number(/,([^,LMZ]+)$/.exec(d)?.[1]);

test("update ratios match their committed SVG snapshot", () => {
  matchesSnapshot(updateRatios(runs(), {width: 640}), "update-ratios");
});

test("update ratios draw one panel per layer with a line per run, skipping step 0", () => {
  const svg = updateRatios(runs(), {width: 640});
  const panels = all(svg, ".panel");
  assert.equal(panels.length, 4);
  for (const panel of panels) {
    const paths = all(panel, "path.run");
    assert.equal(paths.length, 2);
    // Snapshots at steps 40, 50, 80 and 100: the init snapshot (no update yet) is left out.
    for (const path of paths) assert.equal(path.getAttribute("d")?.match(/L/g)?.length, 3);
  }
  assert.deepEqual(texts(svg, ".legend text"), ["Adam", "SGD"]);
});

test("update ratios keep the fixed log axis whatever the data", () => {
  assert.deepEqual(UPDATE_RATIO_DOMAIN, [1e-10, 1]);
  const a = updateRatios(runs(), {width: 640});
  const b = updateRatios([runs()[1]!], {width: 640});
  const ticks = (svg: Element) => texts(svg, ".panel:first-of-type .y-axis .tick text");
  assert.deepEqual(ticks(a), ["10⁻⁹", "10⁻⁶", "10⁻³", "10⁰"]);
  assert.deepEqual(ticks(b), ticks(a));
});

test("update ratios put the run that moves layer 1 more higher in its panel", () => {
  const panel = all(updateRatios(runs(), {width: 640}), ".panel")[0]!;
  const [adam, sgd] = all(panel, "path.run").map((p) => endY(p.getAttribute("d") ?? ""));
  // Fixture: hidden 1 moves 3e-3·0.9³ per step under "Adam", 5e-2·1e-3/400 under "SGD".
  assert.ok(adam! < sgd!, `${adam} is above ${sgd}`);
});

test("update ratios state the last ratios of layer 1 and the output layer per run", () => {
  const label = updateRatios(runs(), {width: 640}).getAttribute("aria-label") ?? "";
  assert.match(
    label,
    /Adam at step 100: \d\.\de-\d at layer 1, \d\.\de-\d at the output layer; SGD at step 100/
  );
});

test("update ratios skip NaN and zero ratios without throwing, and say when there is no data", () => {
  const broken = runs();
  broken[0]!.snapshots[2]!.layers[0]!.updateRatio = NaN;
  broken[0]!.snapshots[3]!.layers[0]!.updateRatio = 0;
  const svg = updateRatios(broken, {width: 640});
  assert.doesNotMatch(svg.outerHTML, /NaN/);
  assert.equal(one(updateRatios([], {width: 640}), "text.no-data").textContent, "no data yet");
  const onlyInit = [{label: "x", snapshots: loadRun("healthy-run").slice(0, 1)}];
  assert.equal(one(updateRatios(onlyInit, {width: 640}), "text.no-data").textContent, "no data yet");
});
