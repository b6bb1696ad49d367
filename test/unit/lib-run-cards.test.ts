import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {gradientProfile, trainingCurves} from "../../components/index.js";
import type {RunState} from "../../src/engine/index.js";
import {configFromControls, PAGE_DEFAULTS} from "../../src/lib/controls.js";
import type {GroupView} from "../../src/lib/run-group.js";
import {runCard} from "../../src/lib/run-cards.js";
import {loadRun} from "./components-fixtures.js";

const charts = {gradientProfile, trainingCurves};
const config = configFromControls(PAGE_DEFAULTS);

function entry(
  label: string,
  name: "vanishing-run" | "healthy-run",
  step: number
): GroupView["runs"][number] {
  const snapshots = loadRun(name);
  const run: RunState = {
    status: "running",
    message: null,
    snapshots,
    step,
    totalSteps: 90,
    elapsedMs: 5000,
    remainingMs: 1000
  };
  return {label, view: {status: "running", message: null, run, config}};
}

describe("runCard", () => {
  it("shows its run's name, its own progress and status, and its profile over the reference run's", () => {
    const mine = entry("Your settings", "vanishing-run", 30);
    const card = runCard(entry("ReLU", "healthy-run", 45), mine, 400, charts);
    assert.equal(card.querySelector("h2")!.textContent, "ReLU");
    const progress = card.querySelector("progress")!;
    assert.deepEqual(
      [progress.value, progress.max, progress.getAttribute("aria-label")],
      [45, 90, "Training progress: ReLU"]
    );
    assert.match(card.querySelector(".run-status")!.textContent!, /^Training: step 45 of 90/);
    const [profile, curves] = [...card.querySelectorAll("svg")];
    assert.match(profile!.getAttribute("aria-label")!, /For Your settings, it/);
    assert.match(curves!.getAttribute("aria-label")!, /^Training accuracy/);
  });

  it("draws the reference run alone, and an idle run as no data", () => {
    const alone = runCard(entry("Your settings", "vanishing-run", 30), null, 400, charts);
    assert.doesNotMatch(alone.querySelector("svg")!.getAttribute("aria-label")!, /For /);
    const idle = runCard(
      {label: "Waiting", view: {status: "idle", message: null, run: null, config: null}},
      null,
      400,
      charts
    );
    assert.equal(idle.querySelector(".run-status")!.textContent, "Not started.");
    assert.match(idle.querySelector("svg")!.getAttribute("aria-label")!, /no data yet/);
  });
});
