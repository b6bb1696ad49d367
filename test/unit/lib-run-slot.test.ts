import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import type {HostConnection} from "../../src/lib/host-connection.js";
import {createRunHost} from "../../src/lib/run-host.js";
import {RunSlot} from "../../src/lib/run-slot.js";
import {smallConfig, useCpuBackend} from "./engine-helpers.js";
import {TINY, TINY_URLS, tinyFetch} from "./lib-fixtures.js";

before(useCpuBackend);

/** A slot wired to a host on this thread, as the page fallback is; messages cross a microtask later. */
function connectedSlot() {
  const handle = createRunHost(
    (message) => queueMicrotask(() => slot.receive(message)),
    tinyFetch().fetchUrl
  );
  const posted: string[] = [];
  const connection: HostConnection = {
    kind: "worker",
    post: (message) => (posted.push(message.type), queueMicrotask(() => handle(message))),
    terminate: () => posted.push("terminated")
  };
  const slot: RunSlot = new RunSlot(
    connection,
    () => {},
    () => {}
  );
  connection.post({type: "init", manifest: TINY.manifest, urls: TINY_URLS});
  return {slot, posted};
}

/** The tiny site holds 25 training images: 22 fit and 3 validation images, 5 steps per epoch. */
const config = (epochs = 2) => smallConfig({trainSize: 25, batchSize: 5, epochs, snapshotEvery: 1});

describe("RunSlot with a run host", () => {
  it("trains a run behind the TrainingRun interface: snapshots, progress, and the host's tensors at the end", async () => {
    const baseline = tf.memory().numTensors;
    const {slot} = connectedSlot();
    const run = slot.run(config(), Promise.resolve("cpu"));
    assert.deepEqual([run.state.status, run.state.step, run.state.totalSteps], ["running", 0, 10]);
    const seen: number[] = [];
    run.subscribe((state) => seen.push(state.snapshots.length));
    const end = await run.done;
    assert.equal(end.status, "done");
    assert.equal(end.step, 10);
    assert.equal(end.snapshots.length, 11, "step 0 and every step");
    assert.equal(end.snapshots.at(-1)!.kind, "final");
    assert.ok(seen.length > 2 && seen.at(-1) === 11);
    assert.equal(slot.tensors, baseline);
  });

  it("replaces a running run: the first ends cancelled with its tensors freed, then the second trains", async () => {
    const baseline = tf.memory().numTensors;
    const {slot} = connectedSlot();
    const first = slot.run(config(200), Promise.resolve("cpu"));
    await new Promise((resolve) => first.subscribe((s) => s.step > 2 && resolve(null)));
    const second = slot.run(config(1), Promise.resolve("cpu"));
    assert.equal((await first.done).status, "cancelled");
    assert.equal((await second.done).status, "done");
    assert.equal(slot.tensors, baseline);
  });

  it("pauses and resumes a run in the host", async () => {
    const {slot} = connectedSlot();
    const run = slot.run(config(200), Promise.resolve("cpu"));
    await new Promise((resolve) => run.subscribe((s) => s.step > 0 && resolve(null)));
    run.pause();
    assert.equal(run.state.status, "paused");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const step = run.state.step;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(run.state.step, step, "no step while paused");
    run.resume();
    await new Promise((resolve) => run.subscribe((s) => s.step > step && resolve(null)));
    run.cancel();
    assert.equal((await run.done).status, "cancelled");
  });

  it("cancels a run whose backend is not chosen yet without training it", async () => {
    const {slot, posted} = connectedSlot();
    let choose!: (name: string) => void;
    const run = slot.run(config(), new Promise((resolve) => (choose = resolve)));
    run.cancel();
    choose("cpu");
    const end = await run.done;
    assert.equal(end.status, "cancelled");
    assert.equal(end.snapshots.length, 0);
    assert.ok(posted.includes("start"));
  });

  it("fails every run with the reason when its host dies, and ends them cancelled when terminated", async () => {
    const {slot, posted} = connectedSlot();
    const running = slot.run(config(200), new Promise(() => {}));
    slot.fail("The training worker stopped: out of memory");
    assert.deepEqual(
      [(await running.done).status, running.state.message],
      ["failed", "The training worker stopped: out of memory"]
    );
    const later = slot.run(config(), Promise.resolve("cpu"));
    assert.equal((await later.done).status, "failed");
    const other = connectedSlot();
    const pending = other.slot.run(config(200), new Promise(() => {}));
    other.slot.terminate();
    assert.equal((await pending.done).status, "cancelled");
    assert.ok(other.posted.includes("terminated") && !posted.includes("terminated"));
  });

  it("fails a run on a backend the host cannot start, naming it", async () => {
    const {slot} = connectedSlot();
    const run = slot.run(config(), Promise.resolve("quantum"));
    const end = await run.done;
    assert.equal(end.status, "failed");
    assert.match(end.message!, /the quantum backend cannot be used: unknown backend/);
  });
});
