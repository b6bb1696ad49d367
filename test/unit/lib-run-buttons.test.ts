import "./components-dom.js";
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import {RunGroup, type GroupView} from "../../src/lib/run-group.js";
import {createRunButtons} from "../../src/lib/run-buttons.js";
import {smallConfig, smallData, useCpuBackend} from "./engine-helpers.js";
import {localStarter} from "./lib-helpers.js";

before(useCpuBackend);

/** The view once the group has delivered whatever was queued (runs start a microtask after start()). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function setup() {
  const group = new RunGroup(localStarter(smallData()));
  const config = smallConfig({epochs: 50});
  const buttons = createRunButtons(group, () => group.start([{label: "run", config}]));
  const seen: {view?: GroupView} = {};
  group.subscribe((v) => {
    seen.view = v;
    buttons.update(v.primary, true);
  });
  const [train, pause, reset] = [...buttons.element.querySelectorAll("button")] as HTMLButtonElement[];
  return {group, buttons, seen, train: train!, pause: pause!, reset: reset!};
}

describe("createRunButtons", () => {
  it("starts, pauses, resumes and resets through the same button elements", async () => {
    const {group, seen, train, pause, reset} = setup();
    assert.deepEqual([train.disabled, pause.disabled, reset.disabled], [false, true, true]);
    train.click();
    await settle();
    assert.equal(seen.view!.status, "running");
    assert.equal(train.textContent, "Train again");
    pause.click();
    await settle();
    assert.equal(seen.view!.status, "paused");
    assert.equal(pause.textContent, "Resume");
    pause.click();
    await settle();
    assert.equal(seen.view!.status, "running");
    reset.click();
    await group.settled();
    assert.equal(seen.view!.status, "idle");
    assert.deepEqual([pause.disabled, reset.disabled], [true, true]);
  });

  it("does not start while it may not", () => {
    let starts = 0;
    const group = new RunGroup(localStarter(smallData()));
    const buttons = createRunButtons(group, () => starts++);
    buttons.update(group.view.primary, false);
    const train = buttons.element.querySelector("button.train") as HTMLButtonElement;
    assert.equal(train.disabled, true);
    train.click();
    assert.equal(starts, 0);
  });
});

describe("createRunButtons focus", () => {
  it("moves the keyboard focus to Train when the focused button is disabled", async () => {
    const {group, buttons, train, pause, reset} = setup();
    document.body.append(buttons.element);
    train.click();
    await settle();
    pause.focus();
    pause.click();
    await settle();
    assert.equal(document.activeElement, pause, "an enabled button keeps the focus");
    reset.focus();
    reset.click();
    await group.settled();
    assert.equal(reset.disabled, true);
    assert.equal(document.activeElement, train);
    buttons.element.remove();
  });
});
