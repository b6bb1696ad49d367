// throttledChanges: status changes pass at once, progress at most once per interval, the latest view last.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {throttledChanges} from "../../src/lib/throttled-changes.js";

interface View {
  status: string;
  step: number;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function source() {
  let notify: ((view: View) => void) | null = null;
  let unsubscribed = false;
  return {
    subscribe: (listener: (view: View) => void) => ((notify = listener), () => (unsubscribed = true)),
    push: (view: View) => notify!(view),
    get unsubscribed() {
      return unsubscribed;
    }
  };
}
const options = (minIntervalMs: number) => ({
  statusOf: (view: View) => view.status,
  progressOf: (view: View) => String(view.step),
  minIntervalMs
});

describe("throttledChanges", () => {
  it("passes the first view and every status change at once, and drops repeats", () => {
    const views = source();
    const seen: string[] = [];
    throttledChanges(views.subscribe, (v) => seen.push(`${v.status}:${v.step}`), options(60_000));
    views.push({status: "running", step: 0});
    views.push({status: "running", step: 0});
    views.push({status: "paused", step: 0});
    views.push({status: "done", step: 0});
    assert.deepEqual(seen, ["running:0", "paused:0", "done:0"]);
  });

  it("holds progress within a status until the interval has passed, then passes the latest view", async () => {
    const views = source();
    const seen: string[] = [];
    throttledChanges(views.subscribe, (v) => seen.push(`${v.status}:${v.step}`), options(80));
    views.push({status: "running", step: 0});
    for (let step = 1; step <= 5; step++) views.push({status: "running", step});
    assert.deepEqual(seen, ["running:0"]);
    await sleep(160);
    assert.deepEqual(seen, ["running:0", "running:5"]);
  });

  it("lets a status change overtake waiting progress, which is then not passed on late", async () => {
    const views = source();
    const seen: string[] = [];
    throttledChanges(views.subscribe, (v) => seen.push(`${v.status}:${v.step}`), options(80));
    views.push({status: "running", step: 0});
    views.push({status: "running", step: 3});
    views.push({status: "done", step: 4});
    await sleep(160);
    assert.deepEqual(seen, ["running:0", "done:4"]);
  });

  it("passes every view with an interval of 0", () => {
    const views = source();
    const seen: number[] = [];
    throttledChanges(views.subscribe, (v) => seen.push(v.step), options(0));
    for (let step = 0; step < 4; step++) views.push({status: "running", step});
    assert.deepEqual(seen, [0, 1, 2, 3]);
  });

  it("unsubscribes from the source and drops a waiting view", async () => {
    const views = source();
    const seen: number[] = [];
    const stop = throttledChanges(views.subscribe, (v) => seen.push(v.step), options(50));
    views.push({status: "running", step: 0});
    views.push({status: "running", step: 1});
    stop();
    await sleep(100);
    assert.deepEqual(seen, [0]);
    assert.ok(views.unsubscribed);
  });
});
