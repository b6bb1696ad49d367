import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {createViewStore} from "../../src/lib/view-store.js";

describe("createViewStore", () => {
  it("merges updates into the view and tells each listener, now and on every update until it unsubscribes", () => {
    const store = createViewStore({a: 1, b: "x"});
    const seen: unknown[] = [];
    const unsubscribe = store.subscribe((view) => seen.push(view));
    store.update({a: 2});
    unsubscribe();
    store.update({b: "y"});
    assert.deepEqual(seen, [
      {a: 1, b: "x"},
      {a: 2, b: "x"}
    ]);
    assert.deepEqual(store.view, {a: 2, b: "y"});
  });

  it("records a quiet update without telling anyone, and forgets every listener when cleared", () => {
    const store = createViewStore({a: 1});
    let calls = 0;
    store.subscribe(() => calls++);
    store.update({a: 2}, {quiet: true});
    assert.equal(calls, 1);
    assert.equal(store.view.a, 2);
    store.clear();
    store.update({a: 3});
    assert.equal(calls, 1);
  });
});
