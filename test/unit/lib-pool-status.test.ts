import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {BackendReport} from "../../src/lib/backend-choice.js";
import {backendDetails, liveOptionsFromUrl, loadingLine, threadLine} from "../../src/lib/pool-status.js";
import type {PoolView} from "../../src/lib/run-pool.js";

const view = (change: Partial<PoolView>): PoolView => ({
  thread: "worker",
  threadNote: null,
  backend: null,
  backendError: null,
  data: {progress: null, loaded: null},
  workers: 1,
  tensors: 0,
  ...change
});

describe("pool status lines", () => {
  it("read ?worker=, ignoring a bad value with a notice", () => {
    assert.deepEqual(liveOptionsFromUrl("?worker=0"), {useWorkers: false, problems: []});
    assert.deepEqual(liveOptionsFromUrl(""), {useWorkers: true, problems: []});
    const bad = liveOptionsFromUrl("?worker=maybe");
    assert.equal(bad.useWorkers, true);
    assert.deepEqual(bad.problems, ["Ignored ?worker=maybe: it must be one of 0, 1."]);
  });

  it("say where runs train and why not in a worker", () => {
    assert.equal(threadLine(view({})), "Each run trains in a Web Worker of its own");
    assert.equal(
      threadLine(view({thread: "page", threadNote: "this browser cannot run module workers"})),
      "Runs train on the page's main thread: this browser cannot run module workers"
    );
  });

  it("give the backend's step time and why each other one lost", () => {
    const report: BackendReport = {
      name: "wasm",
      msPerStep: 35.2,
      how: "measured",
      notice: null,
      remember: null,
      results: [
        {name: "wasm", msPerStep: 35.2, note: null},
        {name: "webgpu", msPerStep: null, note: "could not start: no adapter"},
        {name: "webgl", msPerStep: 120, note: "3.4× slower"}
      ]
    };
    assert.equal(
      backendDetails(report),
      "35 ms per step, fastest of those measured; webgpu: could not start: no adapter; webgl 120 ms: 3.4× slower"
    );
    assert.equal(
      backendDetails({...report, how: "forced", msPerStep: 4.25, results: []}),
      "4.3 ms per step, asked for in the URL"
    );
  });

  it("follow the images as they load", () => {
    assert.equal(loadingLine(view({})), "Images load when a run starts");
    const progress = {
      filesDone: 1,
      filesTotal: 2,
      bytesDone: 4.4e6,
      bytesTotal: 8.8e6,
      file: "train-0.bin.gz"
    };
    assert.equal(
      loadingLine(view({data: {progress, loaded: null}})),
      "Loading images: 1 of 2 files (4.4 of 8.8 MB)"
    );
    assert.equal(
      loadingLine(view({data: {progress: null, loaded: {train: 10000, test: 10000}}})),
      "10,000 training and 10,000 test images loaded"
    );
  });
});
