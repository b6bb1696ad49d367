// The problem page's settings as Observable Inputs, built in one place so that every page that trains gets the
// same sliders and every one of their inputs has an accessible name.
import * as Inputs from "@observablehq/inputs";
import {INIT_CHOICES, type ControlValues} from "./controls.js";

export type ControlInputs = {[K in keyof ControlValues]: Inputs.InputElement<unknown>};

/** One input per setting, starting at `values`; `Inputs.form(createControlInputs(values))` reads them all. */
export function createControlInputs(values: ControlValues): ControlInputs {
  return {
    depth: nameEveryInput(Inputs.range([1, 16], {step: 1, value: values.depth, label: "Hidden layers"})),
    width: nameEveryInput(Inputs.range([8, 256], {step: 8, value: values.width, label: "Units per layer"})),
    init: nameEveryInput(
      Inputs.select(INIT_CHOICES, {
        value: String(values.init) as (typeof INIT_CHOICES)[number],
        label: "Weight init",
        format: (d) => (d === "default" ? "PyTorch default U(±1/√n)" : `N(0, ${d}²)`)
      })
    ),
    // A log slider: the study's 0.01 sits in the middle of 0.001–1 instead of at the left end.
    learningRate: nameEveryInput(
      Inputs.range([0.001, 1], {transform: Math.log, value: values.learningRate, label: "Learning rate"})
    ),
    epochs: nameEveryInput(Inputs.range([1, 100], {step: 1, value: values.epochs, label: "Epochs"})),
    trainSize: nameEveryInput(
      Inputs.range([1000, 60000], {step: 1000, value: values.trainSize, label: "Training images"})
    )
  };
}

/**
 * Gives every input, select and textarea of an Observable Inputs control that has no name yet the text of the
 * control's label as its aria-label. `Inputs.range` ties its <label> to the number box only, which leaves the
 * slider beside it nameless: a screen reader would announce just "slider, 7".
 */
export function nameEveryInput<T extends Element>(control: T): T {
  const labels = [...control.querySelectorAll("label")];
  const text = labels[0]?.textContent?.trim();
  if (!text) return control;
  for (const input of control.querySelectorAll("input, select, textarea")) {
    const labelled =
      input.hasAttribute("aria-label") ||
      input.hasAttribute("aria-labelledby") ||
      input.closest("label") !== null ||
      (input.id !== "" && labels.some((label) => label.htmlFor === input.id));
    if (!labelled) input.setAttribute("aria-label", text);
  }
  return control;
}
