import assert from "node:assert/strict";
import {test} from "node:test";
import {all, num, one, texts} from "./components-dom.js";
import {matchesSnapshot} from "./components-fixtures.js";
import {networkDiagram, type NetworkShape} from "../../components/network-diagram.js";

/** The study's experiment 7 as its config declares it. */
const study = (): NetworkShape => ({
  depth: 7,
  width: 128,
  activation: {kind: "sigmoid"},
  normalization: {kind: "none"},
  skips: [
    {from: 1, to: 3},
    {from: 4, to: 7}
  ]
});
const chain = (depth: number): NetworkShape => ({
  ...study(),
  depth,
  skips: Array.from({length: depth - 1}, (_, i) => ({from: i + 1, to: i + 2}))
});

/** The [x, y] where a path's `d` starts and ends. */
function ends(path: Element): [[number, number], [number, number]] {
  const numbers = (path.getAttribute("d") ?? "").match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
  return [
    [numbers[0]!, numbers[1]!],
    [numbers.at(-2)!, numbers.at(-1)!]
  ];
}
const box = (svg: Element, layer: string) => one(svg, `.layer[data-layer="${layer}"] rect`);
const right = (rect: Element) => num(rect, "x") + num(rect, "width");

test("network diagram matches its committed SVG snapshot", () => {
  matchesSnapshot(networkDiagram(study(), {width: 560}), "network-diagram");
});

test("network diagram draws input, every hidden layer and output, left to right", () => {
  const svg = networkDiagram(study(), {width: 560});
  const layers = all(svg, ".layer").map((g) => g.getAttribute("data-layer"));
  assert.deepEqual(layers, [
    "input (784)",
    ...[1, 2, 3, 4, 5, 6, 7].map((l) => `hidden ${l}`),
    "output (10)"
  ]);
  const xs = all(svg, ".layer > rect").map((r) => num(r, "x"));
  assert.ok(xs.every((x, i) => i === 0 || x > xs[i - 1]!));
  assert.deepEqual(texts(svg, ".layer > text"), ["in", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "out"]);
});

test("network diagram draws one identity path per declared skip, from the layer it leaves to its ⊕", () => {
  for (const net of [study(), chain(7), chain(4), {...study(), skips: [{from: 2, to: 6}]}]) {
    const svg = networkDiagram(net, {width: 560});
    const paths = all(svg, ".identity-path");
    assert.equal(paths.length, net.skips.length);
    const targets = [...new Set(net.skips.map((s) => s.to))];
    assert.deepEqual(
      all(svg, ".add-node").map((g) => g.getAttribute("data-after")),
      targets.map((to) => `hidden ${to}`)
    );
    net.skips.forEach((skip, i) => {
      const [[x1], [x2, y2]] = ends(paths[i]!);
      // It leaves between layer `from` and the next, and ends on the ⊕ between layer `to` and the next.
      assert.ok(
        x1 > right(box(svg, `hidden ${skip.from}`)) && x1 < num(box(svg, `hidden ${skip.from + 1}`), "x")
      );
      const add = one(svg, `.add-node[data-after="hidden ${skip.to}"] circle`);
      const r = num(add, "r");
      assert.ok(Math.hypot(x2 - num(add, "cx"), y2 - num(add, "cy")) <= r + 1e-9, `path ${i} misses its ⊕`);
      assert.ok(right(box(svg, `hidden ${skip.to}`)) < num(add, "cx"));
    });
  }
});

test("network diagram lifts a longer path higher, so nested spans stay apart", () => {
  const svg = networkDiagram(
    {
      ...study(),
      skips: [
        {from: 1, to: 2},
        {from: 2, to: 7}
      ]
    },
    {width: 560}
  );
  const peak = (p: Element) =>
    Math.min(
      ...(p.getAttribute("d")!.match(/-?\d+(\.\d+)?/g) ?? []).map(Number).filter((_, i) => i % 2 === 1)
    );
  const [short, long] = all(svg, ".identity-path");
  assert.ok(peak(long!) < peak(short!));
});

test("network diagram names every path in its text alternative, or says there is none", () => {
  const label = networkDiagram(study(), {width: 560}).getAttribute("aria-label") ?? "";
  assert.match(label, /^Network: input \(784\) → 7 hidden layers of 128 sigmoid units → output \(10\)\./);
  assert.match(
    label,
    /2 identity paths: hidden 1 added to hidden 3's output; hidden 4 added to hidden 7's output\.$/
  );
  const plain = networkDiagram({...study(), skips: []}, {width: 560});
  assert.equal(all(plain, ".identity-path").length + all(plain, ".add-node").length, 0);
  assert.match(plain.getAttribute("aria-label") ?? "", /No identity paths/);
  assert.equal(one(plain, ":scope > title").textContent, plain.getAttribute("aria-label"));
});

test("network diagram draws a normalization layer under each hidden layer only when the config has one", () => {
  const svg = networkDiagram({...study(), normalization: {kind: "batchnorm"}}, {width: 560});
  assert.equal(all(svg, ".norm").length, 7);
  assert.deepEqual([...new Set(texts(svg, ".layer text").filter((t) => t === "BN"))], ["BN"]);
  assert.match(svg.getAttribute("aria-label") ?? "", /each with batchnorm before its activation/);
  assert.equal(all(networkDiagram(study(), {width: 560}), ".norm").length, 0);
});

test("network diagram fits a phone's width and themes by currentColor", () => {
  for (const width of [300, 340, 1200]) {
    const svg = networkDiagram(chain(7), {width});
    assert.equal(num(svg, "width"), width);
    for (const rect of all(svg, "rect")) assert.ok(num(rect, "x") >= 0 && right(rect) <= width);
    for (const c of all(svg, "circle"))
      assert.ok(num(c, "cx") - num(c, "r") >= 0 && num(c, "cx") + num(c, "r") <= width);
    assert.equal(svg.getAttribute("fill"), "currentColor");
  }
  const wide = networkDiagram(study(), {width: 1200});
  assert.ok(all(wide, ".layer > rect").every((r) => num(r, "width") <= 48));
});
