// A remedy page's controls as Observable Inputs, each with its one line of help, built from the page's spec
// (remedy-spec.ts): sliders take their range from the same bounds as the URL, lists their entries from the
// engine's registries. Preset buttons set several controls at once, as a reader would by hand.
import * as Inputs from "@observablehq/inputs";
import {nameEveryInput} from "./control-inputs.js";
import {
  allControls,
  type ControlSpec,
  type RemedyPreset,
  type RemedySpec,
  type RemedyValues
} from "./remedy-spec.js";

export interface RemedyInputs {
  element: HTMLElement;
  inputs: Record<string, Inputs.InputElement<unknown>>;
  /** The values the inputs show now (not yet normalized). */
  read(): RemedyValues;
  /** Shows `values` in the inputs and reports one change, as if the reader had set them. */
  set(values: RemedyValues): void;
}

function input(control: ControlSpec, value: unknown): Inputs.InputElement<unknown> {
  const {param, label} = control;
  if (control.input === "select") {
    if (param.kind !== "choice") throw new Error(`${label}: a list needs a choice parameter`);
    return Inputs.select(param.values, {label, value: String(value), format: control.format});
  }
  if (param.kind === "choice") throw new Error(`${label}: a slider needs a numeric parameter`);
  // A number box accepts any value of the range; the page clamps it to [min, max] (normalizeControlValues).
  if (control.input === "number") return Inputs.number([param.min, param.max], {label, value: Number(value)});
  return Inputs.range([param.min, param.max], {
    label,
    value: Number(value),
    // A log slider puts 0.05, 1 and 10 at visibly different places on 0.01–20; a linear one would not.
    ...(control.input === "log" ? {transform: Math.log} : {step: control.step ?? 1})
  });
}

let nextId = 0;

export function createRemedyInputs(
  spec: RemedySpec,
  values: RemedyValues,
  doc: Document = document
): RemedyInputs {
  return createControlRows(allControls(spec), values, spec.presets ?? [], doc);
}

/** The rows of `controls` (input and help line each) showing `values`, after a bar of `presets` if any. */
export function createControlRows(
  controls: Record<string, ControlSpec>,
  values: RemedyValues,
  presets: readonly RemedyPreset[] = [],
  doc: Document = document
): RemedyInputs {
  const element = doc.createElement("div");
  element.className = "remedy-controls";
  const inputs: RemedyInputs["inputs"] = {};
  for (const [key, control] of Object.entries(controls)) {
    const el = nameEveryInput(input(control, values[key]));
    const help = doc.createElement("p");
    help.className = "help";
    help.id = `remedy-help-${nextId++}`;
    help.textContent = control.help;
    // The help line is the control's description for screen readers too.
    for (const field of el.querySelectorAll("input, select")) field.setAttribute("aria-describedby", help.id);
    const row = element.appendChild(doc.createElement("div"));
    row.className = `control control-${key}`;
    row.append(el, help);
    inputs[key] = el;
  }
  const read = () =>
    Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value])) as RemedyValues;
  const set = (next: RemedyValues) => {
    for (const [key, value] of Object.entries(next)) if (inputs[key]) inputs[key]!.value = value;
    element.dispatchEvent(new Event("input", {bubbles: true}));
  };
  if (presets.length) {
    const bar = doc.createElement("div");
    bar.className = "presets";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Presets");
    for (const preset of presets) {
      const button = bar.appendChild(doc.createElement("button"));
      button.type = "button";
      button.textContent = preset.label;
      button.addEventListener("click", () => set(preset.values));
    }
    element.prepend(bar);
  }
  return {element, inputs, read, set};
}
