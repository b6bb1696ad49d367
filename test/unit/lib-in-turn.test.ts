import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {inTurn} from "../../src/lib/in-turn.js";

describe("inTurn", () => {
  it("runs each render in a task of its own, in order, and passes on results and errors", async () => {
    const order: string[] = [];
    const first = inTurn(() => (order.push("a"), 1));
    const failing = inTurn(() => {
      throw new Error("bad chart");
    });
    const last = inTurn(() => (order.push("c"), 3));
    order.push("asked");
    // A microtask is not enough: each render waits for a task of its own.
    await Promise.resolve();
    assert.deepEqual(order, ["asked"]);
    assert.equal(await first, 1);
    await assert.rejects(failing, /bad chart/);
    assert.equal(await last, 3);
    assert.deepEqual(order, ["asked", "a", "c"]);
  });

  it("lets a task queued during one render run before the next render", async () => {
    const order: string[] = [];
    const a = inTurn(() => {
      order.push("render a");
      setTimeout(() => order.push("input event"), 0);
    });
    const b = inTurn(() => order.push("render b"));
    await Promise.all([a, b]);
    assert.deepEqual(order, ["render a", "input event", "render b"]);
  });
});
