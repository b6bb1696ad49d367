import assert from "node:assert/strict";
import {test} from "node:test";
import {all, one, texts} from "./components-dom.js";
import {matchesSnapshot} from "./components-fixtures.js";
import {activationCurves} from "../../components/activation-curves.js";
import {runStyle} from "../../components/run-styles.js";
import {activationCurve} from "../../src/engine/activation-scalars.js";

const items = [
  {label: "Sigmoid", points: activationCurve({kind: "sigmoid"})},
  {label: "ReLU", points: activationCurve({kind: "relu"})}
];

test("activation curves match their committed SVG snapshot", () => {
  matchesSnapshot(activationCurves(items, {width: 640}), "activation-curves");
});

test("activation curves draw φ and φ′ of each activation, styled per activation, with a legend", () => {
  const svg = activationCurves(items, {width: 640});
  for (const panel of ["value", "derivative"]) {
    const paths = all(svg, `.panel.${panel} path.curve`);
    assert.deepEqual(
      paths.map((p) => p.querySelector("title")?.textContent?.split(":")[0]),
      ["Sigmoid", "ReLU"]
    );
    assert.deepEqual(
      paths.map((p) => p.getAttribute("stroke")),
      [runStyle(0).color, runStyle(1).color]
    );
  }
  assert.deepEqual(texts(svg, ".legend text"), ["Sigmoid", "ReLU"]);
});

test("activation curves state each derivative's peak: σ′ at most 1/4 at 0, ReLU′ 1", () => {
  const label = activationCurves(items, {width: 640}).getAttribute("aria-label") ?? "";
  assert.match(label, /for z from −5 to 5: Sigmoid′ at most 0\.25 \(at z = 0\), 0\.01 at z = −5/);
  assert.match(label, /ReLU′ at most 1 /);
});

test("activation curves break ReLU′ at its jump instead of drawing a wall", () => {
  const svg = activationCurves(items, {width: 640});
  const relu = all(svg, ".panel.derivative path.curve")[1]!.getAttribute("d") ?? "";
  const sigmoid = all(svg, ".panel.derivative path.curve")[0]!.getAttribute("d") ?? "";
  assert.equal(relu.match(/M/g)?.length, 2);
  assert.equal(sigmoid.match(/M/g)?.length, 1);
});

test("activation curves stack the panels on a narrow chart and wrap a long legend", () => {
  const title = (svg: Element, panel: string) =>
    Number(one(svg, `.panel.${panel} .panel-title`).getAttribute("y"));
  const wide = activationCurves(items, {width: 640});
  assert.equal(title(wide, "value"), title(wide, "derivative"));
  const narrow = activationCurves(items, {width: 374});
  assert.ok(title(narrow, "derivative") > title(narrow, "value") + 100);
  const many = ["sigmoid", "tanh", "relu", "gelu", "softplus", "selu", "maxout"] as const;
  const svg = activationCurves(
    many.map((kind) => ({label: kind, points: activationCurve({kind})})),
    {width: 374}
  );
  assert.ok(all(svg, ".legend").length >= 2, "the legend wraps onto rows");
});

test("activation curves say so when no activation is chosen", () => {
  assert.equal(one(activationCurves([], {width: 640}), "text.no-data").textContent, "no data yet");
});
