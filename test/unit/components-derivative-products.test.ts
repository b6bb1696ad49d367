import assert from "node:assert/strict";
import {test} from "node:test";
import {all, num, one, texts} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";
import {derivativeProducts, meanDerivativeProducts} from "../../components/derivative-products.js";

const sigmoid = () => loadRun("vanishing-run").at(-1)!;
const relu = () => loadRun("healthy-run").at(-1)!;
const runs = () => [
  {label: "ReLU", snapshot: relu()},
  {label: "sigmoid", snapshot: sigmoid()}
];

test("derivative products match their committed SVG snapshot", () => {
  matchesSnapshot(derivativeProducts(runs(), {width: 560}), "derivative-products");
});

test("meanDerivativeProducts multiplies the mean φ′ of each hidden layer and every layer above it", () => {
  const s = sigmoid();
  const d = s.layers.slice(0, 3).map((l) => l.activation!.meanDerivative!);
  const products = meanDerivativeProducts(s);
  assert.equal(products.length, 3);
  const want = [d[0]! * d[1]! * d[2]!, d[1]! * d[2]!, d[2]!];
  products.forEach((p, i) => assert.ok(Math.abs(p - want[i]!) < 1e-15, `${p} ≉ ${want[i]}`));
  s.layers[1]!.activation!.meanDerivative = undefined;
  const broken = meanDerivativeProducts(s);
  assert.ok(Number.isNaN(broken[0]!) && Number.isNaN(broken[1]!) && broken[2] === d[2]);
});

test("derivative products place the layers on a log axis: a constant factor per layer is evenly spaced", () => {
  const s = sigmoid();
  for (const layer of s.layers) if (layer.activation) layer.activation.meanDerivative = 0.1;
  const xs = all(derivativeProducts([{label: "a", snapshot: s}], {width: 560}), ".run-0 circle").map((c) =>
    num(c, "cx")
  );
  assert.equal(xs.length, 3);
  assert.ok(Math.abs(xs[1]! - xs[0]! - (xs[2]! - xs[1]!)) < 1e-6 && xs[1]! > xs[0]!);
  assert.deepEqual(texts(derivativeProducts(runs(), {width: 560}), ".layer-axis text"), [
    "hidden 1",
    "hidden 2",
    "hidden 3"
  ]);
});

test("derivative products draw the comparison hollow and name both runs", () => {
  const svg = derivativeProducts(runs(), {width: 560});
  assert.ok(all(svg, ".run-1 circle").every((c) => c.getAttribute("fill") === "none"));
  assert.deepEqual(texts(svg, ".legend text"), ["ReLU", "sigmoid"]);
  assert.match(
    svg.getAttribute("aria-label") ?? "",
    /ReLU \d\.\de-1 at the last hidden layer, \d\.\de-\d at layer 1 at step 100; sigmoid/
  );
});

test("derivative products say 'no data yet' for a missing snapshot or a run recorded before the probe", () => {
  const old = sigmoid();
  for (const layer of old.layers) if (layer.activation) delete layer.activation.meanDerivative;
  for (const input of [[], [{label: "x", snapshot: null}], [{label: "old", snapshot: old}]]) {
    assert.equal(one(derivativeProducts(input, {width: 560}), "text.no-data").textContent, "no data yet");
  }
});
