// The race controls in jsdom: Start enabled only for a valid pick, the data loaded once, the status line, the
// live region and the busy flag the browser tests wait on.
import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {createRaceControls} from "../../src/lib/race-controls.js";
import type {RaceView} from "../../src/lib/race.js";
import {data, fakeEngine} from "./race-fixtures.js";

/** Resolves once `condition()` holds; fails after two seconds. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 2000) throw new Error("condition not met within 2 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("createRaceControls", () => {
  it("enables Start for a valid pick, loads the data once, races and announces the result", async () => {
    let loads = 0;
    const controls = createRaceControls({
      prepare: async () => (loads++, data),
      start: fakeEngine([0.2, 0.7, 0.1, 0.3])
    });
    const start = controls.element.querySelector<HTMLButtonElement>("button.race-start")!;
    const stop = controls.element.querySelector<HTMLButtonElement>("button.race-stop")!;
    const status = () => controls.element.querySelector(".race-status")!.textContent;
    controls.setPicks(["baseline"]);
    assert.deepEqual(
      [start.disabled, stop.disabled, status()],
      [true, true, "Pick at least 2 presets (1 picked)."]
    );
    controls.setPicks(["baseline", "relu"]);
    assert.equal(start.disabled, false);
    const views: (RaceView | null)[] = [];
    controls.subscribe((v) => views.push(v));
    start.click();
    assert.deepEqual([start.disabled, stop.disabled, status()], [true, false, "Loading images…"]);
    assert.equal(controls.element.querySelector("progress")!.getAttribute("aria-busy"), "true");
    await until(() => !start.disabled);
    assert.equal(status(), "Finished. Test accuracy: Better activation 70.0%, Baseline 20.0%.");
    assert.equal(controls.element.querySelector("[role=status]")!.textContent, status());
    assert.equal(controls.element.querySelector("progress")!.getAttribute("aria-busy"), "false");
    assert.equal(views.at(-1)!.status, "done");
    start.click();
    assert.equal(start.disabled, true);
    await until(() => !start.disabled);
    assert.equal(loads, 1, "the images are loaded once");
    assert.equal(status(), "Finished. Test accuracy: Better activation 30.0%, Baseline 10.0%.");
  });

  it("shows why a race could not run", async () => {
    const controls = createRaceControls({prepare: () => Promise.reject(new Error("offline"))});
    controls.setPicks(["baseline", "relu"]);
    const start = controls.element.querySelector<HTMLButtonElement>("button.race-start")!;
    start.click();
    await until(() => !start.disabled);
    assert.equal(
      controls.element.querySelector(".race-status")!.textContent,
      "The race could not run: offline"
    );
  });
});
