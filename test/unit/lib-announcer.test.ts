import "./components-dom.js";
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import type {RunState} from "../../src/engine/index.js";
import type {TrainConfig} from "../../src/engine/types.js";
import {announcement, createAnnouncer} from "../../src/lib/announcer.js";
import {RunGroup, type SessionView} from "../../src/lib/run-group.js";
import {localStarter} from "./lib-helpers.js";
import {smallConfig, smallData, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

const config = {epochs: 2} as TrainConfig;
/** A hand-made view: only the fields the announcer reads. */
function view(
  status: RunState["status"],
  step: number,
  message: string | null = null,
  c = config
): SessionView {
  const run = {status, message, step, totalSteps: 10, snapshots: []} as unknown as RunState;
  return {status, message, run, config: c};
}
const idle = (message: string | null = null): SessionView => ({
  status: "idle",
  message,
  run: null,
  config: null
});

describe("announcement", () => {
  it("announces starts, pauses, resumes, divergence and resets, once each", () => {
    const steps: [SessionView, string | null][] = [
      [idle(), null],
      [view("running", 0), "Training started: 10 steps over 2 epochs."],
      [view("running", 3), null],
      [view("paused", 3), "Training paused at step 3 of 10."],
      [view("running", 3), "Training resumed."],
      [view("diverged", 5, "loss is NaN"), "Training diverged at step 5: loss is NaN"],
      [view("diverged", 5, "loss is NaN"), null],
      [idle(), "Training reset."],
      [idle("width: must be a whole number"), "Could not start training: width: must be a whole number"]
    ];
    let previous = null as SessionView | null;
    for (const [next, expected] of steps) {
      assert.equal(announcement(previous, next), expected, `${previous?.status} → ${next.status}`);
      previous = next;
    }
  });

  it("announces a restart with the same settings, and failures", () => {
    assert.match(announcement(view("running", 7), view("running", 0))!, /^Training started/);
    assert.match(announcement(view("done", 10), view("running", 0))!, /^Training started/);
    assert.equal(
      announcement(view("running", 2), view("failed", 2, "out of memory")),
      "Training failed: out of memory"
    );
  });
});

describe("createAnnouncer", () => {
  it("is a polite status region that says when a real run starts and finishes, with its test accuracy", async () => {
    const group = new RunGroup(localStarter(smallData()));
    const announcer = createAnnouncer();
    const said: string[] = [];
    group.subscribe((v) => {
      announcer.update(v.primary);
      if (said.at(-1) !== announcer.element.textContent) said.push(announcer.element.textContent ?? "");
    });
    assert.equal(announcer.element.getAttribute("role"), "status");
    assert.equal(announcer.element.getAttribute("aria-live"), "polite");
    assert.notEqual(announcer.element.style.position, "");
    group.start([{label: "run", config: smallConfig({epochs: 2})}]);
    await group.settled();
    assert.equal(said[0], "");
    assert.match(said[1]!, /^Training started: \d+ steps over 2 epochs\.$/);
    assert.match(said[2]!, /^Training finished after \d+ steps: test accuracy \d+\.\d%\.$/);
    assert.equal(said.length, 3);
  });
});
