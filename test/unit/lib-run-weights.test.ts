// Trained weights through the run protocol: a run started with captureWeights ends with its weights in the
// state `done` resolves to, sent once in the host's "end" message; runs that do not ask carry none.
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import type {HostConnection} from "../../src/lib/host-connection.js";
import {createRunHost} from "../../src/lib/run-host.js";
import type {FromHost} from "../../src/lib/run-protocol.js";
import {RunSlot} from "../../src/lib/run-slot.js";
import {smallConfig, useCpuBackend} from "./engine-helpers.js";
import {TINY, TINY_URLS, tinyFetch} from "./lib-fixtures.js";

before(useCpuBackend);

/** A slot wired to a host on this thread (as the page fallback is), recording the host's messages. */
function connectedSlot() {
  const received: FromHost[] = [];
  const handle = createRunHost((message) => {
    received.push(message);
    queueMicrotask(() => slot.receive(message));
  }, tinyFetch().fetchUrl);
  const connection: HostConnection = {
    kind: "worker",
    post: (message) => queueMicrotask(() => handle(message)),
    terminate: () => {}
  };
  const slot: RunSlot = new RunSlot(
    connection,
    () => {},
    () => {}
  );
  connection.post({type: "init", manifest: TINY.manifest, urls: TINY_URLS});
  return {slot, received};
}

const config = smallConfig({depth: 2, width: 5, trainSize: 25, batchSize: 5, epochs: 1, snapshotEvery: 1});

describe("RunSlot with captureWeights", () => {
  it("resolves a finished run with its weights, which only the end message carries", async () => {
    const {slot, received} = connectedSlot();
    const run = slot.run(config, Promise.resolve("cpu"), {captureWeights: true});
    // A subscriber reads the state it is given: the last one it sees must carry the weights too.
    let lastSeen: typeof run.state | null = null;
    run.subscribe((state) => (lastSeen = state));
    const end = await run.done;
    assert.equal(end.status, "done");
    assert.equal(lastSeen!.weights, end.weights);
    assert.deepEqual(
      end.weights!.layers.map((l) => [l.name, l.tensors.map((t) => t.shape.join("×"))]),
      [
        ["hidden 1", ["784×5", "5"]],
        ["hidden 2", ["5×5", "5"]],
        ["output", ["5×10", "10"]]
      ]
    );
    const carrying = received.filter(
      (m) =>
        "weights" in m ||
        (m.type === "run" && "weights" in m.progress) ||
        (m.type === "end" && "weights" in m.progress)
    );
    assert.deepEqual(
      carrying.map((m) => m.type),
      ["end"]
    );
  });

  it("leaves the weights out when the run does not ask for them", async () => {
    const {slot, received} = connectedSlot();
    const end = await slot.run(config, Promise.resolve("cpu")).done;
    assert.equal(end.status, "done");
    assert.equal(end.weights, undefined);
    assert.ok(received.every((m) => !("weights" in m)));
  });
});
