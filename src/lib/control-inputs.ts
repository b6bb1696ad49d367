// The problem page's settings as Observable Inputs, built in one place so that every page that trains gets the
// same sliders and every one of their inputs has an accessible name.
import * as Inputs from "@observablehq/inputs";
import {ACTIVATIONS} from "../engine/activations.js";
import {
  ACTIVATION_CHOICES,
  COMPARE_CHOICES,
  CONTROL_PARAMS,
  INIT_CHOICES,
  type ControlValues
} from "./controls.js";
import {COMPARISON_LABELS} from "./comparisons.js";

/** A slider's [min, max]: the URL's bounds, so that a shared link can hold any value a slider can. */
const bounds = (spec: {min: number; max: number}): [number, number] => [spec.min, spec.max];

export type ControlInputs = {[K in keyof ControlValues]: Inputs.InputElement<unknown>};

/** One input per setting, starting at `values`; `Inputs.form(createControlInputs(values))` reads them all. */
export function createControlInputs(values: ControlValues): ControlInputs {
  return {
    depth: nameEveryInput(
      Inputs.range(bounds(CONTROL_PARAMS.depth), {step: 1, value: values.depth, label: "Hidden layers"})
    ),
    width: nameEveryInput(
      Inputs.range(bounds(CONTROL_PARAMS.width), {step: 8, value: values.width, label: "Units per layer"})
    ),
    init: nameEveryInput(
      Inputs.select(INIT_CHOICES, {
        value: String(values.init) as (typeof INIT_CHOICES)[number],
        label: "Weight init",
        format: (d) => (d === "default" ? "PyTorch default U(±1/√n)" : `N(0, ${d}²)`)
      })
    ),
    activation: nameEveryInput(
      Inputs.select(ACTIVATION_CHOICES, {
        value: values.activation,
        label: "Activation",
        format: (kind) => ACTIVATIONS[kind].label
      })
    ),
    // A log slider: the study's 0.01 sits in the middle of 0.0001–10 instead of at the left end.
    learningRate: nameEveryInput(
      Inputs.range(bounds(CONTROL_PARAMS.lr), {
        transform: Math.log,
        value: values.learningRate,
        label: "Learning rate"
      })
    ),
    epochs: nameEveryInput(
      Inputs.range(bounds(CONTROL_PARAMS.epochs), {step: 1, value: values.epochs, label: "Epochs"})
    ),
    trainSize: nameEveryInput(
      Inputs.range(bounds(CONTROL_PARAMS.train), {
        step: 1000,
        value: values.trainSize,
        label: "Training images"
      })
    ),
    compare: nameEveryInput(
      Inputs.select(COMPARE_CHOICES, {
        value: values.compare,
        label: "Compare with",
        format: (choice) => COMPARISON_LABELS[choice]
      })
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
