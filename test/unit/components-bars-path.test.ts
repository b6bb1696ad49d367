import assert from "node:assert/strict";
import {test} from "node:test";
import {barsPath} from "../../components/bars-path.js";

test("barsPath draws a closed rectangle per bar from the base up to its top, narrowed by the gap", () => {
  const bars = [
    {x0: 0, x1: 10, top: 20},
    {x0: 10, x1: 20, top: 50}
  ];
  assert.equal(barsPath(bars, 50, 1), "M0,50V20H9V50ZM10,50V50H19V50Z");
});

test("barsPath never gives a bar a negative width", () => {
  assert.equal(barsPath([{x0: 5, x1: 5.2, top: 1}], 9), "M5,9V1H5V9Z");
});
