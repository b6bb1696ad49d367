import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {parseParams, type ParamSpec} from "../../src/lib/url-params.js";

const specs = {
  depth: {kind: "integer", min: 1, max: 16},
  lr: {kind: "number", min: 0.0001, max: 10},
  backend: {kind: "choice", values: ["webgl", "wasm", "cpu"]}
} satisfies Record<string, ParamSpec>;

describe("parseParams", () => {
  it("reads valid values and ignores parameters it does not know", () => {
    const parsed = parseParams("?depth=10&lr=0.5&backend=wasm&utm=x", specs);
    assert.deepEqual(parsed.values, {depth: 10, lr: 0.5, backend: "wasm"});
    assert.deepEqual(parsed.problems, []);
  });

  it("ignores each invalid value with a message naming it and the allowed range", () => {
    const parsed = parseParams("?depth=2.5&lr=abc&backend=gpu", specs);
    assert.deepEqual(parsed.values, {});
    assert.deepEqual(parsed.problems, [
      "Ignored ?depth=2.5: it must be a whole number from 1 to 16.",
      "Ignored ?lr=abc: it must be a number from 0.0001 to 10.",
      "Ignored ?backend=gpu: it must be one of webgl, wasm, cpu."
    ]);
  });

  it("rejects empty, infinite and out-of-range numbers, and truncates long junk in messages", () => {
    const parsed = parseParams(`?depth=&lr=Infinity&backend=${"x".repeat(100)}`, specs);
    assert.deepEqual(parsed.values, {});
    assert.equal(parsed.problems.length, 3);
    assert.ok(parsed.problems[2]!.length < 120);
    assert.deepEqual(parseParams("?depth=17", specs).values, {});
  });
});
