import "./inputs-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {createControlInputs, nameEveryInput} from "../../src/lib/control-inputs.js";
import {ACTIVATIONS} from "../../src/engine/activations.js";
import {CONTROL_PARAMS, PAGE_DEFAULTS} from "../../src/lib/controls.js";

/** The accessible name a browser would compute from a label[for], a wrapping label or aria-label. */
function accessibleName(input: Element, root: Element): string {
  const byFor = input.id
    ? [...root.querySelectorAll("label")].find((l) => l.htmlFor === input.id)
    : undefined;
  return (
    input.getAttribute("aria-label") ??
    byFor?.textContent ??
    input.closest("label")?.textContent ??
    ""
  ).trim();
}

describe("createControlInputs", () => {
  it("names every input of every control, the slider beside each number box included", () => {
    const controls = createControlInputs(PAGE_DEFAULTS);
    let inputs = 0;
    for (const [key, control] of Object.entries(controls)) {
      const label = control.querySelector("label")?.textContent?.trim();
      assert.ok(label, `${key} has a visible label`);
      for (const input of control.querySelectorAll("input, select")) {
        inputs++;
        assert.equal(accessibleName(input, control), label, `${key}: ${input.outerHTML}`);
      }
    }
    // Five sliders with a number box and a range each, and three selects.
    assert.equal(inputs, 13);
    assert.equal(controls.depth.querySelectorAll('input[type="range"]').length, 1);
  });

  it("starts at the given values", () => {
    const controls = createControlInputs({
      ...PAGE_DEFAULTS,
      depth: 3,
      init: 0.5,
      activation: "elu",
      trainSize: 2000,
      compare: "relu"
    });
    assert.equal(controls.compare.value, "relu");
    assert.equal(controls.depth.value, 3);
    assert.equal(controls.activation.value, "elu");
    assert.equal(controls.init.value, "0.5");
    assert.equal(controls.trainSize.value, 2000);
    assert.equal(controls.learningRate.value, PAGE_DEFAULTS.learningRate);
  });

  it("offers every activation of the engine's registry, by its label", () => {
    const options = [...createControlInputs(PAGE_DEFAULTS).activation.querySelectorAll("option")];
    assert.deepEqual(
      options.map((o) => o.textContent),
      Object.values(ACTIVATIONS).map((spec) => spec.label)
    );
    assert.equal(options.length, 9);
  });

  it("lets each slider reach exactly the range its URL parameter accepts", () => {
    const controls = createControlInputs(PAGE_DEFAULTS);
    const range = (key: keyof typeof controls) =>
      controls[key].querySelector<HTMLInputElement>('input[type="number"]')!;
    assert.deepEqual(
      [range("depth").min, range("depth").max],
      [String(CONTROL_PARAMS.depth.min), String(CONTROL_PARAMS.depth.max)]
    );
    assert.deepEqual([range("trainSize").min, range("trainSize").max], ["1000", "60000"]);
  });
});

describe("nameEveryInput", () => {
  it("keeps existing names and leaves a control without a label alone", () => {
    const form = document.createElement("form");
    form.innerHTML = `<label for="n">Size</label><input id="n"><input aria-label="Own"><label>In <input></label>
      <input type="range">`;
    nameEveryInput(form);
    const [number, own, wrapped, range] = [...form.querySelectorAll("input")];
    assert.equal(number!.getAttribute("aria-label"), null);
    assert.equal(own!.getAttribute("aria-label"), "Own");
    assert.equal(wrapped!.getAttribute("aria-label"), null);
    assert.equal(range!.getAttribute("aria-label"), "Size");
    const bare = document.createElement("form");
    bare.innerHTML = "<input>";
    assert.equal(nameEveryInput(bare).querySelector("input")!.hasAttribute("aria-label"), false);
  });
});
