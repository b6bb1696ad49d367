import assert from "node:assert/strict";
import {after, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import {chooseBackend, deviceKey} from "../../src/lib/backend-choice.js";
import {smallConfig} from "./engine-helpers.js";

// Node has wasm and cpu; WebGPU and WebGL cannot start here, which is what the report must say.
const config = smallConfig({batchSize: 64});

after(async () => {
  await tf.setBackend("cpu");
});

describe("chooseBackend", () => {
  it("times every backend that starts, keeps the fastest active, and says why each other one lost", async () => {
    const report = await chooseBackend({config, forced: null, remembered: null});
    assert.equal(report.how, "measured");
    assert.equal(tf.getBackend(), report.name);
    assert.deepEqual(report.results.map((r) => r.name).sort(), ["cpu", "wasm", "webgl", "webgpu"]);
    const timed = report.results.filter((r) => r.msPerStep !== null);
    assert.ok(timed.length >= 1);
    assert.equal(report.msPerStep, Math.min(...timed.map((r) => r.msPerStep!)));
    for (const result of report.results.filter((r) => r.name !== report.name))
      assert.ok(result.note, result.name);
    assert.match(
      report.results.find((r) => r.name === "webgl")!.note!,
      /^could not start: WebGL 2 is not available/
    );
    assert.equal(report.remember!.key, await deviceKey());
    assert.equal(report.remember!.report.name, report.name);
  });

  it("uses a remembered choice for the same device without measuring, and measures again for another", async () => {
    const key = await deviceKey();
    const remembered = {key, report: {name: "cpu" as const, msPerStep: 12.5, results: []}};
    const again = await chooseBackend({config, forced: null, remembered});
    assert.deepEqual(
      [again.how, again.name, again.msPerStep, again.remember],
      ["remembered", "cpu", 12.5, null]
    );
    assert.equal(tf.getBackend(), "cpu");
    const elsewhere = await chooseBackend({
      config,
      forced: null,
      remembered: {...remembered, key: "another GPU"}
    });
    assert.equal(elsewhere.how, "measured");
  });

  it("honours ?backend=, and explains a bad or failing one while still choosing by measurement", async () => {
    const forced = await chooseBackend({config, forced: "cpu", remembered: null});
    assert.deepEqual([forced.how, forced.name, forced.notice], ["forced", "cpu", null]);
    assert.ok(forced.msPerStep! > 0);
    const bogus = await chooseBackend({config, forced: "quantum", remembered: null});
    assert.match(bogus.notice!, /^Ignored \?backend=quantum: it must be one of webgpu, webgl, wasm, cpu\.$/);
    assert.equal(bogus.how, "measured");
    const failing = await chooseBackend({config, forced: "webgl", remembered: null});
    assert.match(
      failing.notice!,
      /^The webgl backend asked for in the URL cannot be used: WebGL 2 is not available/
    );
    assert.notEqual(failing.name, "webgl");
  });
});
