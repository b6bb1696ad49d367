import "./components-dom.js";
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import {createRunButtons} from "../../src/lib/run-buttons.js";
import {TrainingSession, type SessionView} from "../../src/lib/session.js";
import {smallConfig, smallData, useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

describe("createRunButtons", () => {
  it("starts, pauses, resumes and resets through the same button elements", async () => {
    const session = new TrainingSession();
    const config = smallConfig({epochs: 50});
    const buttons = createRunButtons(session, () => ({config, data: smallData()}));
    let view: SessionView | undefined;
    session.subscribe((v) => {
      view = v;
      buttons.update(v, true);
    });
    const [train, pause, reset] = [...buttons.element.querySelectorAll("button")] as HTMLButtonElement[];
    assert.deepEqual([train!.disabled, pause!.disabled, reset!.disabled], [false, true, true]);
    train!.click();
    assert.equal(view!.status, "running", view!.message ?? "");
    assert.equal(train!.textContent, "Train again");
    pause!.click();
    assert.equal(view!.status, "paused");
    assert.equal(pause!.textContent, "Resume");
    pause!.click();
    assert.equal(view!.status, "running");
    const settled = session.settled();
    reset!.click();
    await settled;
    assert.equal(view!.status, "idle");
    assert.deepEqual([pause!.disabled, reset!.disabled], [true, true]);
  });

  it("does not start when there is nothing to train on yet", () => {
    const session = new TrainingSession();
    const buttons = createRunButtons(session, () => null);
    let view: SessionView | undefined;
    session.subscribe((v) => (view = v));
    buttons.update(view!, false);
    const train = buttons.element.querySelector("button.train") as HTMLButtonElement;
    assert.equal(train.disabled, true);
    train.click();
    assert.equal(view!.status, "idle");
  });
});

describe("createRunButtons focus", () => {
  it("moves the keyboard focus to Train when the focused button is disabled", async () => {
    const session = new TrainingSession();
    const config = smallConfig({epochs: 50});
    const buttons = createRunButtons(session, () => ({config, data: smallData()}));
    document.body.append(buttons.element);
    session.subscribe((v) => buttons.update(v, true));
    const [train, pause, reset] = [...buttons.element.querySelectorAll("button")] as HTMLButtonElement[];
    train!.click();
    pause!.focus();
    pause!.click();
    assert.equal(document.activeElement, pause, "an enabled button keeps the focus");
    reset!.focus();
    const settled = session.settled();
    reset!.click();
    await settled;
    assert.equal(reset!.disabled, true);
    assert.equal(document.activeElement, train);
    buttons.element.remove();
  });
});
