import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {BackendReport} from "../../src/lib/backend-choice.js";
import {INITIALIZATION_SPEC} from "../../src/lib/initialization.js";
import {createLiveStatus, expectedTime} from "../../src/lib/live-status.js";
import {remedyRuns, defaultValues} from "../../src/lib/remedy-spec.js";
import type {GroupView, LiveRunState} from "../../src/lib/run-group.js";
import type {PoolView} from "../../src/lib/run-pool.js";

const pool = (change: Partial<PoolView> = {}): PoolView => ({
  thread: "worker",
  threadNote: null,
  backend: null,
  backendError: null,
  data: {progress: null, loaded: null},
  workers: 2,
  tensors: 0,
  ...change
});
const report = {
  name: "wasm",
  msPerStep: 40,
  how: "forced",
  results: [],
  notice: "wasm was asked for"
} as unknown as BackendReport;

describe("expectedTime", () => {
  it("multiplies steps by the measured time, shared by the runs over the cores", () => {
    assert.match(expectedTime(216, null), /measured when the first run starts/);
    assert.match(expectedTime(216, 40, 2, 2), /^the steps take about 9 s at 40 ms per step/);
    assert.match(expectedTime(216, 40, 2, 1), /^the steps take about 17 s at 40 ms per step/);
  });
});

describe("createLiveStatus", () => {
  it("updates progress, status, plan, backend and notices in place", () => {
    const status = createLiveStatus();
    const {element} = status;
    const idle: GroupView = {
      status: "idle",
      primary: {status: "idle", message: null, run: null, config: null},
      runs: []
    };
    status.group(idle);
    assert.equal(element.querySelector(".status")!.textContent, "Not started.");
    assert.equal(element.querySelector("progress")!.getAttribute("aria-busy"), "false");
    status.plan(remedyRuns(INITIALIZATION_SPEC, defaultValues(INITIALIZATION_SPEC)));
    assert.match(
      element.querySelector(".expected")!.textContent!,
      /^2 runs side by side, 216 steps each: the time/
    );
    status.notices(["Ignored ?scale=50: it must be a number from 0.01 to 20."]);
    status.pool(pool({backend: report}));
    assert.equal(element.querySelector(".backend")!.textContent, "wasm");
    assert.equal(element.querySelector(".workers")!.textContent, "2");
    assert.match(element.querySelector(".expected")!.textContent!, /about \d+ s at 40 ms per step/);
    assert.deepEqual(
      [...element.querySelectorAll(".warning")].map((p) => p.textContent),
      ["Ignored ?scale=50: it must be a number from 0.01 to 20.", "wasm was asked for"]
    );
    // A finished run: the line rounds its training time, the element keeps it to the millisecond.
    const config = remedyRuns(INITIALIZATION_SPEC, defaultValues(INITIALIZATION_SPEC))[0]!.config;
    const run: LiveRunState = {
      status: "done",
      message: null,
      snapshots: [],
      step: 90,
      totalSteps: 90,
      elapsedMs: 3412.6,
      remainingMs: 0
    };
    status.group({status: "done", primary: {status: "done", message: null, run, config}, runs: []});
    assert.match(
      element.querySelector(".status")!.textContent!,
      /^Finished: step 90 of 90 · .* · 3 s of training\.$/
    );
    assert.equal((element.querySelector(".status") as HTMLElement).dataset.elapsedMs, "3413");
    status.group(idle);
    assert.equal((element.querySelector(".status") as HTMLElement).dataset.elapsedMs, undefined);
    // One element for the reader's whole visit: updates change text, never the nodes tests and readers hold.
    const progress = element.querySelector("progress");
    status.pool(pool({backendError: "no wasm"}));
    assert.equal(element.querySelector("progress"), progress);
    assert.equal(element.querySelectorAll(".muted").length, 1);
  });
});
